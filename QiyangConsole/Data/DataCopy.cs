using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace QiyangConsole.Data;

/// <summary>The rows of one table in the source and in the target after a copy.</summary>
public sealed record TableCount(string Table, long Source, long Target)
{
    public bool Matches => Source == Target;
}

/// <summary>
/// Moves a console's data from its SQLite file into a PostgreSQL database (<c>copy-to</c>): the target is migrated, must
/// be empty, and gets every table's rows with their keys as they are (each value read as the SQLite model maps it and
/// written as the PostgreSQL model maps it), parents before children, in one transaction; then each identity sequence
/// is moved past the largest key, and the rows are counted table by table on both sides.
/// </summary>
public static class DataCopy
{
    public static async Task<List<TableCount>> CopyAsync(AppDbContext source, AppDbContext target, Action<string>? progress = null, CancellationToken ct = default)
    {
        if (!source.Database.IsSqlite() || !target.Database.IsNpgsql()) throw new InvalidOperationException("只能从 SQLite 复制到 PostgreSQL");
        var pending = (await source.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0) throw new InvalidOperationException($"源数据库尚未升级到当前版本（缺 {pending.Count} 个迁移）：请先启动一次控制台或执行 migrate");
        await target.Database.MigrateAsync(ct);
        var tables = Ordered(target.Model);
        // The rows the migrations themselves write (HasData: the log chains' starting states) come from the source instead.
        var design = target.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;
        int Seeded(IEntityType type) => design.FindEntityType(type.Name)?.GetSeedData().Count() ?? 0;
        foreach (var type in tables)
            if (await CountAsync(target, type, ct) > Seeded(type))
                throw new InvalidOperationException($"目标数据库不是空的（表 {type.GetTableName()} 已有数据）：请复制到一个新建的空数据库");

        await source.Database.OpenConnectionAsync(ct);
        await target.Database.OpenConnectionAsync(ct);
        await using (var tx = await target.Database.BeginTransactionAsync(ct))
        {
            foreach (var type in tables.Where(t => Seeded(t) > 0).Reverse())
            {
                await using var clear = target.Database.GetDbConnection().CreateCommand();
                clear.Transaction = tx.GetDbTransaction();
                clear.CommandText = $"DELETE FROM {Quote(type.GetTableName()!)}";
                await clear.ExecuteNonQueryAsync(ct);
            }
            foreach (var type in tables)
            {
                var copied = await CopyTableAsync(source, target, type, tx.GetDbTransaction(), ct);
                progress?.Invoke($"{type.GetTableName()}: {copied:N0}");
            }
            await tx.CommitAsync(ct);
        }
        var counts = new List<TableCount>();
        foreach (var type in tables)
            counts.Add(new TableCount(type.GetTableName()!, await CountAsync(source, source.Model.FindEntityType(type.Name)!, ct), await CountAsync(target, type, ct)));
        return counts;
    }

    /// <summary>Tables in an order where every foreign key points to a table already copied (self-references aside).</summary>
    internal static List<IEntityType> Ordered(IModel model)
    {
        var types = model.GetEntityTypes().Where(t => t.GetTableName() is not null && t.FindPrimaryKey() is not null && !t.IsOwned()).ToList();
        var done = new List<IEntityType>();
        var left = types.ToHashSet();
        while (left.Count > 0)
        {
            var ready = left.Where(t => t.GetForeignKeys().All(fk => fk.PrincipalEntityType == t || !left.Contains(fk.PrincipalEntityType)))
                .OrderBy(t => t.GetTableName(), StringComparer.Ordinal).ToList();
            if (ready.Count == 0) throw new InvalidOperationException("表之间的外键成环，无法确定复制顺序：" + string.Join("、", left.Select(t => t.GetTableName())));
            done.AddRange(ready);
            left.ExceptWith(ready);
        }
        return done;
    }

    private static async Task<long> CountAsync(AppDbContext db, IEntityType type, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"SELECT COUNT(*) FROM {Quote(type.GetTableName()!)}";
        if (command.Connection!.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    private sealed record Column(string Name, RelationalTypeMapping From, RelationalTypeMapping To, Type Read);

    private static async Task<long> CopyTableAsync(AppDbContext source, AppDbContext target, IEntityType type, DbTransaction tx, CancellationToken ct)
    {
        var table = type.GetTableName()!;
        var sourceType = source.Model.FindEntityType(type.Name)!;
        var targetId = StoreObjectIdentifier.Table(table, type.GetSchema());
        var sourceId = StoreObjectIdentifier.Table(sourceType.GetTableName()!, sourceType.GetSchema());
        var columns = type.GetProperties().Where(p => p.GetColumnName(targetId) is not null).Select(p =>
        {
            var from = sourceType.FindProperty(p.Name)!.GetRelationalTypeMapping();
            return new Column(p.GetColumnName(targetId)!, from, p.GetRelationalTypeMapping(), from.Converter?.ProviderClrType ?? from.ClrType);
        }).ToArray();
        var sourceColumns = type.GetProperties().Where(p => p.GetColumnName(targetId) is not null)
            .Select(p => sourceType.FindProperty(p.Name)!.GetColumnName(sourceId)!).ToArray();

        await using var read = source.Database.GetDbConnection().CreateCommand();
        read.CommandText = $"SELECT {string.Join(", ", sourceColumns.Select(Quote))} FROM {Quote(sourceType.GetTableName()!)}";
        await using var insert = target.Database.GetDbConnection().CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        insert.Parameters.AddRange(columns.Select((c, i) => c.To.CreateParameter(insert, "@p" + i, null, nullable: true)).ToArray());
        await insert.PrepareAsync(ct);

        // A table that refers to itself (a unit's parent unit) is read whole and written parents first; the others stream.
        var selfKeys = type.GetForeignKeys().Where(fk => fk.PrincipalEntityType == type).ToList();
        var rows = new List<object?[]>();
        long count = 0;
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var values = new object?[columns.Length];
                for (var i = 0; i < columns.Length; i++) values[i] = await reader.IsDBNullAsync(i, ct) ? null : Value(reader, i, columns[i]);
                if (selfKeys.Count > 0) { rows.Add(values); continue; }
                await WriteAsync(insert, columns, values, ct);
                count++;
            }
        }
        if (selfKeys.Count > 0)
            foreach (var values in ParentsFirst(type, selfKeys, columns, rows))
            {
                await WriteAsync(insert, columns, values, ct);
                count++;
            }
        if (type.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd, ClrType: var keyType } key] && (keyType == typeof(int) || keyType == typeof(long)))
            await BulkInsert.MoveSequencePastKeysAsync(target.Database.GetDbConnection(), tx, table, key.GetColumnName(targetId)!, ct);
        return count;
    }

    /// <summary>The model's value of a source column: read as SQLite stores it, then through the SQLite model's conversion.</summary>
    private static object? Value(DbDataReader reader, int ordinal, Column column)
    {
        var read = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!.MakeGenericMethod(Nullable.GetUnderlyingType(column.Read) ?? column.Read);
        var stored = read.Invoke(reader, [ordinal]);
        return column.From.Converter is { } converter ? converter.ConvertFromProvider(stored) : stored;
    }

    private static async Task WriteAsync(DbCommand insert, Column[] columns, object?[] values, CancellationToken ct)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            var value = values[i];
            if (value is not null && columns[i].To.Converter is { } converter) value = converter.ConvertToProvider(value);
            insert.Parameters[i].Value = value ?? DBNull.Value;
        }
        await insert.ExecuteNonQueryAsync(ct);
    }

    private static IEnumerable<object?[]> ParentsFirst(IEntityType type, List<IForeignKey> selfKeys, Column[] columns, List<object?[]> rows)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        int Index(IProperty p) => Array.FindIndex(columns, c => c.Name == p.GetColumnName(table));
        var keyIndex = Index(type.FindPrimaryKey()!.Properties.Single());
        var parentIndexes = selfKeys.Select(fk => Index(fk.Properties.Single())).ToList();
        var written = new HashSet<object>();
        var left = rows;
        while (left.Count > 0)
        {
            var ready = left.Where(r => parentIndexes.All(i => r[i] is null || written.Contains(r[i]!) || Equals(r[i], r[keyIndex]))).ToList();
            if (ready.Count == 0) throw new InvalidOperationException($"表 {type.GetTableName()} 的上级引用成环或指向不存在的行");
            foreach (var r in ready) { written.Add(r[keyIndex]!); yield return r; }
            left = left.Except(ready).ToList();
        }
    }
}
