using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;

namespace QiyangConsole.Infrastructure.Jobs;

/// <summary>Records each run of a job (start, end, result, error) so the console can show run history.</summary>
public sealed class JobRecorder(IDbContextFactory<AppDbContext> factory, TimeProvider clock)
{
    public async Task<string> RunAsync(string jobName, string? argument, Func<Task<string>> work)
    {
        long id;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var run = new JobRun { JobName = jobName, Argument = argument, StartedAt = clock.UtcNow() };
            db.JobRuns.Add(run);
            await db.SaveChangesAsync();
            id = run.Id;
        }
        try
        {
            var message = await work();
            await FinishAsync(id, true, message);
            return message;
        }
        catch (Exception ex)
        {
            await FinishAsync(id, false, ex.Message);
            throw;
        }
    }

    private async Task FinishAsync(long id, bool ok, string message)
    {
        await using var db = await factory.CreateDbContextAsync();
        await db.JobRuns.Where(r => r.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.EndedAt, clock.UtcNow())
            .SetProperty(r => r.Succeeded, ok)
            .SetProperty(r => r.Message, message.Length > 1000 ? message[..1000] : message));
    }
}
