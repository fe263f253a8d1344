using Hangfire;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Jobs;

namespace QiyangConsole.Features.WorkItems;

/// <summary>Every morning: refresh the lights of open items and remind lead units (and the Office) of items due soon or overdue.</summary>
public sealed class WorkItemLightsJob(IDbContextFactory<AppDbContext> factory, CalendarService calendar, SettingsService settings, JobRecorder recorder, TimeProvider clock)
{
    public const string Id = "work-item-lights";

    public static RecurringJobDefinition Definition => new(Id, "重点工作亮灯与提醒", "30 6 * * *",
        (m, cron, o) => m.AddOrUpdate<WorkItemLightsJob>(Id, j => j.RunAsync(), cron, o));

    [AutomaticRetry(Attempts = 0)]
    public Task<string> RunAsync() => recorder.RunAsync(Id, clock.Today().ToString("yyyy-MM-dd"), async () =>
    {
        var today = clock.Today();
        var cal = await calendar.GetAsync();
        var yellowDays = await settings.IntAsync("warning.yellowDays", 3);
        await using var db = await factory.CreateDbContextAsync();
        // One write transaction: users' saves wait for the run instead of making it fail on a version clash.
        await using var tx = await db.Database.BeginTransactionAsync();
        var items = await db.WorkItems.Where(i => i.State != WorkItemState.Closed).ToListAsync();
        int changed = 0, yellow = 0, red = 0, reminders = 0;
        foreach (var item in items)
        {
            var light = WorkItemService.Light(item, today, cal, yellowDays);
            if (light != item.Light) { item.Light = light; changed++; }
            if (item.State == WorkItemState.Registered) continue;
            var stamp = today.ToString("yyyyMMdd");
            if (light == WarningLight.Yellow)
            {
                yellow++;
                if (await AddAsync(db, new Reminder { UnitId = item.LeadUnitId, Title = $"即将到期（{AppTime.ListDate(item.EffectiveDeadline)}）：{item.Title}", Link = $"/work-items/{item.Id}", DedupKey = $"work-due-{item.Id}-{stamp}" })) reminders++;
            }
            else if (light == WarningLight.Red)
            {
                red++;
                if (await AddAsync(db, new Reminder { UnitId = item.LeadUnitId, Title = $"已逾期（期限 {AppTime.ListDate(item.EffectiveDeadline)}）：{item.Title}", Link = $"/work-items/{item.Id}", DedupKey = $"work-overdue-{item.Id}-{stamp}" })) reminders++;
                if (await AddAsync(db, new Reminder { Role = AppRoles.Office, Title = $"逾期未销号：{item.Title}", Link = $"/work-items/{item.Id}", DedupKey = $"work-overdue-office-{item.Id}-{stamp}" })) reminders++;
            }
        }
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        var missing = cal.HasYear(today.Year + 1) ? "" : $"；{today.Year + 1}年日历未载入，跨年期限按已载入部分判断，无法判断时亮黄灯";
        return $"检查 {items.Count} 项，灯色变化 {changed} 项，黄灯 {yellow} 项，红灯 {red} 项，新增提醒 {reminders} 条{missing}";
    });

    private Task<bool> AddAsync(AppDbContext db, Reminder reminder) => ReminderService.AddOnceAsync(db, reminder, clock.UtcNow());
}
