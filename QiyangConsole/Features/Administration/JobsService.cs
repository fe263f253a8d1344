using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Jobs;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Administration;

public sealed record JobView(string Id, string Name, string Cron, DateTime? LastRunUtc, DateTime? NextRunUtc, string? LastState, JobRun? LastRecorded);

/// <summary>The recurring jobs as Hangfire sees them, with the console's own run history.</summary>
public sealed class JobsService(JobStorage storage, IRecurringJobManagerV2 manager, IEnumerable<RecurringJobDefinition> definitions,
    IDbContextFactory<AppDbContext> factory, CurrentUser user)
{
    public async Task<List<JobView>> ListAsync()
    {
        user.Require(Access.SystemAdmin);
        using var connection = storage.GetConnection();
        var hangfire = connection.GetRecurringJobs().ToDictionary(j => j.Id);
        await using var db = await factory.CreateDbContextAsync();
        var result = new List<JobView>();
        foreach (var d in definitions)
        {
            var last = await db.JobRuns.AsNoTracking().Where(r => r.JobName == d.Id).OrderByDescending(r => r.Id).FirstOrDefaultAsync();
            hangfire.TryGetValue(d.Id, out var h);
            result.Add(new JobView(d.Id, d.Name, d.Cron, h?.LastExecution, h?.NextExecution, h?.LastJobState, last));
        }
        return result;
    }

    public async Task<List<JobRun>> RunsAsync(string? jobId, int take = 50)
    {
        user.Require(Access.SystemAdmin);
        await using var db = await factory.CreateDbContextAsync();
        var runs = db.JobRuns.AsNoTracking();
        if (jobId is not null) runs = runs.Where(r => r.JobName == jobId);
        return await runs.OrderByDescending(r => r.Id).Take(take).ToListAsync();
    }

    public string TriggerNow(string jobId)
    {
        user.Require(Access.SystemAdmin);
        if (definitions.All(d => d.Id != jobId)) throw new DomainException("任务不存在");
        return manager.TriggerJob(jobId) ?? throw new DomainException("任务启动失败，请稍后重试");
    }

    public string NameOf(string jobId) => definitions.FirstOrDefault(d => d.Id == jobId)?.Name ?? jobId;
}
