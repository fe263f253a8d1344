using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Administration;

/// <summary>
/// <c>dotnet run --project QiyangConsole -- backup [FILE]</c>: a backup of the data folder's database, safe while the
/// console runs (FILE, or the backups folder by default). <c>-- restore FILE</c>: puts a backup (a path, or a name in the
/// backups folder) in place of the database, only once it passes the integrity check and while no console runs; the
/// replaced database is kept beside as <c>qiyang.db.&lt;time&gt;.bak</c>. The data folder is chosen as the console
/// chooses it (QIYANG_DATA_DIR, Data:Directory, …). Exit codes: 0 done, 1 refused or failed, 2 usage.
/// </summary>
public static class BackupCommand
{
    public static async Task<int> BackupAsync(string[] args)
    {
        var (file, config) = Split(args);
        var configuration = WebApplication.CreateBuilder(config).Configuration;
        var dataDirectory = DataSetup.DataDirectory(configuration);
        if (!DatabaseEngine.From(configuration, dataDirectory).IsSqlite) return Refuse();
        var target = file is null ? BackupService.NewFile(new DataPaths(dataDirectory).Backups, DateTimeOffset.UtcNow) : Path.GetFullPath(file);
        return await RunAsync(async () =>
        {
            using var folder = DataFolderLock.Shared(dataDirectory);
            await DatabaseBackup.BackupAsync(dataDirectory, target);
            Console.WriteLine($"已备份 {DatabaseBackup.DatabasePath(dataDirectory)} → {target}（{new FileInfo(target).Length:N0} 字节，完整性检查通过）");
        });
    }

    public static async Task<int> RestoreAsync(string[] args)
    {
        var (file, config) = Split(args);
        if (file is null)
        {
            Console.Error.WriteLine("usage: restore FILE   (a backup file, or the name of one in the data folder's backups)");
            return 2;
        }
        var configuration = WebApplication.CreateBuilder(config).Configuration;
        var dataDirectory = DataSetup.DataDirectory(configuration);
        if (!DatabaseEngine.From(configuration, dataDirectory).IsSqlite) return Refuse();
        var source = !File.Exists(file) && Path.GetFileName(file) == file && File.Exists(Path.Combine(dataDirectory, "backups", file))
            ? Path.Combine(dataDirectory, "backups", file) : Path.GetFullPath(file);
        return await RunAsync(async () =>
        {
            var kept = await DatabaseBackup.RestoreAsync(source, dataDirectory, KnownMigrations(), DateTimeOffset.UtcNow);
            Console.WriteLine($"已从 {source} 恢复 {DatabaseBackup.DatabasePath(dataDirectory)}（完整性检查通过）");
            Console.WriteLine(kept is null ? "数据目录中原先没有数据库。" : $"原数据库保留为 {kept}");
            Console.WriteLine("下次启动控制台时将按需升级数据库结构。");
        });
    }

    private static int Refuse()
    {
        Console.Error.WriteLine(BackupService.OnServer + "（pg_dump -Fc / pg_restore）。");
        return 1;
    }

    /// <summary>The migrations this build has; a backup with any other is from a newer console.</summary>
    private static List<string> KnownMigrations()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Database.GetMigrations().ToList();
    }

    /// <summary>The first argument that is not an option is the file; the rest configure, as for the console (--Data:Directory=…).</summary>
    private static (string? File, string[] Config) Split(string[] args)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith('-'));
        return (file, args.Where(a => !ReferenceEquals(a, file)).ToArray());
    }

    private static async Task<int> RunAsync(Func<Task> work)
    {
        try
        {
            await work();
            return 0;
        }
        catch (Exception ex) when (ex is DomainException or InvalidOperationException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }
}
