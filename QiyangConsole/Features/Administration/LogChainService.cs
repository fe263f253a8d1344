using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration.Rules;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Administration;

public enum LogKind { Operations, Logins }

/// <summary>One lock per log table for the whole process: one sealer, purge or verification at a time, so the chain never forks.</summary>
public sealed class LogChainLock
{
    private readonly ConcurrentDictionary<Type, SemaphoreSlim> _locks = new();
    public SemaphoreSlim For<T>() => _locks.GetOrAdd(typeof(T), _ => new SemaphoreSlim(1, 1));
}

public sealed record PurgeResult(long Deleted, long AnchorId);

/// <summary>
/// Seals, verifies and trims the hash chains of the operation and login logs. Rows are written by the
/// business transactions unsealed (Hash null) and sealed here afterwards, in Id order, so concurrent
/// writers never fork the chain. Hashes and deletions are written with plain SQL: EF refuses to modify
/// or delete log rows (<see cref="AuditInterceptor"/>, <see cref="LogTablesGuard"/>).
/// </summary>
public sealed class LogChainService(IDbContextFactory<AppDbContext> factory, TimeProvider clock, LogChainLock locks, ILogger<LogChainService> log)
{
    private const int SealBatch = 500;
    private const int ReadBatch = 2000;
    private const int PurgeBatch = 5000;

    /// <summary>
    /// On SQLite a writer holds the database's write lock from its first insert to its commit, so rows commit in
    /// Id order and every committed row can be sealed at once. On a server database (PostgreSQL) ids are drawn
    /// before commit and a row may become visible after a higher one: there only rows written more than a few
    /// seconds ago are sealed, and a transaction that takes longer than this between writing its log rows and
    /// committing would show up as a broken chain (in this console the log rows are written just before commit).
    /// </summary>
    public static readonly TimeSpan ServerSettleDelay = TimeSpan.FromSeconds(5);

    public async Task<int> SealAllAsync(CancellationToken ct = default) =>
        await SealAsync<AuditEntry>(ct) + await SealAsync<LoginRecord>(ct);

    public Task<ChainReport> VerifyAsync(LogKind kind, CancellationToken ct = default) =>
        kind == LogKind.Operations ? VerifyAsync<AuditEntry>(ct) : VerifyAsync<LoginRecord>(ct);

    public Task<PurgeResult> PurgeAsync(LogKind kind, int retentionDays, CancellationToken ct = default) =>
        kind == LogKind.Operations ? PurgeAsync<AuditEntry>(retentionDays, ct) : PurgeAsync<LoginRecord>(retentionDays, ct);

    public async Task<int> SealAsync<T>(CancellationToken ct = default) where T : class, IChainedLog
    {
        var gate = locks.For<T>();
        await gate.WaitAsync(ct);
        try { return await SealLockedAsync<T>(ct); }
        finally { gate.Release(); }
    }

    /// <summary>Seals what is waiting, then walks the table in Id order, a batch at a time.</summary>
    public async Task<ChainReport> VerifyAsync<T>(CancellationToken ct = default) where T : class, IChainedLog
    {
        var gate = locks.For<T>();
        await gate.WaitAsync(ct);
        try
        {
            await SealLockedAsync<T>(ct);
            var (report, ends) = await WalkAsync<T>(ct);
            // Another console process may have trimmed or sealed meanwhile: a break is confirmed on the ends read afresh.
            if (!report.Intact && await EndsAsync<T>(ct) != ends) (report, _) = await WalkAsync<T>(ct);
            return report;
        }
        finally { gate.Release(); }
    }

    /// <summary>
    /// Deletes the sealed rows older than <paramref name="retentionDays"/> from the head of the chain (the only way
    /// log rows are ever deleted) and records the last one deleted as the chain's new anchor. The newest sealed row
    /// is always kept, so that the recorded tip can always be checked against a row.
    /// </summary>
    public async Task<PurgeResult> PurgeAsync<T>(int retentionDays, CancellationToken ct = default) where T : class, IChainedLog
    {
        var gate = locks.For<T>();
        await gate.WaitAsync(ct);
        try
        {
            var cutoff = clock.UtcNow().AddDays(-retentionDays);
            long deleted = 0;
            while (true)
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                var t = LogTable.Of<T>(db);
                var state = await db.LogChainStates.AsNoTracking().SingleAsync(s => s.Table == t.Name, ct);
                var head = await db.Set<T>().AsNoTracking()
                    .Where(r => r.Id > state.AnchorId && r.Id < state.TipId).OrderBy(r => r.Id).Take(PurgeBatch)
                    .Select(r => new { r.Id, r.At, r.Hash }).ToListAsync(ct);
                var old = head.TakeWhile(r => r.At < cutoff && r.Hash is not null).ToList();
                if (old.Count == 0) return new PurgeResult(deleted, state.AnchorId);
                var last = old[^1];
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var removed = await t.ExecuteAsync(db, $"DELETE FROM {t.Sql} WHERE {t.Col("Id")} > @from AND {t.Col("Id")} <= @to", ct,
                    ("@from", state.AnchorId), ("@to", last.Id));
                var moved = await t.ExecuteAsync(db, $"UPDATE {t.States} SET {t.State("AnchorId")} = @to, {t.State("AnchorHash")} = @hash, "
                    + $"{t.State("PurgedAt")} = @now WHERE {t.State("Table")} = @table AND {t.State("AnchorId")} = @from", ct,
                    ("@to", last.Id), ("@hash", last.Hash), ("@now", clock.UtcNow()), ("@table", t.Name), ("@from", state.AnchorId));
                if (moved != 1) { await tx.RollbackAsync(ct); continue; }
                await tx.CommitAsync(ct);
                deleted += removed;
                if (old.Count < head.Count || head.Count < PurgeBatch) return new PurgeResult(deleted, last.Id);
            }
        }
        finally { gate.Release(); }
    }

    private async Task<int> SealLockedAsync<T>(CancellationToken ct) where T : class, IChainedLog
    {
        var total = 0;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var t = LogTable.Of<T>(db);
            var state = await db.LogChainStates.AsNoTracking().SingleAsync(s => s.Table == t.Name, ct);
            var rows = await db.Set<T>().AsNoTracking().Where(r => r.Id > state.TipId).OrderBy(r => r.Id).Take(SealBatch).ToListAsync(ct);
            var horizon = db.Database.IsSqlite() ? (DateTime?)null : clock.UtcNow() - ServerSettleDelay;
            var seals = LogChain.Seal(state.TipHash, rows, horizon);
            if (seals.Count == 0) return total;
            if (!await WriteSealsAsync(db, t, state.TipId, seals, ct))
            {
                // Another process of the console sealed these rows first (the tip moved on): start again from the new tip.
                var tip = await db.LogChainStates.AsNoTracking().Where(s => s.Table == t.Name).Select(s => s.TipId).SingleAsync(ct);
                if (tip != state.TipId) continue;
                log.LogError("Log table {Table}: row #{Id} after the chain's tip already carries a hash; it is left unsealed", t.Name, seals[0].Id);
                return total;
            }
            total += seals.Count;
            if (seals.Count < rows.Count || rows.Count < SealBatch) return total;
        }
    }

    /// <summary>Writes a batch of seals and moves the tip, all or nothing; false when a row or the tip was taken meanwhile.</summary>
    private static async Task<bool> WriteSealsAsync(AppDbContext db, LogTable t, long oldTip, List<Seal> seals, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using var update = connection.CreateCommand();
        update.Transaction = tx.GetDbTransaction();
        update.CommandText = $"UPDATE {t.Sql} SET {t.Col("PrevHash")} = @prev, {t.Col("Hash")} = @hash WHERE {t.Col("Id")} = @id AND {t.Col("Hash")} IS NULL";
        var (prev, hash, id) = (Parameter(update, "@prev", ""), Parameter(update, "@hash", ""), Parameter(update, "@id", 0L));
        await update.PrepareAsync(ct);
        foreach (var seal in seals)
        {
            (prev.Value, hash.Value, id.Value) = (seal.PrevHash, seal.Hash, seal.Id);
            if (await update.ExecuteNonQueryAsync(ct) != 1) { await tx.RollbackAsync(ct); return false; }
        }
        var moved = await t.ExecuteAsync(db, $"UPDATE {t.States} SET {t.State("TipId")} = @id, {t.State("TipHash")} = @hash "
            + $"WHERE {t.State("Table")} = @table AND {t.State("TipId")} = @old", ct,
            ("@id", seals[^1].Id), ("@hash", seals[^1].Hash), ("@table", t.Name), ("@old", oldTip));
        if (moved != 1) { await tx.RollbackAsync(ct); return false; }
        await tx.CommitAsync(ct);
        return true;
    }

    private async Task<ChainEnds> EndsAsync<T>(CancellationToken ct) where T : class
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var name = LogTable.Of<T>(db).Name;
        var s = await db.LogChainStates.AsNoTracking().SingleAsync(x => x.Table == name, ct);
        return new ChainEnds(s.AnchorId, s.AnchorHash, s.TipId, s.TipHash);
    }

    private async Task<(ChainReport, ChainEnds)> WalkAsync<T>(CancellationToken ct) where T : class, IChainedLog
    {
        var ends = await EndsAsync<T>(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var walk = new ChainWalk(ends);
        var after = long.MinValue;
        while (true)
        {
            var batch = await db.Set<T>().AsNoTracking().Where(r => r.Id > after && r.Id <= ends.TipId).OrderBy(r => r.Id).Take(ReadBatch).ToListAsync(ct);
            if (batch.Any(row => walk.Step(row) is not null) || batch.Count < ReadBatch) break;
            after = batch[^1].Id;
        }
        var pending = await db.Set<T>().LongCountAsync(r => r.Id > ends.TipId, ct);
        return (walk.Finish(pending), ends);
    }

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
        return p;
    }

    /// <summary>A log table's and the chain state's names as the model maps them, quoted for the database in use.</summary>
    private sealed record LogTable(string Name, string Sql, ISqlGenerationHelper Quote, Microsoft.EntityFrameworkCore.Metadata.IEntityType Type, Microsoft.EntityFrameworkCore.Metadata.IEntityType StateType)
    {
        public static LogTable Of<T>(AppDbContext db)
        {
            var type = db.Model.FindEntityType(typeof(T))!;
            var quote = db.GetService<ISqlGenerationHelper>();
            return new LogTable(type.GetTableName()!, quote.DelimitIdentifier(type.GetTableName()!, type.GetSchema()), quote, type,
                db.Model.FindEntityType(typeof(LogChainState))!);
        }

        public string States => Quote.DelimitIdentifier(StateType.GetTableName()!, StateType.GetSchema());
        public string Col(string property) => Quote.DelimitIdentifier(Type.FindProperty(property)!.GetColumnName());
        public string State(string property) => Quote.DelimitIdentifier(StateType.FindProperty(property)!.GetColumnName());

        public async Task<int> ExecuteAsync(AppDbContext db, string sql, CancellationToken ct, params (string Name, object? Value)[] values)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = sql;
            foreach (var (name, value) in values) Parameter(command, name, value ?? DBNull.Value);
            return await command.ExecuteNonQueryAsync(ct);
        }
    }
}
