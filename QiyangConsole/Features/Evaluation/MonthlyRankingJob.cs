using Hangfire;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Jobs;

namespace QiyangConsole.Features.Evaluation;

/// <summary>
/// 一排名: on the 1st at 08:00 (Beijing time) ranks the previous month if it has been reviewed;
/// the Office can also run it on demand for a month. Each run is recorded.
/// </summary>
public sealed class MonthlyRankingJob(IDbContextFactory<AppDbContext> factory, RankingService ranking, JobRecorder recorder, TimeProvider clock)
{
    public const string Id = "monthly-ranking";

    public static RecurringJobDefinition Definition => new(Id, "月度考核排名", "0 8 1 * *",
        (m, cron, o) => m.AddOrUpdate<MonthlyRankingJob>(Id, j => j.RunScheduledAsync(), cron, o));

    [AutomaticRetry(Attempts = 0)]
    public async Task<string> RunScheduledAsync()
    {
        var previous = clock.Today().AddMonths(-1);
        await using var db = await factory.CreateDbContextAsync();
        var period = await db.EvaluationPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Year == previous.Year && p.Month == previous.Month);
        var label = $"{previous.Year}-{previous.Month:00}";
        return await recorder.RunAsync(Id, label, async () => period switch
        {
            null => $"{previous.Year}年{previous.Month}月未建立考核，未排名",
            { State: PeriodState.Open } => $"{previous.Year}年{previous.Month}月评分尚未审核，未排名",
            { State: PeriodState.Issued } => $"{previous.Year}年{previous.Month}月已通报锁定，未重新排名",
            _ => await ranking.ComputeAsync(period.Id),
        });
    }

    [AutomaticRetry(Attempts = 0)]
    public async Task<string> RunForPeriodAsync(int periodId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var period = await db.EvaluationPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId);
        var label = period is null ? $"#{periodId}" : $"{period.Year}-{period.Month:00}";
        return await recorder.RunAsync(Id, label, () => ranking.ComputeAsync(periodId));
    }
}
