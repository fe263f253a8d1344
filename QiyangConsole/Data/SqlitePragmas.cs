using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace QiyangConsole.Data;

/// <summary>
/// Gives every SQLite connection SQLite's own busy handler (<c>PRAGMA busy_timeout</c>). Microsoft.Data.Sqlite retries a
/// busy command itself, but by polling every 150 ms, which lets a writer lose the race many times over (seconds under
/// twenty writers), and not at all where a statement is reset or a pooled connection closed — which then fails with
/// "database is locked". SQLite's handler waits in every place and wakes within milliseconds of the lock's release.
/// <para>
/// And reads the file through memory mapping (<c>PRAGMA mmap_size</c>, up to 1 GiB): a page is then read from the
/// operating system's cache without a system call. At province scale a steward's page of visits looks up some 500
/// visits and their enterprises scattered over a 220 MB file; profiled under load (dotnet-trace), that query was a
/// third of the page's time, half of it in the kernel copying pages; mapped, the same query takes half the time.
/// Writes still go through the WAL as before (SQLite never writes through the map by default).
/// </para>
/// </summary>
public sealed class SqlitePragmas(TimeSpan timeout) : DbConnectionInterceptor
{
    public const long MmapBytes = 1L << 30;
    private readonly string _pragma = $"PRAGMA busy_timeout = {(int)timeout.TotalMilliseconds}; PRAGMA mmap_size = {MmapBytes};";

    // The handles already set: a pooled connection keeps its sqlite3 handle, and a pragma set on it stays set, so the
    // command runs once per handle, not on every open (an open from the pool is most of a short query's overhead).
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> _set = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsSet(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
        MarkSet(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        if (IsSet(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        await command.ExecuteNonQueryAsync(ct);
        MarkSet(connection);
    }

    private bool IsSet(DbConnection connection) => connection is SqliteConnection { Handle: { } handle } && _set.TryGetValue(handle, out _);

    private void MarkSet(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) _set.AddOrUpdate(handle, handle);
    }
}
