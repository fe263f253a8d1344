using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace QiyangConsole.Data;

/// <summary>
/// Gives every SQLite connection SQLite's own busy handler (<c>PRAGMA busy_timeout</c>). Microsoft.Data.Sqlite retries a
/// busy command itself, but by polling every 150 ms, which lets a writer lose the race many times over (seconds under
/// twenty writers), and not at all where a statement is reset or a pooled connection closed — which then fails with
/// "database is locked". SQLite's handler waits in every place and wakes within milliseconds of the lock's release.
/// </summary>
public sealed class SqliteBusyTimeout(TimeSpan timeout) : DbConnectionInterceptor
{
    private readonly string _pragma = $"PRAGMA busy_timeout = {(int)timeout.TotalMilliseconds};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        await command.ExecuteNonQueryAsync(ct);
    }
}
