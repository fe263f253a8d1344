using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using QiyangConsole.Data;

namespace QiyangConsole.Data;

/// <summary>
/// Writes many plain rows fast: one prepared INSERT per entity type, with the table, column names
/// and value conversions that EF's model gives (so the rows read back exactly as EF writes them),
/// inside the context's current transaction or one of its own. EF sends one command per inserted
/// row on SQLite; this is for many rows at once that need no tracking: the operation log's own
/// entries, an import (which writes its log entries itself: <see cref="AuditInterceptor.LogAddedAsync"/>),
/// and the benchmark's synthetic data. It bypasses the interceptor on purpose.
/// </summary>
public static class BulkInsert
{
    /// <summary>
    /// Inserts <paramref name="rows"/>, one prepared statement a row (multi-row statements were measured no faster on
    /// SQLite: its cost is the row, not the statement). A row that leaves its database-generated integer key at 0 is
    /// inserted without it; with <paramref name="readKeys"/> it reads back the key the database gave (RETURNING, which
    /// SQLite and PostgreSQL both understand), so the caller can refer to the row.
    /// </summary>
    public static async Task<int> RowsAsync<T>(AppDbContext db, IEnumerable<T> rows, CancellationToken ct = default, bool readKeys = false) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var all = type.GetProperties()
            .Where(p => p.PropertyInfo is not null && p.GetColumnName(table) is not null)
            .Select(p => new Column(p, p.GetColumnName(table)!, p.GetRelationalTypeMapping()))
            .ToArray();
        var key = type.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd, ClrType: var keyType } keyProperty] && (keyType == typeof(int) || keyType == typeof(long))
            ? keyProperty : null;
        var withoutKey = all.Where(c => c.Property != key).ToArray();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var current = db.Database.CurrentTransaction?.GetDbTransaction();
        await using var own = current is null ? await connection.BeginTransactionAsync(ct) : null;
        if (db.Database.IsNpgsql())
        {
            var sent = await BatchedAsync(connection, current ?? own, table.Name, all, withoutKey, key, readKeys ? key?.GetColumnName(table) : null, rows, ct);
            if (sent.AnyExplicitKey && key is not null) await MoveSequencePastKeysAsync(connection, current ?? own, table.Name, key.GetColumnName(table)!, ct);
            if (own is not null) await own.CommitAsync(ct);
            return sent.Count;
        }
        DbCommand? explicitKey = null, generatedKey = null;
        try
        {
            var count = 0;
            foreach (var row in rows)
            {
                var generated = key is not null && key.PropertyInfo!.GetValue(row) is 0 or 0L;
                var columns = generated ? withoutKey : all;
                var command = generated
                    ? generatedKey ??= await PrepareAsync(connection, current ?? own, table.Name, columns, readKeys ? key!.GetColumnName(table) : null, ct)
                    : explicitKey ??= await PrepareAsync(connection, current ?? own, table.Name, columns, null, ct);
                for (var i = 0; i < columns.Length; i++) command.Parameters[i].Value = columns[i].Value(row);
                if (generated && readKeys)
                    key!.PropertyInfo!.SetValue(row, Convert.ChangeType(await command.ExecuteScalarAsync(ct), key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
                else await command.ExecuteNonQueryAsync(ct);
                count++;
            }
            // PostgreSQL's identity sequence does not see keys given explicitly: move it past them, or the next row the
            // database numbers itself would take a key already used. (SQLite numbers from the table's largest key.)
            if (explicitKey is not null && key is not null && db.Database.IsNpgsql())
                await MoveSequencePastKeysAsync(connection, current ?? own, table.Name, key.GetColumnName(table)!, ct);
            if (own is not null) await own.CommitAsync(ct);
            return count;
        }
        finally
        {
            if (explicitKey is not null) await explicitKey.DisposeAsync();
            if (generatedKey is not null) await generatedKey.DisposeAsync();
        }
    }

    /// <summary>Rows per round trip to PostgreSQL.</summary>
    private const int BatchSize = 1000;

    /// <summary>
    /// PostgreSQL: the same INSERTs sent <see cref="BatchSize"/> at a time in one batch (one round trip) instead of one
    /// round trip a row, which on a server, even over loopback, cost more than the row (bench import-enterprises: 4.4 s
    /// for 20,000 rows and their log entries, 1.8 s on SQLite). Keys the database gives are read back in order.
    /// </summary>
    private static async Task<(int Count, bool AnyExplicitKey)> BatchedAsync<T>(DbConnection connection, DbTransaction? transaction, string table,
        Column[] all, Column[] withoutKey, IProperty? key, string? returning, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        await using var template = connection.CreateCommand();
        var (count, anyExplicit) = (0, false);
        var generated = new List<T>(BatchSize);
        var given = new List<T>(BatchSize);
        foreach (var row in rows)
        {
            if (key is not null && key.PropertyInfo!.GetValue(row) is 0 or 0L) generated.Add(row);
            else { given.Add(row); anyExplicit = true; }
            if (generated.Count == BatchSize) { count += await SendAsync(generated, withoutKey, returning); generated.Clear(); }
            if (given.Count == BatchSize) { count += await SendAsync(given, all, null); given.Clear(); }
        }
        if (given.Count > 0) count += await SendAsync(given, all, null);
        if (generated.Count > 0) count += await SendAsync(generated, withoutKey, returning);
        return (count, anyExplicit);

        async Task<int> SendAsync(List<T> chunk, Column[] columns, string? keyColumn)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            var sql = InsertSql(table, columns, keyColumn);
            foreach (var row in chunk)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                for (var i = 0; i < columns.Length; i++)
                {
                    // Made as the prepared path makes them (the mapping's type, no value), then given the provider value.
                    var parameter = columns[i].Mapping.CreateParameter(template, $"@p{i}", null, nullable: true);
                    parameter.Value = columns[i].Value(row);
                    command.Parameters.Add(parameter);
                }
                batch.BatchCommands.Add(command);
            }
            // Prepared: PostgreSQL then parses and plans the INSERT once per connection, not once per row of the batch.
            await batch.PrepareAsync(ct);
            if (keyColumn is null) { await batch.ExecuteNonQueryAsync(ct); return chunk.Count; }
            await using var reader = await batch.ExecuteReaderAsync(ct);
            foreach (var row in chunk)
            {
                if (!await reader.ReadAsync(ct)) throw new InvalidOperationException($"{table}: no key returned for a row");
                key!.PropertyInfo!.SetValue(row, Convert.ChangeType(reader.GetValue(0), key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
                await reader.NextResultAsync(ct);
            }
            return chunk.Count;
        }
    }

    private static string InsertSql(string table, Column[] columns, string? returning) =>
        $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) "
        + $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})"
        + (returning is null ? "" : $" RETURNING \"{returning}\"");

    private static async Task<DbCommand> PrepareAsync(DbConnection connection, DbTransaction? transaction, string table, Column[] columns, string? returning, CancellationToken ct)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InsertSql(table, columns, returning);
        command.Parameters.AddRange(columns.Select((c, i) => c.Mapping.CreateParameter(command, $"@p{i}", null, nullable: true)).ToArray());
        await command.PrepareAsync(ct);
        return command;
    }

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping)
    {
        public object Value(object row)
        {
            var value = Property.PropertyInfo!.GetValue(row);
            if (value is not null && Mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
            return value ?? DBNull.Value;
        }
    }

    /// <summary>
    /// Moves a PostgreSQL table's identity sequence past its largest key (to 1, not yet used, when the table is empty), so
    /// that the next row the database numbers does not take a key given explicitly.
    /// </summary>
    public static async Task MoveSequencePastKeysAsync(DbConnection connection, DbTransaction? transaction, string table, string column, CancellationToken ct = default)
    {
        await using var sequence = connection.CreateCommand();
        sequence.Transaction = transaction;
        var (t, c) = ("\"" + table.Replace("\"", "\"\"") + "\"", "\"" + column.Replace("\"", "\"\"") + "\"");
        sequence.CommandText = $"SELECT setval(pg_get_serial_sequence('{t.Replace("'", "''")}', '{column.Replace("'", "''")}'), "
            + $"COALESCE(MAX({c}), 1), MAX({c}) IS NOT NULL) FROM {t}";
        await sequence.ExecuteScalarAsync(ct);
    }

    /// <summary>The next free integer key of an entity's table.</summary>
    public static async Task<int> NextIdAsync<T>(AppDbContext db) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T))!;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        if (command.Connection!.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync();
        command.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"{type.GetTableName()}\"";
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }
}
