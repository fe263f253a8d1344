using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Exchanges;
using QiyangConsole.Features.WorkItems;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;
using Xunit.Abstractions;

namespace QiyangConsole.Tests.Data;

/// <summary>
/// Backups on a real SQLite file in WAL, as the console keeps it: taken while users write, restored into a fresh data
/// folder, every table equal (rows and content) to the source at the backup point; restores that must not happen
/// refused; the nightly job's retention; downloads only of listed files.
/// </summary>
public sealed class BackupDataTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_backup_taken_while_users_write_restores_every_table_as_it_was_at_the_backup_point()
    {
        var config = Seeds.Config();
        await using var db = await SeedAsync(new WorkItemSeed(config, TimeProvider.System), new ExchangeSeed(config), new Features.Evaluation.EvaluationSeed(config));
        db.SignIn("office", AppRoles.Office);
        var natural = await UnitIdAsync(db, "市自然资源局");
        using var stop = new CancellationTokenSource();
        var written = 0;
        // Three users keep writing through the services (problems, work items with their timelines, exchanges) until the backup is done.
        var root = db.Services;
        var writers = Enumerable.Range(0, 3).Select(k => Task.Factory.StartNew(() =>
        {
            using var scope = root.CreateScope();
            var services = scope.ServiceProvider;
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                switch (k)
                {
                    case 0: services.GetRequiredService<ProblemService>().RegisterAsync(new ProblemInput { EnterpriseName = "祁阳备份测试有限公司", Description = $"备份期间登记的问题{n}", Category = "用地" }).GetAwaiter().GetResult(); break;
                    case 1:
                        var items = services.GetRequiredService<WorkItemService>();
                        var id = items.CreateAsync(new WorkItemEdit { Title = $"备份期间的事项{n}", Source = "会议", LeadUnitId = natural, Deadline = new DateOnly(2023, 6, 30) }).GetAwaiter().GetResult();
                        items.AssignAsync(id).GetAwaiter().GetResult();
                        break;
                    default: services.GetRequiredService<ExchangeService>().SaveAsync(new ExchangeEvent { Place = $"备份期间的园区夜话{n}", Date = new DateOnly(2023, 5, 18) }).GetAwaiter().GetResult(); break;
                }
                Interlocked.Increment(ref written);
            }
        }, TaskCreationOptions.LongRunning)).ToList();
        var file = Path.Combine(db.Directory, "backup-under-load.db");
        Dictionary<string, TableDigest>? atBackup = null;
        int before, during;
        try
        {
            await UntilAsync(() => Volatile.Read(ref written) >= 30, writers);
            before = Volatile.Read(ref written);
            await DatabaseBackup.BackupAsync(db.Directory, file, async snapshot => atBackup = await DigestAsync(snapshot.Connection!, snapshot));
            during = Volatile.Read(ref written) - before;
            await UntilAsync(() => Volatile.Read(ref written) >= before + during + 30, writers);
        }
        finally
        {
            stop.Cancel();
            await Task.WhenAll(writers);
        }

        var fresh = Path.Combine(Path.GetTempPath(), "qiyang-restored-" + Guid.NewGuid().ToString("N"));
        try
        {
            Assert.Null(await DatabaseBackup.RestoreAsync(file, fresh, Migrations(db), DateTimeOffset.UtcNow));
            Dictionary<string, TableDigest> restored, now;
            await using (var connection = Open(DatabaseBackup.DatabasePath(fresh))) restored = await DigestAsync(connection, null);
            await using (var connection = Open(DatabaseBackup.DatabasePath(db.Directory))) now = await DigestAsync(connection, null);

            Assert.NotNull(atBackup);
            Assert.Equal(atBackup.Keys.Order(), restored.Keys.Order());
            foreach (var (table, digest) in atBackup) Assert.True(digest == restored[table], $"{table}: {digest} at the backup point, {restored[table]} restored");
            // The writes went on around the backup: the source has moved on since, so the equality above is the snapshot's, not the end's.
            Assert.True(now["Problems"].Rows > atBackup["Problems"].Rows && now["WorkItemUpdates"].Rows > atBackup["WorkItemUpdates"].Rows);
            output.WriteLine($"{Volatile.Read(ref written)} writes, {during} during the backup; {atBackup.Count} tables and {atBackup.Values.Sum(d => d.Rows):N0} rows compared, all equal");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(fresh, recursive: true);
        }
    }

    [Fact]
    public async Task A_restore_refuses_a_damaged_or_newer_file_and_a_folder_in_use_and_keeps_what_it_replaces()
    {
        await using var db = await SeedAsync();
        var good = Path.Combine(db.Directory, "good.db");
        await DatabaseBackup.BackupAsync(db.Directory, good);
        var known = Migrations(db);
        var target = Path.Combine(Path.GetTempPath(), "qiyang-target-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Damaged: a page in the middle overwritten.
            var damaged = Path.Combine(db.Directory, "damaged.db");
            var bytes = await File.ReadAllBytesAsync(good);
            Array.Fill(bytes, (byte)0x5A, bytes.Length / 2, 8192);
            await File.WriteAllBytesAsync(damaged, bytes);
            await RefusedAsync(() => DatabaseBackup.RestoreAsync(damaged, target, known, DateTimeOffset.UtcNow), "不能用于恢复");
            var text = Path.Combine(db.Directory, "notes.db");
            await File.WriteAllTextAsync(text, "这不是数据库");
            await RefusedAsync(() => DatabaseBackup.RestoreAsync(text, target, known, DateTimeOffset.UtcNow), "不是有效的 SQLite 数据库");
            // From a newer console: a migration this build does not know.
            var newer = Path.Combine(db.Directory, "newer.db");
            File.Copy(good, newer);
            await using (var connection = Open(newer)) await ExecAsync(connection, "INSERT INTO __EFMigrationsHistory VALUES ('29991231000000_FromTheFuture', '99.0');");
            await RefusedAsync(() => DatabaseBackup.RestoreAsync(newer, target, known, DateTimeOffset.UtcNow), "更新版本");
            await RefusedAsync(() => DatabaseBackup.RestoreAsync(Path.Combine(db.Directory, "missing.db"), target, known, DateTimeOffset.UtcNow), "备份文件不存在");
            Assert.False(File.Exists(DatabaseBackup.DatabasePath(target)));

            // The first restore finds no database; the second keeps the one it replaces, changes and all.
            Assert.Null(await DatabaseBackup.RestoreAsync(good, target, known, DateTimeOffset.UtcNow));
            await using (var connection = Open(DatabaseBackup.DatabasePath(target)))
            {
                await ExecAsync(connection, "PRAGMA journal_mode=WAL;");
                await ExecAsync(connection, "UPDATE Parameters SET Value = '7' WHERE Key = 'warning.yellowDays';");
            }
            // A running console holds the folder: refused, nothing touched.
            using (DataFolderLock.Shared(target))
                await RefusedAsync(() => DatabaseBackup.RestoreAsync(good, target, known, DateTimeOffset.UtcNow), "请先停止控制台");
            Assert.Equal("7", await YellowDaysAsync(DatabaseBackup.DatabasePath(target)));

            var kept = await DatabaseBackup.RestoreAsync(good, target, known, new DateTimeOffset(2023, 5, 18, 1, 2, 3, TimeSpan.Zero));
            Assert.Equal(DatabaseBackup.DatabasePath(target) + ".20230518-090203.bak", kept);
            Assert.Equal("7", await YellowDaysAsync(kept!));
            Assert.Equal("3", await YellowDaysAsync(DatabaseBackup.DatabasePath(target)));
            Assert.False(File.Exists(kept + "-wal"));
            Assert.Null(await DatabaseBackup.ProblemAsync(DatabaseBackup.DatabasePath(target), known));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        }
    }

    [Fact]
    public async Task The_nightly_job_keeps_the_newest_backups_and_only_listed_files_can_be_downloaded()
    {
        await using var db = await SeedAsync();
        db.SignIn("sysadmin", AppRoles.SysAdmin);
        var parameter = (await db.Get<SettingsService>().ParametersAsync()).Single(p => p.Key == BackupService.KeepCountKey);
        await db.Get<SettingsService>().SaveParameterAsync(BackupService.KeepCountKey, "2", parameter.Version);
        var job = db.Get<BackupJob>();
        var names = new List<string>();
        for (var night = 0; night < 3; night++)
        {
            db.Clock.Now = new DateTimeOffset(2023, 5, 18 + night, 2, 30, 0, TimeSpan.FromHours(8));
            Assert.Contains("保留最近 2 份", await job.RunAsync());
            names.Add($"qiyang-202305{18 + night}-023000.db");
        }
        var backups = db.Get<BackupService>();
        Assert.Equal([names[2], names[1]], backups.List().Select(b => b.Name));
        Assert.Contains("删除较早的 1 份", await backups.BackUpNowAsync());
        var listed = backups.List();
        Assert.Equal(2, listed.Count);
        Assert.Equal("qiyang-20230520-023000-2.db", listed[0].Name);
        await using (var ctx = db.CreateDbContext())
        {
            var runs = await ctx.JobRuns.Where(r => r.JobName == BackupJob.Id).OrderBy(r => r.Id).ToListAsync();
            Assert.Equal(["定时", "定时", "定时", "手动：sysadmin"], runs.Select(r => r.Argument));
            Assert.All(runs, r => Assert.True(r.Succeeded));
        }

        Assert.Equal(Path.Combine(db.Directory, "backups", listed[1].Name), backups.PathOf(listed[1].Name));
        foreach (var name in new[] { names[0], "../qiyang.db", "..%2Fqiyang.db", "/etc/passwd", "qiyang.db", "", listed[0].Name + ".part" })
            await RefusedAsync(() => Task.FromResult(backups.PathOf(name)), "备份文件不存在");
        db.SignIn("viewer", AppRoles.Viewer);
        await RefusedAsync(() => Task.FromResult(backups.PathOf(listed[1].Name)), DomainException.Forbidden);
        await RefusedAsync(() => Task.FromResult(backups.List()), DomainException.Forbidden);
        await RefusedAsync(backups.BackUpNowAsync, DomainException.Forbidden);
    }

    /// <summary>Waits for <paramref name="done"/>; a writer that failed, or a minute gone, fails the test instead of waiting for ever.</summary>
    private static async Task UntilAsync(Func<bool> done, List<Task> writers)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!done())
        {
            if (writers.FirstOrDefault(w => w.IsFaulted) is { } failed) await failed;
            Assert.True(DateTime.UtcNow < deadline, "the writers made no progress for a minute");
            await Task.Delay(20);
        }
    }

    internal readonly record struct TableDigest(long Rows, string Sha256);

    /// <summary>Each table's row count and a hash of every value of every row in rowid order.</summary>
    internal static async Task<Dictionary<string, TableDigest>> DigestAsync(SqliteConnection connection, SqliteTransaction? transaction)
    {
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var digests = new Dictionary<string, TableDigest>();
        foreach (var table in tables)
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long rows = 0;
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid;";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                    sha.AppendData(Encoding.UTF8.GetBytes($"{reader.GetFieldType(i).Name}:{(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))}\u001f"));
                sha.AppendData("\u001e"u8);
            }
            digests[table] = new TableDigest(rows, Convert.ToHexString(sha.GetHashAndReset()));
        }
        return digests;
    }

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }

    private static async Task ExecAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> YellowDaysAsync(string file)
    {
        await using var connection = Open(file);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Value FROM Parameters WHERE Key = 'warning.yellowDays';";
        return (string?)await command.ExecuteScalarAsync();
    }

    private static async Task RefusedAsync<T>(Func<Task<T>> action, string part)
    {
        var ex = await Assert.ThrowsAsync<DomainException>(action);
        Assert.Contains(part, ex.Message);
    }

    private static List<string> Migrations(TestDb db)
    {
        using var ctx = db.CreateDbContext();
        return ctx.Database.GetMigrations().ToList();
    }

    private static async Task<int> UnitIdAsync(TestDb db, string name)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }

    /// <summary>The system seeds, the backups' parameter and <paramref name="demo"/>, in WAL as the console keeps its file; the system administrator signed in.</summary>
    private static async Task<TestDb> SeedAsync(params QiyangConsole.Data.Seeding.ISeedStep[] demo)
    {
        var db = new TestDb();
        await using (var ctx = db.CreateDbContext()) await DataSetup.MigrateAsync(ctx);
        await Seeds.Runner(db, Seeds.Config(), [new BackupParameterSeed(), .. demo]).RunAsync();
        db.SignIn("sysadmin", AppRoles.SysAdmin);
        return db;
    }

    [ScaleOutFact]
    public async Task On_postgresql_the_console_leaves_backups_to_the_database_server_and_says_so()
    {
        await using var db = new TestDb(DatabaseProvider.PostgreSql);
        db.SignIn("sysadmin", AppRoles.SysAdmin);
        var backups = db.Get<BackupService>();
        Assert.False(backups.Available);
        var refused = await Assert.ThrowsAsync<DomainException>(() => backups.BackUpNowAsync());
        Assert.Equal(BackupService.OnServer, refused.Message);
        // The nightly job says so in its run instead of failing every night.
        Assert.Equal(BackupService.OnServer, await db.Get<BackupJob>().RunAsync());
        Assert.False(Directory.Exists(Path.Combine(db.Directory, "backups")) && Directory.GetFiles(Path.Combine(db.Directory, "backups")).Length > 0);
    }
}
