using Hangfire;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Evaluation.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Evaluation;

public sealed record RunStatus(string State, bool Finished, bool Succeeded, string? Message);

/// <summary>Runs the ranking job on demand from the page and reports its progress.</summary>
public sealed class RankingRunner(IBackgroundJobClient jobs, JobStorage storage, IDbContextFactory<AppDbContext> factory, CurrentUser user)
{
    public async Task<string> StartAsync(int periodId)
    {
        user.Require(Access.OfficeOnly);
        await using var db = await factory.CreateDbContextAsync();
        var period = await db.EvaluationPeriods.FindAsync(periodId) ?? throw new DomainException("考核月份不存在");
        DomainException.ThrowIf(PeriodStates.Apply(period.State, PeriodAction.Rank).Error);
        return jobs.Enqueue<MonthlyRankingJob>(j => j.RunForPeriodAsync(periodId));
    }

    /// <summary>The summary the last ranking run wrote (e.g. "2023年5月排名完成：43 个单位，后进 5 个").</summary>
    public async Task<string?> LastMessageAsync()
    {
        user.Require(Access.OfficeOnly);
        await using var db = await factory.CreateDbContextAsync();
        return await db.JobRuns.AsNoTracking().Where(r => r.JobName == MonthlyRankingJob.Id).OrderByDescending(r => r.Id).Select(r => r.Message).FirstOrDefaultAsync();
    }

    public RunStatus Status(string jobId)
    {
        var details = storage.GetMonitoringApi().JobDetails(jobId);
        var latest = details?.History.FirstOrDefault();
        return latest?.StateName switch
        {
            "Succeeded" => new RunStatus("完成", true, true, null),
            "Failed" => new RunStatus("失败", true, false, latest.Data.TryGetValue("ExceptionMessage", out var m) ? m : null),
            "Processing" => new RunStatus("计算中", false, false, null),
            _ => new RunStatus("排队中", false, false, null),
        };
    }
}
