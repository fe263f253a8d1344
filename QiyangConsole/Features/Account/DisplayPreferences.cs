using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Account;

/// <summary>The signed-in user's own display settings (适老化 大字版), stored on the account.</summary>
public sealed class DisplayPreferences(IDbContextFactory<AppDbContext> factory, CurrentUser current)
{
    /// <summary>Whether the signed-in user reads in large text; false for nobody signed in.</summary>
    public async Task<bool> LargeTextAsync()
    {
        if (current.UserId is not { } id) return false;
        await using var db = await factory.CreateDbContextAsync();
        return await db.Users.Where(u => u.Id == id).Select(u => u.LargeText).FirstOrDefaultAsync();
    }

    public async Task SetLargeTextAsync(bool on)
    {
        var id = current.UserId ?? throw new InvalidOperationException("未登录");
        await using var db = await factory.CreateDbContextAsync();
        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LargeText, on));
    }
}
