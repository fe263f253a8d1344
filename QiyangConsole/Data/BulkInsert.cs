using System.Data.Common;
using Microsoft.Data.Sqlite;
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
    /// Inserts <paramref name="rows"/>. SQLite: one prepared statement a row (statements of 100 rows took 134 ms against 177
    /// for 20,000 enterprises in SQLite alone, not worth a second shape of statement with its own key handling); a row that leaves its database-generated integer key at 0 is inserted
    /// without it, and with <paramref name="readKeys"/> the key the database gave is read back (the connection's last row id), so the caller
    /// can refer to the row. PostgreSQL: one binary COPY; missing keys are taken from the sequence first, or, when none is
    /// read back, given by the table's identity default in the COPY (<see cref="CopyAsync"/>).
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
        if (connection is Npgsql.NpgsqlConnection npgsql)
        {
            var sent = await CopyAsync(npgsql, current ?? own, table.Name, all, key, key?.GetColumnName(table), readKeys, rows, ct);
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
                var generated = key is not null && Unnumbered(key, row);
                var columns = generated ? withoutKey : all;
                var command = generated
                    ? generatedKey ??= await PrepareAsync(connection, current ?? own, table.Name, columns, ct)
                    : explicitKey ??= await PrepareAsync(connection, current ?? own, table.Name, columns, ct);
                for (var i = 0; i < columns.Length; i++) command.Parameters[i].Value = columns[i].Value(row);
                await command.ExecuteNonQueryAsync(ct);
                // The key SQLite gave the row, from the connection (a RETURNING clause made SQLite's own work per row
                // twice as long: 399 against 177 ms for 20,000 enterprises, measured on the province benchmark's data).
                if (generated && readKeys)
                    key!.PropertyInfo!.SetValue(row, Convert.ChangeType(SQLitePCL.raw.sqlite3_last_insert_rowid(((SqliteConnection)connection).Handle),
                        key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
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

    /// <summary>
    /// PostgreSQL: the rows go in one binary COPY, PostgreSQL's bulk path. When no key is read back and the first row
    /// leaves its key at 0 (log entries, rankings), the table's identity default numbers the rows in the COPY itself and
    /// they stream as they are made: a query for the keys first cost 60 ms for 20,000 log entries, and made the caller
    /// build every row (their JSON) before the first was sent. Otherwise a row left at key 0 takes its key from the
    /// table's identity sequence first (one query for all of them), so the keys are known, read back to the rows when
    /// asked, and the sequence stays ahead of them. Row by row, each INSERT was a round trip and a parse on the server
    /// (bench import-enterprises: 4.4 s for 20,000 rows and their log entries; 1.8 s on SQLite).
    /// </summary>
    private static async Task<(int Count, bool AnyExplicitKey)> CopyAsync<T>(Npgsql.NpgsqlConnection connection, DbTransaction? transaction, string table,
        Column[] columns, IProperty? key, string? keyColumn, bool readKeys, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        if (key is not null && !readKeys)
        {
            using var rest = rows.GetEnumerator();
            if (!rest.MoveNext()) return (0, false);
            var first = rest.Current;
            rows = Resume(first, rest);
            if (Unnumbered(key, first))
            {
                var numbered = rows.Select(row => Unnumbered(key, row) ? row
                    : throw new InvalidOperationException($"{table}: rows numbered by the table and rows with keys of their own in one call"));
                return (await WriteCopyAsync(connection, table, columns.Where(c => c.Property != key).ToArray(), numbered, null, ct), false);
            }
            return await CopyWithKeysAsync(connection, transaction, table, columns, key, keyColumn!, readKeys, rows.ToList(), ct);
        }
        if (key is null) return (await WriteCopyAsync(connection, table, columns, rows, null, ct), false);
        return await CopyWithKeysAsync(connection, transaction, table, columns, key, keyColumn!, readKeys, rows as IReadOnlyList<T> ?? rows.ToList(), ct);
    }

    /// <summary>A row that leaves its database-generated key at 0, for the database to number.</summary>
    private static bool Unnumbered(IProperty key, object row) => key.PropertyInfo!.GetValue(row) is 0 or 0L;

    /// <summary>The rows again, from one already read off <paramref name="rest"/> (to look at the first without reading them twice).</summary>
    private static IEnumerable<T> Resume<T>(T first, IEnumerator<T> rest)
    {
        yield return first;
        while (rest.MoveNext()) yield return rest.Current;
    }

    private static async Task<(int Count, bool AnyExplicitKey)> CopyWithKeysAsync<T>(Npgsql.NpgsqlConnection connection, DbTransaction? transaction, string table,
        Column[] columns, IProperty key, string keyColumn, bool readKeys, IReadOnlyList<T> list, CancellationToken ct) where T : class
    {
        var keys = new object?[list.Count];
        var anyExplicit = false;
        var missing = new List<int>();
        for (var i = 0; i < list.Count; i++)
            if (Unnumbered(key, list[i])) missing.Add(i);
            else anyExplicit = true;
        if (missing.Count > 0)
        {
            await using var next = connection.CreateCommand();
            next.Transaction = (Npgsql.NpgsqlTransaction?)transaction;
            next.CommandText = $"SELECT nextval(pg_get_serial_sequence('{Quote(table).Replace("'", "''")}', '{keyColumn.Replace("'", "''")}')) FROM generate_series(1, {missing.Count})";
            await using var reader = await next.ExecuteReaderAsync(ct);
            foreach (var i in missing)
            {
                if (!await reader.ReadAsync(ct)) throw new InvalidOperationException($"{table}: the sequence gave too few keys");
                keys[i] = Convert.ChangeType(reader.GetInt64(0), key.ClrType, System.Globalization.CultureInfo.InvariantCulture);
                if (readKeys) key.PropertyInfo!.SetValue(list[i], keys[i]);
            }
        }
        var count = await WriteCopyAsync(connection, table, columns, list, (r, column) => column.Property == key ? keys[r] : null, ct);
        return (count, anyExplicit);
    }

    /// <summary>
    /// One binary COPY of <paramref name="rows"/> into <paramref name="columns"/>, written as they come; <paramref name="given"/>
    /// may supply a column's value for the row at an index (a key taken from the sequence) instead of the row's own.
    /// </summary>
    private static async Task<int> WriteCopyAsync<T>(Npgsql.NpgsqlConnection connection, string table, Column[] columns, IEnumerable<T> rows,
        Func<int, Column, object?>? given, CancellationToken ct) where T : class
    {
        // The type of each column as the INSERT path gives it to Npgsql (from EF's mapping of the column).
        await using var template = connection.CreateCommand();
        var types = columns.Select(c => ((Npgsql.NpgsqlParameter)c.Mapping.CreateParameter(template, "p", null, nullable: true)).NpgsqlDbType).ToArray();
        var count = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync(ct);
                for (var i = 0; i < columns.Length; i++)
                {
                    var value = given?.Invoke(count, columns[i]) ?? columns[i].Value(row);
                    if (value is DBNull) await copy.WriteNullAsync(ct);
                    else if (types[i] == NpgsqlTypes.NpgsqlDbType.Unknown) await copy.WriteAsync(value, ct);
                    else await copy.WriteAsync(value, types[i], ct);
                }
                count++;
            }
            await copy.CompleteAsync(ct);
        }
        return count;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    private static string InsertSql(string table, Column[] columns) =>
        $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) "
        + $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";

    private static async Task<DbCommand> PrepareAsync(DbConnection connection, DbTransaction? transaction, string table, Column[] columns, CancellationToken ct)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InsertSql(table, columns);
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
        var (t, c) = (Quote(table), Quote(column));
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
