using Hangfire;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Features.Exchanges.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Jobs;

namespace QiyangConsole.Features.Exchanges;

/// <summary>逐级管理: each morning overdue problems rise a level (unit → leader in charge → office head), with a reminder and a timeline step.</summary>
public sealed class ProblemEscalationJob(IDbContextFactory<AppDbContext> factory, CalendarService calendar, JobRecorder recorder, TimeProvider clock)
{
    public const string Id = "problem-escalation";

    public static RecurringJobDefinition Definition => new(Id, "问题清单逐级督办", "0 7 * * *",
        (m, cron, o) => m.AddOrUpdate<ProblemEscalationJob>(Id, j => j.RunAsync(), cron, o));

    [AutomaticRetry(Attempts = 0)]
    public Task<string> RunAsync() => recorder.RunAsync(Id, clock.Today().ToString("yyyy-MM-dd"), async () =>
    {
        var today = clock.Today();
        var cal = await calendar.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        // One write transaction: users' saves wait for the run instead of making it fail on a version clash.
        await using var tx = await db.Database.BeginTransactionAsync();
        var open = await db.Problems.Include(p => p.Unit).Where(p => p.State == ProblemState.Assigned || p.State == ProblemState.InProgress).ToListAsync();
        var raised = 0;
        foreach (var p in open)
        {
            int level;
            try { level = Escalation.Level(today, p.Deadline, false, p.EscalationLevel, cal.CountWorkingDays); }
            catch (CalendarMissingException) { continue; }
            if (level == p.EscalationLevel) continue;
            var previous = p.EscalationLevel;
            p.EscalationLevel = level;
            raised++;
            db.ProblemSteps.Add(new ProblemStep { ProblemId = p.Id, Kind = ProblemStepKind.Escalated, At = clock.UtcNow(), By = "系统", Text = $"逾期未办结（期限 {AppTime.ListDate(p.Deadline!.Value)}），升级至{Escalation.LevelName(level)}督办" });
            // Keyed by the assignment's deadline, so a reassigned problem that falls overdue again is reminded again.
            var round = $"{p.Id}-{p.UnitId}-{p.Deadline:yyyyMMdd}";
            if (previous < 1)
                await ReminderService.AddOnceAsync(db, new Reminder { Role = AppRoles.Leader, Title = $"问题逾期，请分管领导督办：{p.Unit?.Name}“{p.Description}”", Link = $"/exchanges/problems/{p.Id}", DedupKey = $"problem-escalated-{round}-1" }, clock.UtcNow());
            if (level == 2)
                await ReminderService.AddOnceAsync(db, new Reminder { Role = AppRoles.Office, Title = $"问题严重逾期，请专班负责人督办：{p.Unit?.Name}“{p.Description}”", Link = $"/exchanges/problems/{p.Id}", DedupKey = $"problem-escalated-{round}-2" }, clock.UtcNow());
            if (p.UnitId is { } unitId)
                await ReminderService.AddOnceAsync(db, new Reminder { UnitId = unitId, Title = $"问题已逾期并升级督办：{p.Description}", Link = $"/exchanges/problems/{p.Id}", DedupKey = $"problem-escalated-unit-{round}-{level}" }, clock.UtcNow());
        }
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return $"在办问题 {open.Count} 个，本次升级 {raised} 个";
    });
}
