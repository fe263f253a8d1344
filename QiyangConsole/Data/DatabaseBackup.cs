using Microsoft.Data.Sqlite;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Data;

/// <summary>
/// Backing up and restoring the console's database file. The only place that knows the database is SQLite: a
/// PostgreSQL console would put pg_dump and pg_restore behind the same two calls.
/// </summary>
public static class DatabaseBackup
{
    public const string FileName = "qiyang.db";

    public static string DatabasePath(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    /// <summary>
    /// Copies the live database to <paramref name="destination"/> while the console keeps working: SQLite's online
    /// backup takes one consistent snapshot (in WAL, readers and the writer do not wait for it). The copy is written
    /// beside as <c>.part</c>, made a single self-contained file (no -wal), checked, and only then given its name, so a
    /// file with a backup's name is always a whole, sound backup.
    /// </summary>
    public static Task BackupAsync(string dataDirectory, string destination, CancellationToken ct = default) =>
        BackupAsync(dataDirectory, destination, atSnapshot: null, ct);

    /// <summary>The backup, with <paramref name="atSnapshot"/> run on the source inside the very read transaction copied (tests read what the backup holds).</summary>
    internal static async Task BackupAsync(string dataDirectory, string destination, Func<SqliteTransaction, Task>? atSnapshot, CancellationToken ct = default)
    {
        var source = DatabasePath(dataDirectory);
        if (!File.Exists(source)) throw new DomainException($"数据库不存在：{source}");
        if (File.Exists(destination)) throw new DomainException($"备份文件已存在：{destination}");
        var part = destination + ".part";
        File.Delete(part);
        try
        {
            await using (var from = await OpenAsync(source, SqliteOpenMode.ReadWrite, ct))
            await using (var to = await OpenAsync(part, SqliteOpenMode.ReadWriteCreate, ct))
            {
                // A read transaction (deferred: it takes no write lock) fixes the snapshot the backup copies.
                await using (var snapshot = from.BeginTransaction(deferred: true))
                {
                    await ScalarAsync(from, "SELECT count(*) FROM sqlite_master;", ct, snapshot);
                    if (atSnapshot is not null) await atSnapshot(snapshot);
                    from.BackupDatabase(to);
                }
                await ScalarAsync(to, "PRAGMA journal_mode=DELETE;", ct);
            }
            if (await ProblemAsync(part, null, ct) is { } problem) throw new InvalidOperationException($"备份文件校验未通过：{problem}");
            File.Move(part, destination);
        }
        finally
        {
            File.Delete(part);
        }
    }

    /// <summary>
    /// Why <paramref name="file"/> cannot be restored, or null: it must be a SQLite file that passes
    /// <c>PRAGMA integrity_check</c>, hold the console's migration history, and (when <paramref name="knownMigrations"/>
    /// is given) no migration this build does not have.
    /// </summary>
    public static async Task<string?> ProblemAsync(string file, IReadOnlyCollection<string>? knownMigrations, CancellationToken ct = default)
    {
        try
        {
            await using var db = await OpenAsync(file, SqliteOpenMode.ReadOnly, ct);
            var check = Convert.ToString(await ScalarAsync(db, "PRAGMA integrity_check;", ct));
            if (check != "ok") return $"完整性检查未通过（{check}）";
            if (Convert.ToInt32(await ScalarAsync(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';", ct)) == 0)
                return "不是本系统的数据库（没有迁移记录）";
            if (knownMigrations is null) return null;
            await using var command = db.CreateCommand();
            command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory;";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                if (!knownMigrations.Contains(reader.GetString(0)))
                    return $"备份来自更新版本的控制台（迁移 {reader.GetString(0)} 本版本没有），请用相同或更新的版本恢复";
            return null;
        }
        catch (SqliteException ex)
        {
            return $"不是有效的 SQLite 数据库（{ex.Message}）";
        }
    }

    /// <summary>
    /// Puts <paramref name="backupFile"/> in place of the folder's database, only when the file is sound and no console
    /// uses the folder. The database it replaces is kept beside as <c>qiyang.db.&lt;time&gt;.bak</c> (its -wal too, if
    /// it could not be folded in). Returns the kept file, or null when there was none.
    /// </summary>
    public static async Task<string?> RestoreAsync(string backupFile, string dataDirectory, IReadOnlyCollection<string> knownMigrations, DateTimeOffset now, CancellationToken ct = default)
    {
        var target = DatabasePath(dataDirectory);
        if (!File.Exists(backupFile)) throw new DomainException($"备份文件不存在：{backupFile}");
        if (Path.GetFullPath(backupFile) == Path.GetFullPath(target)) throw new DomainException("不能用当前数据库恢复它自己");
        if (await ProblemAsync(backupFile, knownMigrations, ct) is { } problem) throw new DomainException($"备份文件 {backupFile} 不能用于恢复：{problem}");
        Directory.CreateDirectory(dataDirectory);
        using var exclusive = DataFolderLock.TryExclusive(dataDirectory)
            ?? throw new DomainException($"控制台正在使用数据目录 {dataDirectory}（或正在备份），请先停止控制台再恢复");
        string? kept = null;
        if (File.Exists(target))
        {
            await FoldInLogAsync(target, ct);
            kept = $"{target}.{TimeZoneInfo.ConvertTime(now, AppTime.Zone):yyyyMMdd-HHmmss}.bak";
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
                if (File.Exists(target + suffix)) File.Move(target + suffix, kept + suffix);
        }
        var incoming = target + ".restoring";
        File.Copy(backupFile, incoming, overwrite: true);
        File.Move(incoming, target);
        return kept;
    }

    /// <summary>Makes the database one file (checkpoint, rollback journal) so that the kept copy stands alone; a damaged file is kept as it is.</summary>
    private static async Task FoldInLogAsync(string file, CancellationToken ct)
    {
        try
        {
            await using var db = await OpenAsync(file, SqliteOpenMode.ReadWrite, ct);
            await ScalarAsync(db, "PRAGMA wal_checkpoint(TRUNCATE);", ct);
            await ScalarAsync(db, "PRAGMA journal_mode=DELETE;", ct);
        }
        catch (SqliteException) { }
    }

    /// <summary>A connection of its own (no pool, so no file stays open after) that waits for the console's writes instead of failing.</summary>
    private static async Task<SqliteConnection> OpenAsync(string file, SqliteOpenMode mode, CancellationToken ct)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file, Mode = mode, Pooling = false, DefaultTimeout = (int)DataSetup.BusyTimeout.TotalSeconds,
        }.ToString());
        await connection.OpenAsync(ct);
        await ScalarAsync(connection, $"PRAGMA busy_timeout = {(int)DataSetup.BusyTimeout.TotalMilliseconds};", ct);
        return connection;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return await command.ExecuteScalarAsync(ct);
    }
}
