using Npgsql;

namespace QiyangConsole.Data;

/// <summary>
/// Console instances that start together on one PostgreSQL database migrate and seed in turn: the first holds a
/// session-level advisory lock while it does, the others wait for it and then find nothing left to do. SQLite needs
/// none: one console owns its data folder.
/// </summary>
public sealed class StartupTurn : IAsyncDisposable
{
    /// <summary>The lock's key, the same in every instance (an arbitrary number: "qiyang" start-up).</summary>
    public const long Key = 7_106_901_001;

    /// <summary>How long an instance waits for another to finish migrating and seeding.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromMinutes(15);

    private readonly NpgsqlConnection? _connection;

    private StartupTurn(NpgsqlConnection? connection) => _connection = connection;

    public static async Task<StartupTurn> TakeAsync(DatabaseEngine engine, CancellationToken ct = default)
    {
        if (engine.IsSqlite) return new(null);
        // Its own connection, without pooling: the lock is released when this session ends, even if the process dies.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(engine.ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        // Waits as long as another instance migrates and seeds (a province's first start, a slow disk): not the 30 s of a query.
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection) { CommandTimeout = (int)Wait.TotalSeconds };
        try { await command.ExecuteNonQueryAsync(ct); }
        catch (NpgsqlException e) when (e.InnerException is TimeoutException)
        {
            throw new InvalidOperationException($"另一个控制台实例迁移、初始化数据库已超过 {Wait.TotalMinutes:0} 分钟，本实例未启动：请检查那个实例", e);
        }
        return new(connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null) return;
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", _connection))
            await command.ExecuteNonQueryAsync();
        await _connection.DisposeAsync();
    }
}
