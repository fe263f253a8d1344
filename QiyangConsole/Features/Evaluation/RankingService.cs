using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Evaluation.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Evaluation;

public sealed record RankingRow(int UnitId, string UnitName, int GroupId, string GroupName, decimal IndicatorPoints, decimal Bonus, decimal Deductions,
    decimal Total, int Rank, int? PreviousRank, bool IsLagging)
{
    /// <summary>Places gained since last month (positive = up), null when there is no last month.</summary>
    public int? Change => PreviousRank is { } p ? p - Rank : null;
}

public sealed record TrendPoint(int Month, decimal Total, int Rank, bool IsLagging);

/// <summary>Computes and stores a month's ranking (the job calls it) and reads rankings back.</summary>
public sealed class RankingService(IDbContextFactory<AppDbContext> factory, SettingsService settings, CurrentUser user, TimeProvider clock)
{
    public async Task<LaggingRule> LaggingRuleAsync()
    {
        var mode = await settings.ParameterAsync("evaluation.laggingMode") == "count" ? LaggingMode.Count : LaggingMode.Percent;
        var value = mode == LaggingMode.Count ? await settings.IntAsync("evaluation.laggingCount", 1) : await settings.IntAsync("evaluation.laggingPercent", 10);
        return new LaggingRule(mode, value);
    }

    /// <summary>
    /// Replaces the month's ranking with one computed from its reviewed sheet. Idempotent on an
    /// unlocked month; refused on an issued (locked) month or one not yet reviewed.
    /// </summary>
    public async Task<string> ComputeAsync(int periodId, CancellationToken ct = default)
    {
        var rule = await LaggingRuleAsync();
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var period = await db.EvaluationPeriods.FirstOrDefaultAsync(p => p.Id == periodId, ct) ?? throw new InvalidOperationException("考核月份不存在");
        var (next, error) = PeriodStates.Apply(period.State, PeriodAction.Rank);
        if (error is not null) throw new InvalidOperationException($"{period.Year}年{period.Month}月：{error}");
        var ranked = await RankAsync(db, period, rule, ct);
        period.State = next!.Value;
        period.RankedAt = clock.UtcNow();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return $"{period.Year}年{period.Month}月排名完成：{ranked.Count} 个单位，后进 {ranked.Count(r => r.IsLagging)} 个";
    }

    /// <summary>Computes and writes the ranking rows of <paramref name="period"/> (replacing old ones), in the caller's transaction if it has one.</summary>
    internal static async Task<List<RankingEntry>> RankAsync(AppDbContext db, EvaluationPeriod period, LaggingRule rule, CancellationToken ct, bool keepRankedUnits = false)
    {
        var sheet = await ScoreService.LoadSheetAsync(db, period.Id);
        if (keepRankedUnits)
        {
            // A correction of an issued month re-ranks the units it ranked, in the groups they were in then.
            var groupsThen = await db.Rankings.AsNoTracking().Where(r => r.PeriodId == period.Id).ToDictionaryAsync(r => r.UnitId, r => r.GroupId, ct);
            var names = await db.Units.AsNoTracking().Where(u => groupsThen.Keys.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            sheet = sheet with { Units = groupsThen.Select(r => new SheetUnit(r.Key, names[r.Key], r.Value, "")).ToList() };
        }
        var points = sheet.Units.ToDictionary(u => u.Id, u => sheet.TotalOf(u.Id));
        var ranked = RankingCalculator.Rank(sheet.Units.Select(u => new UnitTotal(u.Id, u.GroupId, points[u.Id].Total)), rule);
        // The month before, found first, so its rankings are read through the (PeriodId, UnitId) index.
        var before = period.Month == 1 ? (Year: period.Year - 1, Month: 12) : (period.Year, Month: period.Month - 1);
        var previousId = await db.EvaluationPeriods.Where(p => p.Year == before.Year && p.Month == before.Month).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var previous = previousId is null ? [] : await db.Rankings.AsNoTracking().Where(r => r.PeriodId == previousId)
            .Select(r => new { r.UnitId, r.Rank }).ToDictionaryAsync(r => r.UnitId, r => r.Rank, ct);
        await db.Rankings.Where(r => r.PeriodId == period.Id).ExecuteDeleteAsync(ct);
        var entries = ranked.Select(r => new RankingEntry
        {
            PeriodId = period.Id, UnitId = r.UnitId, GroupId = r.GroupId, Rank = r.Rank, IsLagging = r.IsLagging, Total = r.Total,
            IndicatorPoints = points[r.UnitId].IndicatorPoints, Bonus = points[r.UnitId].Bonus, Deductions = points[r.UnitId].Deductions,
            PreviousRank = previous.TryGetValue(r.UnitId, out var p) ? p : null,
        }).ToList();
        // Ranking rows are the job's output, not user edits (not in the operation log): written with one prepared INSERT
        // inside the caller's transaction rather than one EF command per row (2,000 for a province month).
        await BulkInsert.RowsAsync(db, entries, ct);
        return entries;
    }

    public async Task<List<RankingRow>> RankingAsync(int periodId)
    {
        user.Require(Access.Overseers);
        await using var db = await factory.CreateDbContextAsync();
        if (!SeesDrafts(user) && !await db.EvaluationPeriods.AnyAsync(p => p.Id == periodId && p.State == PeriodState.Issued)) return [];
        return await RowsAsync(db, periodId);
    }

    internal static async Task<List<RankingRow>> RowsAsync(AppDbContext db, int periodId)
    {
        var groups = await db.UnitGroups.AsNoTracking().ToDictionaryAsync(g => g.Id);
        var rows = await db.Rankings.AsNoTracking().Where(r => r.PeriodId == periodId).Include(r => r.Unit).ToListAsync();
        return rows.OrderBy(r => groups[r.GroupId].SortOrder).ThenBy(r => r.Rank).ThenBy(r => r.Unit!.SortOrder)
            .Select(r => new RankingRow(r.UnitId, r.Unit!.Name, r.GroupId, groups[r.GroupId].Name, r.IndicatorPoints, r.Bonus, r.Deductions, r.Total, r.Rank, r.PreviousRank, r.IsLagging))
            .ToList();
    }

    /// <summary>Rankings before the circular is issued are the office's and leaders' working material.</summary>
    internal static bool SeesDrafts(CurrentUser user) => user.May(Access.OfficeOrLeader);

    public async Task<List<TrendPoint>> TrendAsync(int unitId, int year)
    {
        if (!user.May(Access.Overseers) && user.UnitId != unitId) throw new DomainException(DomainException.Forbidden);
        await using var db = await factory.CreateDbContextAsync();
        var drafts = SeesDrafts(user);
        return await db.Rankings.AsNoTracking().Where(r => r.UnitId == unitId)
            .Join(db.EvaluationPeriods.Where(p => p.Year == year && (drafts || p.State == PeriodState.Issued)), r => r.PeriodId, p => p.Id, (r, p) => new { p.Month, r.Total, r.Rank, r.IsLagging })
            .OrderBy(x => x.Month).Select(x => new TrendPoint(x.Month, x.Total, x.Rank, x.IsLagging)).ToListAsync();
    }
}
