using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Enterprises;

internal static class Kit
{
    public static readonly DateOnly Today = new(2023, 5, 18);

    public static void AsOffice(TestDb db) => db.SignIn("office", AppRoles.Office);

    /// <summary>A valid credit code not used by the seeds: 91431181QYT + six digits + the check character.</summary>
    public static string Code(int n)
    {
        var first17 = $"91431181QYT{n:000000}";
        return first17 + CreditCode.CheckCharacter(first17);
    }

    public static async Task RefusedAsync(Func<Task> action, string message)
    {
        var ex = await Assert.ThrowsAsync<DomainException>(action);
        Assert.Equal(message, ex.Message);
    }

    public static async Task<string> UserIdAsync(TestDb db, string userName)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    public static async Task<int> UnitIdAsync(TestDb db, string name)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }

    public static async Task<int> EnterpriseIdAsync(TestDb db, string name)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Enterprises.Where(e => e.Name == name).Select(e => e.Id).SingleAsync();
    }
}
