using Hangfire;
using QiyangConsole.Infrastructure.Jobs;

namespace QiyangConsole.Features.Administration;

/// <summary>Every night at 02:30 (Beijing time), a backup of the database into the data folder's backups, keeping the newest ones.</summary>
public sealed class BackupJob(BackupService backups)
{
    public const string Id = "database-backup";

    public static RecurringJobDefinition Definition => new(Id, "数据库备份", "30 2 * * *",
        (m, cron, o) => m.AddOrUpdate<BackupJob>(Id, j => j.RunAsync(), cron, o));

    [AutomaticRetry(Attempts = 0)]
    public Task<string> RunAsync() => backups.RunAsync("定时");
}
