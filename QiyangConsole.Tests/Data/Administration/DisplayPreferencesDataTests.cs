using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Account;
using QiyangConsole.Features.Administration;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Administration;

/// <summary>大字版 is kept on each user's account: one user's choice is theirs alone and outlives the session.</summary>
public class DisplayPreferencesDataTests
{
    private static async Task<string> IdAsync(TestDb db, string userName)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    [DbFact]
    public async Task Large_text_is_kept_per_user_and_survives_a_new_session()
    {
        await using var db = await Seeds.SeededAsync();
        var preferences = new DisplayPreferences(db, db.Actor, db.Get<FigureCache>());
        var steward = await IdAsync(db, "steward");
        var office = await IdAsync(db, "office");

        db.SignIn("steward", AppRoles.Steward, userId: steward);
        Assert.False(await preferences.LargeTextAsync());
        await preferences.SetLargeTextAsync(true);
        Assert.True(await preferences.LargeTextAsync());

        db.SignIn("office", AppRoles.Office, userId: office);
        Assert.False(await preferences.LargeTextAsync());  // the steward's choice is not the office's

        // A later session of the steward (a new service, a new context) reads it from the account.
        db.SignIn("steward", AppRoles.Steward, userId: steward);
        Assert.True(await new DisplayPreferences(db, db.Actor, db.Get<FigureCache>()).LargeTextAsync());
        await using (var ctx = db.CreateDbContext())
            Assert.Equal([("office", false), ("steward", true)],
                (await ctx.Users.Where(u => u.Id == steward || u.Id == office).OrderBy(u => u.UserName).Select(u => new { u.UserName, u.LargeText }).ToListAsync())
                .Select(u => (u.UserName!, u.LargeText)));

        await preferences.SetLargeTextAsync(false);
        Assert.False(await preferences.LargeTextAsync());
        // Each page asks, so the setting is kept a short time across requests; a change clears what was kept.
        Assert.False(await new DisplayPreferences(db, db.Actor, db.Get<FigureCache>()).LargeTextAsync());
    }

    [DbFact]
    public async Task Nobody_signed_in_reads_normal_text_and_cannot_set_it()
    {
        await using var db = await Seeds.SeededAsync();
        var preferences = new DisplayPreferences(db, db.Actor, db.Get<FigureCache>());
        Assert.False(await preferences.LargeTextAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => preferences.SetLargeTextAsync(true));
    }
}
