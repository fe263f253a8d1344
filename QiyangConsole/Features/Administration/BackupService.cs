using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;
using QiyangConsole.Infrastructure.Jobs;

namespace QiyangConsole.Features.Administration;

public sealed record BackupFile(string Name, DateTime CreatedAtUtc, long Bytes)
{
    public string Size => Bytes >= 1 << 20 ? $"{Bytes / 1048576.0:0.0} MB" : $"{Math.Max(1, Bytes / 1024)} KB";
}

/// <summary>
/// 数据备份: copies of the database in the data folder's <c>backups</c>, taken each night by <see cref="BackupJob"/> or
/// at once by the Office, the oldest beyond the number kept (parameter <c>backup.keepCount</c>) removed. Only files the
/// folder lists can be downloaded.
/// </summary>
public sealed class BackupService(DataPaths paths, SettingsService settings, JobRecorder recorder, CurrentUser user, TimeProvider clock, DatabaseEngine engine)
{
    /// <summary>Said when the data is in PostgreSQL: the server's own tools back it up, not the console.</summary>
    public const string OnServer = "数据在 PostgreSQL 数据库中，由数据库服务器备份（pg_dump），控制台不做备份";

    /// <summary>Whether the console backs up its database: only its own SQLite file.</summary>
    public bool Available => engine.IsSqlite;

    public const string KeepCountKey = "backup.keepCount";
    public const int DefaultKeepCount = 14;
    private const string Pattern = "qiyang-*.db";

    public List<BackupFile> List()
    {
        user.Require(Access.SystemAdmin);
        return Files();
    }

    /// <summary>The path of a listed backup; any other name (a path, "..", a file that is not a backup) is not found.</summary>
    public string PathOf(string name)
    {
        user.Require(Access.SystemAdmin);
        return Files().Any(f => f.Name == name) ? Path.Combine(paths.Backups, name) : throw new DomainException("备份文件不存在");
    }

    /// <summary>立即备份: recorded as a run of the backup job, under the user's name; a failure (a full disk) is told, not thrown at the page.</summary>
    public async Task<string> BackUpNowAsync()
    {
        user.Require(Access.SystemAdmin);
        if (!Available) throw new DomainException(OnServer);
        try { return await RunAsync($"手动：{user.DisplayName}"); }
        catch (Exception ex) when (ex is not DomainException) { throw new DomainException($"备份失败：{ex.Message}"); }
    }

    internal Task<string> RunAsync(string argument) => recorder.RunAsync(BackupJob.Id, argument, async () =>
    {
        if (!Available) return OnServer;
        var file = NewFile(paths.Backups, clock.GetUtcNow());
        await DatabaseBackup.BackupAsync(paths.Root, file);
        var keep = Math.Max(1, await settings.IntAsync(KeepCountKey, DefaultKeepCount));
        var removed = 0;
        foreach (var old in Files().Skip(keep))
        {
            File.Delete(Path.Combine(paths.Backups, old.Name));
            removed++;
        }
        var made = Files().First(f => f.Name == Path.GetFileName(file));
        return $"已备份为 {made.Name}（{made.Size}），保留最近 {keep} 份" + (removed > 0 ? $"，删除较早的 {removed} 份" : "");
    });

    /// <summary>qiyang-yyyyMMdd-HHmmss.db in Beijing time; a second one within the same second gets -2, -3, ….</summary>
    public static string NewFile(string folder, DateTimeOffset now)
    {
        var stem = $"qiyang-{TimeZoneInfo.ConvertTime(now, AppTime.Zone):yyyyMMdd-HHmmss}";
        var file = Path.Combine(folder, stem + ".db");
        for (var n = 2; File.Exists(file); n++) file = Path.Combine(folder, $"{stem}-{n}.db");
        return file;
    }

    /// <summary>Newest first.</summary>
    private List<BackupFile> Files() => new DirectoryInfo(paths.Backups).EnumerateFiles(Pattern)
        .Select(f => new BackupFile(f.Name, f.LastWriteTimeUtc, f.Length))
        .OrderByDescending(f => f.CreatedAtUtc).ThenByDescending(f => f.Name.Length).ThenByDescending(f => f.Name, StringComparer.Ordinal).ToList();
}

/// <summary>The backups' parameter, for databases seeded before backups existed as well as new ones.</summary>
public sealed class BackupParameterSeed : Data.Seeding.ISeedStep
{
    public string Name => "system/parameters/backup";
    public int Order => 13;

    public async Task RunAsync(AppDbContext db, Data.Seeding.SeedFiles files, CancellationToken ct)
    {
        if (await db.Parameters.AnyAsync(p => p.Key == BackupService.KeepCountKey, ct)) return;
        db.Parameters.Add(new SystemParameter
        {
            Key = BackupService.KeepCountKey, Name = "保留备份份数", Value = BackupService.DefaultKeepCount.ToString(),
            Description = "数据库备份（每晚自动及手动）保留最新的份数，更早的自动删除；至少保留 1 份",
        });
        await db.SaveChangesAsync(ct);
    }
}
