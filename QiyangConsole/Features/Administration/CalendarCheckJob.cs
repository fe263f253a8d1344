using Hangfire;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Jobs;

namespace QiyangConsole.Features.Administration;

/// <summary>
/// Warns the Office when this year's or, from October on, next year's working-day calendar is missing
/// (the State Council publishes next year's arrangement late in the year).
/// </summary>
public sealed class CalendarCheckJob(IDbContextFactory<AppDbContext> factory, JobRecorder recorder, TimeProvider clock)
{
    public const string Id = "calendar-check";

    public static RecurringJobDefinition Definition => new(Id, "工作日历完整性检查", "0 7 * * *",
        (m, cron, o) => m.AddOrUpdate<CalendarCheckJob>(Id, j => j.RunAsync(), cron, o));

    [AutomaticRetry(Attempts = 0)]
    public Task<string> RunAsync() => recorder.RunAsync(Id, null, async () =>
    {
        var today = clock.Today();
        var wanted = today.Month >= 10 ? new[] { today.Year, today.Year + 1 } : [today.Year];
        await using var db = await factory.CreateDbContextAsync();
        var loaded = await db.CalendarYears.Select(y => y.Year).ToListAsync();
        var missing = wanted.Except(loaded).ToList();
        foreach (var year in missing)
            await ReminderService.AddOnceAsync(db, new Reminder
            {
                Role = AppRoles.Office, Title = $"{year}年工作日历尚未维护，期限计算将无法进行", Link = "/system/calendar",
                DedupKey = $"calendar-missing-{year}",
            }, clock.UtcNow());
        await db.SaveChangesAsync();
        return missing.Count == 0 ? "日历齐全" : $"缺少 {string.Join("、", missing)} 年日历，已提醒专班办公室";
    });
}
