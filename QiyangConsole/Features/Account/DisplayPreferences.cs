using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Account;

/// <summary>The signed-in user's own display settings (适老化 大字版), stored on the account.</summary>
public sealed class DisplayPreferences(IDbContextFactory<AppDbContext> factory, CurrentUser current, FigureCache figures)
{
    // Read once per request or circuit (the document and the layout both ask), and kept a short time per user across
    // requests (FigureCache: every page asks); the setting changes only through this service, which clears what is kept.
    private (string Id, bool On)? _read;

    /// <summary>Whether the signed-in user reads in large text; false for nobody signed in.</summary>
    public async Task<bool> LargeTextAsync()
    {
        if (current.UserId is not { } id) return false;
        if (_read is { } read && read.Id == id) return read.On;
        var on = await figures.GetAsync($"large-text:{id}", async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            return await db.Users.Where(u => u.Id == id).Select(u => u.LargeText).FirstOrDefaultAsync();
        });
        _read = (id, on);
        return on;
    }

    public async Task SetLargeTextAsync(bool on)
    {
        var id = current.UserId ?? throw new InvalidOperationException("未登录");
        await using var db = await factory.CreateDbContextAsync();
        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LargeText, on));
        FigureCache.Changed();
        _read = (id, on);
    }
}
