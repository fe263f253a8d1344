using Hangfire;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Jobs;

namespace QiyangConsole.Features.Enterprises;

/// <summary>
/// Every morning: remind each steward of the enterprises whose next contact date (from the latest visit) is today or
/// past, and of its enterprises not visited for the parameter's days. Reminders are keyed per steward and day, so a
/// second run the same day adds nothing.
/// </summary>
public sealed class StewardRemindersJob(IDbContextFactory<AppDbContext> factory, SettingsService settings, JobRecorder recorder, TimeProvider clock)
{
    public const string Id = "steward-reminders";

    public static RecurringJobDefinition Definition => new(Id, "企业管家走访提醒", "45 7 * * *",
        (m, cron, o) => m.AddOrUpdate<StewardRemindersJob>(Id, j => j.RunAsync(), cron, o));

    [AutomaticRetry(Attempts = 0)]
    public Task<string> RunAsync() => recorder.RunAsync(Id, clock.Today().ToString("yyyy-MM-dd"), async () =>
    {
        var today = clock.Today();
        var days = await settings.IntAsync("steward.visitOverdueDays", 30);
        var cutoff = Stewarding.OverdueBefore(today, days);
        await using var db = await factory.CreateDbContextAsync();
        // The latest visit of each enterprise that has a steward: its next contact date, if due.
        var due = await db.Enterprises.Where(e => e.StewardId != null)
            .Select(e => new { e.Id, e.Name, Steward = e.StewardId!, Next = db.Visits.Where(v => v.EnterpriseId == e.Id).OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id).Select(v => v.NextContactOn).FirstOrDefault() })
            .Where(x => x.Next != null && x.Next <= today).ToListAsync();
        var overdue = await db.Enterprises.NotVisitedSince(db, cutoff).Where(e => e.StewardId != null)
            .GroupBy(e => e.StewardId!).Select(g => new { Steward = g.Key, Count = g.Count() }).ToListAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var stamp = today.ToString("yyyyMMdd");
        var added = 0;
        foreach (var group in due.GroupBy(d => d.Steward))
        {
            var names = string.Join("、", group.OrderBy(g => g.Next).Take(3).Select(g => g.Name)) + (group.Count() > 3 ? $" 等 {group.Count()} 家" : "");
            if (await ReminderService.AddOnceAsync(db, new Reminder { UserId = group.Key, Title = $"今日应联系：{names}", Link = "/visits/new", DedupKey = $"steward-next-{group.Key}-{stamp}" }, clock.UtcNow())) added++;
        }
        foreach (var o in overdue)
            if (await ReminderService.AddOnceAsync(db, new Reminder { UserId = o.Steward, Title = $"您有 {o.Count} 家企业超过 {days} 天未走访", Link = "/visits", DedupKey = $"steward-overdue-{o.Steward}-{stamp}" }, clock.UtcNow())) added++;
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return $"应联系企业 {due.Count} 家，超期未走访涉及管家 {overdue.Count} 名，新增提醒 {added} 条";
    });
}
