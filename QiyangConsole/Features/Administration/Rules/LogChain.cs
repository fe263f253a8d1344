using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Administration.Rules;

/// <summary>
/// The hash chain of a log table (等保 2.0 安全审计: records protected against change and deletion).
/// Rows are chained in Id order: Hash = SHA-256(PrevHash ‖ canonical text of the row), PrevHash = the
/// previous row's Hash, or <see cref="Genesis"/> for the first row ever written. The canonical text
/// names every field, length-prefixed (no two rows share a text), numbers and times invariant (UTC ticks).
/// </summary>
public static class LogChain
{
    public static readonly string Genesis = new('0', 64);

    public static string Canonical(IChainedLog row) => AppendCanonical(new StringBuilder(256), row).ToString();

    /// <summary>SHA-256 of UTF-8(prevHash ‖ canonical text), lowercase hex. A verification hashes every row of a table,
    /// so the text is built in a reused buffer per thread rather than as strings.</summary>
    public static string HashOf(string prevHash, IChainedLog row)
    {
        var text = _text ??= new StringBuilder(1024);
        var encoder = _encoder ??= Encoding.UTF8.GetEncoder();
        text.Clear().Append(prevHash);
        AppendCanonical(text, row);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            // The encoder carries a surrogate pair split between two chunks of the builder.
            encoder.Reset();
            var length = 0;
            foreach (var chunk in text.GetChunks())
                length += encoder.GetBytes(chunk.Span, buffer.AsSpan(length), flush: false);
            length += encoder.GetBytes([], buffer.AsSpan(length), flush: true);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (text.Capacity > 1 << 20) _text = null; // one huge row does not keep its buffer
        }
    }

    [ThreadStatic] private static StringBuilder? _text;
    [ThreadStatic] private static Encoder? _encoder;

    private static StringBuilder AppendCanonical(StringBuilder text, IChainedLog row)
    {
        switch (row)
        {
            case AuditEntry a:
                Add(text, nameof(AuditEntry), Number(a.Id), Number(a.At.Ticks), a.UserName, a.UnitName, a.Action, a.Entity,
                    a.EntityKey, a.OldValues, a.NewValues, a.Ip);
                break;
            case LoginRecord l:
                Add(text, nameof(LoginRecord), Number(l.Id), Number(l.At.Ticks), l.UserName, l.Succeeded ? "1" : "0", l.Reason,
                    l.Ip, l.UserAgent);
                break;
            default: throw new ArgumentException($"{row.GetType().Name} is not a chained log", nameof(row));
        }
        return text;
    }

    /// <summary>
    /// Seals <paramref name="rows"/> (the unsealed rows after the tip, in Id order) onto the chain ending in
    /// <paramref name="tipHash"/>, stopping at the first row written after <paramref name="horizon"/> (null: no limit).
    /// </summary>
    public static List<Seal> Seal(string tipHash, IEnumerable<IChainedLog> rows, DateTime? horizon = null)
    {
        var seals = new List<Seal>();
        var prev = tipHash;
        foreach (var row in rows)
        {
            if (row.At > horizon) break;
            var hash = HashOf(prev, row);
            seals.Add(new Seal(row.Id, prev, hash));
            prev = hash;
        }
        return seals;
    }

    /// <summary>Checks a whole table's rows, in Id order, against the chain's recorded ends.</summary>
    public static ChainReport Verify(IEnumerable<IChainedLog> rows, ChainEnds ends)
    {
        var walk = new ChainWalk(ends);
        foreach (var row in rows)
            if (walk.Step(row) is not null) break;
        return walk.Finish();
    }

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static void Add(StringBuilder text, params string?[] fields)
    {
        foreach (var f in fields)
        {
            if (f is null) text.Append("~|");
            else text.Append(f.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(f).Append('|');
        }
    }
}

public readonly record struct Seal(long Id, string PrevHash, string Hash);

/// <summary>The recorded ends of a chain: the last row removed by retention (0 and <see cref="LogChain.Genesis"/>
/// when none) and the newest sealed row.</summary>
public sealed record ChainEnds(long AnchorId, string AnchorHash, long TipId, string TipHash);

public enum ChainBreakKind
{
    /// <summary>The row's content no longer gives its sealed hash.</summary>
    Altered,
    /// <summary>The row does not follow the previous remaining row: rows between were removed, or rows reordered.</summary>
    Missing,
    /// <summary>A row inside the sealed part of the chain has no hash: it was cleared after sealing.</summary>
    Unsealed,
    /// <summary>A row older than the retention anchor: it cannot have been sealed, so it was inserted afterwards.</summary>
    NotInChain,
    /// <summary>The newest sealed row is gone: rows at the end were removed.</summary>
    TailMissing,
    /// <summary>The rows agree with each other but not with the recorded tip: the chain was recomputed.</summary>
    TipAltered,
}

public sealed record ChainBreak(ChainBreakKind Kind, long Id, DateTime? At, string? UserName, long? PreviousId);

public sealed record ChainReport(long Checked, long? FirstId, bool Purged, long Pending, ChainBreak? Break, string TipHash)
{
    public bool Intact => Break is null;

    /// <summary>The result in the console's words, e.g. 共校验 12,345 条，链完整.</summary>
    public string Describe()
    {
        var c = CultureInfo.InvariantCulture;
        if (Break is { } b)
        {
            var who = b.At is { } at ? string.Create(c, $"第 #{b.Id} 条（{AppTime.ToLocal(at):yyyy-MM-dd HH:mm} {b.UserName}）") : $"第 #{b.Id} 条";
            var why = b.Kind switch
            {
                ChainBreakKind.Altered => "与封存时不一致：记录被改动",
                ChainBreakKind.Missing when b.PreviousId is { } p => $"与前一条 #{p} 之间的记录被删除，或记录顺序被打乱",
                ChainBreakKind.Missing => "之前的记录被删除（不是按保留期清理的）",
                ChainBreakKind.Unsealed => "缺少封存哈希：封存后被清除",
                ChainBreakKind.NotInChain => "早于保留期清理的起点，不在哈希链中：为事后插入",
                ChainBreakKind.TailMissing => "（最后封存的一条）已不存在：日志末尾的记录被删除",
                _ => "与记录的链尾不一致：哈希链被重新计算过",
            };
            return string.Create(c, $"{who}{why}（此前 {Checked:N0} 条完整）");
        }
        var text = string.Create(c, $"共校验 {Checked:N0} 条，链完整");
        if (Purged && FirstId is { } first) text += $"，起点 #{first}（更早记录已按保留期清理）";
        if (Pending > 0) text += string.Create(c, $"；另有 {Pending:N0} 条新记录待封存");
        return text;
    }
}

/// <summary>Verification one row at a time, in Id order, so that a table of any size streams through it.</summary>
public sealed class ChainWalk(ChainEnds ends)
{
    private string _expected = ends.AnchorHash;
    private IChainedLog? _last;
    private long _pending;
    private long? _firstId;

    public long Checked { get; private set; }
    public ChainBreak? Break { get; private set; }

    /// <summary>Takes the next row; returns the break when this row is the first one found broken.</summary>
    public ChainBreak? Step(IChainedLog row)
    {
        if (Break is not null) return null;
        if (row.Id > ends.TipId) { _pending++; return null; }
        _firstId ??= row.Id;
        var kind = row.Id <= ends.AnchorId ? ChainBreakKind.NotInChain
            : row.Hash is null ? ChainBreakKind.Unsealed
            : row.PrevHash != _expected ? ChainBreakKind.Missing
            : LogChain.HashOf(row.PrevHash, row) != row.Hash ? ChainBreakKind.Altered
            : (ChainBreakKind?)null;
        if (kind is { } k) return Break = new ChainBreak(k, row.Id, row.At, row.UserName, _last?.Id);
        _expected = row.Hash!;
        _last = row;
        Checked++;
        return null;
    }

    public ChainReport Finish(long? pending = null)
    {
        var purged = ends.AnchorId > 0;
        if (Break is null && (_last?.Id ?? ends.AnchorId) != ends.TipId)
            Break = new ChainBreak(ChainBreakKind.TailMissing, ends.TipId, null, null, _last?.Id);
        else if (Break is null && _last is not null && _last.Hash != ends.TipHash)
            Break = new ChainBreak(ChainBreakKind.TipAltered, _last.Id, _last.At, _last.UserName, null);
        return new ChainReport(Checked, _firstId, purged, pending ?? _pending, Break, ends.TipHash);
    }
}
