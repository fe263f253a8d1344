using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Rules;

namespace QiyangConsole.Tests.Unit.Administration;

public sealed class LogChainTests
{
    private static readonly DateTime T0 = new(2023, 5, 18, 1, 0, 0); // 09:00 Beijing time

    private static AuditEntry Entry(long id, string user = "office", int minutes = 0) => new()
    {
        Id = id, At = T0.AddMinutes(minutes), UserName = user, UnitName = "专班办公室", Action = "修改", Entity = "Unit",
        EntityKey = id.ToString(), OldValues = $$"""{"Name":"单位{{id}}"}""", NewValues = $$"""{"Name":"新单位{{id}}"}""", Ip = "127.0.0.1",
    };

    /// <summary>Rows 1..n, sealed from the genesis, with the ends the sealer would record.</summary>
    private static (List<AuditEntry> Rows, ChainEnds Ends) Sealed(int n)
    {
        var rows = Enumerable.Range(1, n).Select(i => Entry(i, minutes: i)).ToList();
        var seals = LogChain.Seal(LogChain.Genesis, rows);
        foreach (var (row, seal) in rows.Zip(seals)) (row.PrevHash, row.Hash) = (seal.PrevHash, seal.Hash);
        return (rows, new ChainEnds(0, LogChain.Genesis, rows[^1].Id, rows[^1].Hash!));
    }

    [Fact]
    public void Known_answer_hashes_computed_independently_of_this_code()
    {
        // sha256(PrevHash || canonical text) with the canonical text spelt out (computed with Python's hashlib).
        var audit = new AuditEntry
        {
            Id = 1, At = T0, UserName = "office", UnitName = "专班办公室", Action = "修改", Entity = "Unit", EntityKey = "7",
            OldValues = """{"Name":"市商务局"}""", NewValues = null, Ip = "127.0.0.1",
        };
        Assert.Equal("""10:AuditEntry|1:1|18:638199684000000000|6:office|5:专班办公室|2:修改|4:Unit|1:7|15:{"Name":"市商务局"}|~|9:127.0.0.1|""", LogChain.Canonical(audit));
        var first = LogChain.HashOf(LogChain.Genesis, audit);
        Assert.Equal("0a551c561056ef9b6642fda77a07ce0dc164f678564d73a3073b6660b91db4bb", first);

        var login = new LoginRecord { Id = 2, At = T0, UserName = "office", Succeeded = true, Reason = "登录成功", Ip = "127.0.0.1", UserAgent = null };
        Assert.Equal("d15d393498a4d6cc4d607a26d8650aecdfad9145d677728b25bf5a2d53d34592", LogChain.HashOf(first, login));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(9_000)]
    [InlineData(300_000)]
    public void The_hash_is_sha256_of_the_utf8_text_for_any_length_and_supplementary_characters(int length)
    {
        // Supplementary-plane characters (two UTF-16 units) at every offset, so that some straddle the builder's chunks; a lone surrogate too.
        var text = string.Concat(Enumerable.Range(0, length / 3).Select(i => i % 2 == 0 ? "𠀀a" : "企𝒳"))[..(length / 3 * 3 / 2)] + "\ud800";
        var row = Modified(Entry(1), e => e.NewValues = text);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(LogChain.Genesis + LogChain.Canonical(row))));

        Assert.Equal(expected, LogChain.HashOf(LogChain.Genesis, row));
        Assert.Equal(expected, LogChain.HashOf(LogChain.Genesis, row)); // the reused buffer gives the same again
    }

    [Fact]
    public void Null_and_empty_and_shifted_field_boundaries_give_different_texts()
    {
        var a = Entry(1);
        var texts = new[]
        {
            LogChain.Canonical(a),
            LogChain.Canonical(Modified(a, e => e.NewValues = null)),
            LogChain.Canonical(Modified(a, e => e.NewValues = "")),
            LogChain.Canonical(Modified(a, e => (e.Entity, e.EntityKey) = ("Uni", "t1"))),
            LogChain.Canonical(Modified(a, e => (e.Entity, e.EntityKey) = ("Unit1", ""))),
        };
        Assert.Equal(texts.Length, texts.Distinct().Count());
    }

    [Fact]
    public void An_untouched_chain_verifies_and_says_so_with_its_count()
    {
        var (rows, ends) = Sealed(5);
        var report = LogChain.Verify(rows, ends);
        Assert.True(report.Intact);
        Assert.Equal(5, report.Checked);
        Assert.Equal(1, report.FirstId);
        Assert.Equal("共校验 5 条，链完整", report.Describe());
        Assert.Equal(rows[2].Hash, rows[3].PrevHash);
        Assert.Equal(LogChain.Genesis, rows[0].PrevHash);
    }

    public static TheoryData<string, Action<AuditEntry>> Alterations => new()
    {
        { "time", e => e.At = e.At.AddTicks(1) },
        { "user", e => e.UserName = "leader" },
        { "unit", e => e.UnitName = null },
        { "action", e => e.Action = "删除" },
        { "entity", e => e.Entity = "Enterprise" },
        { "key", e => e.EntityKey = "99" },
        { "old values", e => e.OldValues = e.OldValues + " " },
        { "new values", e => e.NewValues = null },
        { "ip", e => e.Ip = "10.0.0.1" },
        { "id", e => e.Id = 3 }, // moved to the place of a row removed: its text names the old id
    };

    [Theory]
    [MemberData(nameof(Alterations))]
    public void Any_altered_field_is_found_at_its_row(string field, Action<AuditEntry> alter)
    {
        var (rows, ends) = Sealed(6);
        if (field == "id") rows.RemoveAt(2); // row #3 gone, #4 pretends to be #3
        var target = rows.Single(r => r.Id == 4);
        alter(target);

        var report = LogChain.Verify(rows.OrderBy(r => r.Id), ends);

        Assert.False(report.Intact);
        Assert.Equal(field == "id" ? ChainBreakKind.Missing : ChainBreakKind.Altered, report.Break!.Kind);
        Assert.Equal(target.Id, report.Break.Id);
        Assert.Equal(field == "id" ? 2 : 3, report.Checked);
    }

    [Fact]
    public void An_altered_login_record_is_found_too()
    {
        var rows = Enumerable.Range(1, 3).Select(i => new LoginRecord { Id = i, At = T0, UserName = "u" + i, Succeeded = false, Reason = "用户名或密码错误" }).ToList();
        foreach (var (row, seal) in rows.Zip(LogChain.Seal(LogChain.Genesis, rows))) (row.PrevHash, row.Hash) = (seal.PrevHash, seal.Hash);
        rows[1].Succeeded = true;
        var report = LogChain.Verify(rows, new ChainEnds(0, LogChain.Genesis, 3, rows[2].Hash!));
        Assert.Equal((ChainBreakKind.Altered, 2L), (report.Break!.Kind, report.Break.Id));
    }

    [Fact]
    public void A_deleted_middle_row_is_found_at_the_next_row_naming_the_one_before()
    {
        var (rows, ends) = Sealed(6);
        rows.RemoveAt(3); // #4

        var report = LogChain.Verify(rows, ends);

        Assert.Equal(ChainBreakKind.Missing, report.Break!.Kind);
        Assert.Equal(5, report.Break.Id);
        Assert.Equal(3, report.Break.PreviousId);
        Assert.Equal("第 #5 条（2023-05-18 09:05 office）与前一条 #3 之间的记录被删除，或记录顺序被打乱（此前 3 条完整）", report.Describe());
    }

    [Fact]
    public void Reordered_rows_are_found()
    {
        var (rows, ends) = Sealed(6);
        // Two rows trade places (their ids swapped with everything else kept).
        (rows[2].Id, rows[3].Id) = (rows[3].Id, rows[2].Id);

        var report = LogChain.Verify(rows.OrderBy(r => r.Id), ends);

        Assert.False(report.Intact);
        Assert.Equal(3, report.Break!.Id);
        Assert.Equal(ChainBreakKind.Missing, report.Break.Kind);
    }

    [Fact]
    public void The_first_rows_deleted_without_the_retention_job_are_found()
    {
        var (rows, ends) = Sealed(4);
        var report = LogChain.Verify(rows.Skip(1), ends);
        Assert.Equal((ChainBreakKind.Missing, 2L, (long?)null), (report.Break!.Kind, report.Break.Id, report.Break.PreviousId));
        Assert.Contains("之前的记录被删除（不是按保留期清理的）", report.Describe());
    }

    [Fact]
    public void After_the_retention_job_the_chain_starts_at_its_anchor_and_says_so()
    {
        var (rows, ends) = Sealed(5);
        var anchored = ends with { AnchorId = 2, AnchorHash = rows[1].Hash! };

        var report = LogChain.Verify(rows.Skip(2), anchored);

        Assert.True(report.Intact);
        Assert.Equal(3, report.Checked);
        Assert.Equal("共校验 3 条，链完整，起点 #3（更早记录已按保留期清理）", report.Describe());
    }

    [Fact]
    public void Deleted_last_rows_are_found_against_the_recorded_tip()
    {
        var (rows, ends) = Sealed(5);
        var report = LogChain.Verify(rows.Take(3), ends);
        Assert.Equal((ChainBreakKind.TailMissing, 5L, (long?)3), (report.Break!.Kind, report.Break.Id, report.Break.PreviousId));
        Assert.Equal("第 #5 条（最后封存的一条）已不存在：日志末尾的记录被删除（此前 3 条完整）", report.Describe());
        Assert.Equal(ChainBreakKind.TailMissing, LogChain.Verify([], ends).Break!.Kind);
    }

    [Fact]
    public void A_hash_cleared_after_sealing_is_found()
    {
        var (rows, ends) = Sealed(4);
        rows[1].Hash = null;
        var report = LogChain.Verify(rows, ends);
        Assert.Equal((ChainBreakKind.Unsealed, 2L), (report.Break!.Kind, report.Break.Id));
    }

    [Fact]
    public void A_row_slipped_in_before_the_anchor_is_not_part_of_the_chain()
    {
        var (rows, ends) = Sealed(5);
        var anchored = ends with { AnchorId = 2, AnchorHash = rows[1].Hash! };
        var report = LogChain.Verify(rows.Skip(1), anchored);
        Assert.Equal((ChainBreakKind.NotInChain, 2L), (report.Break!.Kind, report.Break.Id));
    }

    [Fact]
    public void A_chain_recomputed_after_an_alteration_no_longer_meets_the_recorded_tip()
    {
        var (rows, ends) = Sealed(4);
        rows[1].UserName = "someone";
        foreach (var (row, seal) in rows.Zip(LogChain.Seal(LogChain.Genesis, rows))) (row.PrevHash, row.Hash) = (seal.PrevHash, seal.Hash);

        var report = LogChain.Verify(rows, ends);

        Assert.Equal(ChainBreakKind.TipAltered, report.Break!.Kind);
        Assert.Equal(4, report.Checked);
    }

    [Fact]
    public void Rows_after_the_tip_are_waiting_for_the_sealer_not_broken()
    {
        var (rows, ends) = Sealed(3);
        rows.Add(Entry(4));
        rows.Add(Entry(5));
        var report = LogChain.Verify(rows, ends);
        Assert.True(report.Intact);
        Assert.Equal(2, report.Pending);
        Assert.Equal("共校验 3 条，链完整；另有 2 条新记录待封存", report.Describe());
    }

    [Fact]
    public void Sealing_continues_from_the_tip_and_stops_at_the_first_row_younger_than_the_horizon()
    {
        var (rows, _) = Sealed(2);
        var fresh = new[] { Entry(3, minutes: 3), Entry(4, minutes: 10), Entry(5, minutes: 4) };

        var seals = LogChain.Seal(rows[1].Hash!, fresh, horizon: T0.AddMinutes(5));

        Assert.Equal([3L], seals.Select(s => s.Id));
        Assert.Equal(rows[1].Hash, seals[0].PrevHash);
        Assert.Equal(LogChain.HashOf(rows[1].Hash!, fresh[0]), seals[0].Hash);
        Assert.Equal(3, LogChain.Seal(rows[1].Hash!, fresh).Count);
    }

    [Fact]
    public void Counts_are_written_with_thousands_separators_whatever_the_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var report = new ChainReport(12345, 1, false, 0, null, LogChain.Genesis);
            Assert.Equal("共校验 12,345 条，链完整", report.Describe());
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = previous; }
    }

    private static AuditEntry Modified(AuditEntry e, Action<AuditEntry> change)
    {
        var copy = new AuditEntry
        {
            Id = e.Id, At = e.At, UserName = e.UserName, UnitName = e.UnitName, Action = e.Action, Entity = e.Entity,
            EntityKey = e.EntityKey, OldValues = e.OldValues, NewValues = e.NewValues, Ip = e.Ip,
        };
        change(copy);
        return copy;
    }
}
