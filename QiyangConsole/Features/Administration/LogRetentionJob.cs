using System.Globalization;
using Hangfire;
using QiyangConsole.Infrastructure.Jobs;

namespace QiyangConsole.Features.Administration;

/// <summary>
/// Nightly: verifies both logs, then deletes their entries older than the retention (参数 security.logRetentionDays,
/// at least 180 days as 等保 2.0 asks). A broken chain is left as it is, evidence included, and the run fails.
/// </summary>
public sealed class LogRetentionJob(LogChainService chain, SettingsService settings, JobRecorder recorder)
{
    public const string Id = "log-retention";
    public const string RetentionKey = "security.logRetentionDays";
    public const int MinimumDays = 180;

    public static RecurringJobDefinition Definition => new(Id, "日志保留期清理与完整性校验", "30 3 * * *",
        (m, cron, o) => m.AddOrUpdate<LogRetentionJob>(Id, j => j.RunAsync(), cron, o));

    [AutomaticRetry(Attempts = 0)]
    public Task<string> RunAsync() => recorder.RunAsync(Id, null, async () =>
    {
        var days = Math.Max(MinimumDays, await settings.IntAsync(RetentionKey, MinimumDays));
        var parts = new List<string>();
        var broken = false;
        foreach (var (kind, name) in new[] { (LogKind.Operations, "操作日志"), (LogKind.Logins, "登录日志") })
        {
            var report = await chain.VerifyAsync(kind);
            if (!report.Intact)
            {
                broken = true;
                parts.Add($"{name}未清理：{report.Describe()}");
                continue;
            }
            var purged = await chain.PurgeAsync(kind, days);
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{name}清理 {purged.Deleted:N0} 条，链完整"));
        }
        var message = $"保留 {days} 天；" + string.Join("；", parts);
        return broken ? throw new InvalidOperationException(message) : message;
    });
}
