using QiyangConsole.Features.Administration;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Administration;

public class ReminderTests
{
    [DbFact]
    public async Task A_shared_reminder_read_by_one_office_member_stays_unread_for_the_others()
    {
        await using var db = await Seeds.SeededAsync();
        await using (var ctx = db.CreateDbContext())
        {
            await ReminderService.AddOnceAsync(ctx, new Reminder { Role = AppRoles.Office, Title = "销号待审核：测试事项", DedupKey = "shared-1" }, DateTime.UtcNow);
            Assert.False(await ReminderService.AddOnceAsync(ctx, new Reminder { Role = AppRoles.Office, Title = "重复", DedupKey = "shared-1" }, DateTime.UtcNow));
            await ctx.SaveChangesAsync();
        }
        db.SignIn("office", AppRoles.Office, userId: "office-a");
        var first = db.Get<ReminderService>();
        var mine = Assert.Single(await first.MineAsync());
        await first.MarkReadAsync(mine.Id);
        await first.MarkReadAsync(mine.Id);   // twice is harmless
        Assert.Empty(await first.MineAsync());
        Assert.Equal(0, await first.UnreadCountAsync());

        db.SignIn("office2", AppRoles.Office, userId: "office-b");
        var colleague = db.Get<ReminderService>();
        var theirs = await colleague.MineAsync();
        Assert.Single(theirs);
        theirs.Clear();                          // the bell removes what it opens: the list kept for the next page is not touched
        Assert.Single(await colleague.MineAsync());

        db.SignIn("unit", AppRoles.Unit, unitId: 1, userId: "unit-a");
        var unit = db.Get<ReminderService>();
        Assert.Empty(await unit.MineAsync());
        await unit.MarkReadAsync(mine.Id);    // not addressed to it: nothing recorded
        await using var check = db.CreateDbContext();
        Assert.Equal(1, check.ReminderReads.Count());

        // A reminder a job adds later reaches the bell at once: any save clears the reminders kept per user.
        await using (var ctx = db.CreateDbContext())
        {
            await ReminderService.AddOnceAsync(ctx, new Reminder { Role = AppRoles.Office, Title = "延期待审批：测试事项", DedupKey = "shared-2" }, DateTime.UtcNow);
            await ctx.SaveChangesAsync();
        }
        db.SignIn("office", AppRoles.Office, userId: "office-a");
        Assert.Equal("延期待审批：测试事项", Assert.Single(await db.Get<ReminderService>().MineAsync()).Title);
    }
}
