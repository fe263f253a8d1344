using System.Security.Claims;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Evaluation.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Evaluation;

/// <summary>The monthly ranking job on the real host: Hangfire in memory, the app's SQLite file.</summary>
[Collection(HostCollection.Name)]
public class RankingJobHostTests(HostFixture fixture)
{
    private AsyncServiceScope OfficeScope()
    {
        var scope = fixture.Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "office"), new Claim(ClaimTypes.Role, AppRoles.Office), new Claim(ClaimTypes.NameIdentifier, "job-test")], "test")));
        return scope;
    }

    [Fact]
    public void The_monthly_ranking_is_registered_for_the_1st_at_8_Beijing_time()
    {
        using var connection = JobStorage.Current.GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == MonthlyRankingJob.Id);
        Assert.Equal("0 8 1 * *", job.Cron);
        Assert.Equal("Asia/Shanghai", job.TimeZoneId);
        Assert.NotNull(job.NextExecution);
        var next = TimeZoneInfo.ConvertTimeFromUtc(job.NextExecution!.Value, AppTime.Zone);
        Assert.Equal((1, 8, 0), (next.Day, next.Hour, next.Minute));
    }

    [Fact]
    public async Task On_demand_runs_replace_the_ranking_of_an_unlocked_month_and_are_recorded()
    {
        await using var scope = OfficeScope();
        var sp = scope.ServiceProvider;
        var evaluation = sp.GetRequiredService<EvaluationService>();
        var id = await evaluation.CreatePeriodAsync(2023, 9);
        var period = await evaluation.PeriodAsync(id);
        await evaluation.TransitionAsync(id, PeriodAction.Review, period.Version);
        var job = sp.GetRequiredService<MonthlyRankingJob>();

        var first = await job.RunForPeriodAsync(id);
        var ranking = sp.GetRequiredService<RankingService>();
        var before = await ranking.RankingAsync(id);
        var second = await job.RunForPeriodAsync(id);
        var after = await ranking.RankingAsync(id);

        Assert.Equal(first, second);
        Assert.Equal(43, after.Count);
        Assert.Equal(before, after);
        var factory = sp.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(43, await db.Rankings.CountAsync(r => r.PeriodId == id));
        Assert.Equal(PeriodState.Ranked, (await db.EvaluationPeriods.FindAsync(id))!.State);
        var runs = await db.JobRuns.Where(r => r.JobName == MonthlyRankingJob.Id && r.Argument == "2023-09").ToListAsync();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => { Assert.True(r.Succeeded); Assert.NotNull(r.EndedAt); Assert.Contains("排名完成", r.Message); });
    }

    [Fact]
    public async Task A_locked_month_is_refused_and_the_failed_run_is_recorded()
    {
        await using var scope = OfficeScope();
        var sp = scope.ServiceProvider;
        var factory = sp.GetRequiredService<IDbContextFactory<AppDbContext>>();
        int januaryId;
        List<RankingEntry> before;
        await using (var db = await factory.CreateDbContextAsync())
        {
            januaryId = (await db.EvaluationPeriods.SingleAsync(p => p.Year == 2023 && p.Month == 1)).Id;
            before = await db.Rankings.AsNoTracking().Where(r => r.PeriodId == januaryId).OrderBy(r => r.Id).ToListAsync();
        }
        var job = sp.GetRequiredService<MonthlyRankingJob>();
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => job.RunForPeriodAsync(januaryId));
        Assert.Contains("锁定", ex.Message);

        await using var check = await factory.CreateDbContextAsync();
        var run = await check.JobRuns.OrderByDescending(r => r.Id).FirstAsync(r => r.JobName == MonthlyRankingJob.Id);
        Assert.Equal("2023-01", run.Argument);
        Assert.False(run.Succeeded);
        Assert.Contains("锁定", run.Message);
        var after = await check.Rankings.AsNoTracking().Where(r => r.PeriodId == januaryId).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(before.Select(r => (r.Id, r.Rank, r.Total)), after.Select(r => (r.Id, r.Rank, r.Total)));
    }

    [Fact]
    public async Task The_scheduled_run_ranks_the_previous_month_only_if_reviewed()
    {
        await using var scope = OfficeScope();
        var sp = scope.ServiceProvider;
        var clock = sp.GetRequiredService<TimeProvider>();
        var previous = clock.Today().AddMonths(-1);
        var message = await sp.GetRequiredService<MonthlyRankingJob>().RunScheduledAsync();
        // The host runs on today's date: there is no evaluation for last month in the demo data.
        Assert.Equal($"{previous.Year}年{previous.Month}月未建立考核，未排名", message);

        using var connection = JobStorage.Current.GetConnection();
        var trigger = sp.GetRequiredService<IRecurringJobManagerV2>().TriggerJob(MonthlyRankingJob.Id);
        Assert.False(string.IsNullOrEmpty(trigger));
    }
}
