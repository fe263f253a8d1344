using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Evaluation.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Evaluation;

public sealed record SheetUnit(int Id, string Name, int GroupId, string GroupName);

public sealed record SheetCell(decimal? Points, int Version, bool IsDerived);

public sealed record ScoreSheet(EvaluationPeriod Period, List<IndicatorRule> Indicators, List<SheetUnit> Units, Dictionary<(int UnitId, int IndicatorId), SheetCell> Cells)
{
    public UnitPoints TotalOf(int unitId) => Scoring.Sum(Indicators
        .Select(i => (i, Cells.TryGetValue((unitId, i.Id), out var c) ? c.Points ?? 0 : 0)));
}

/// <summary>A cell as the user left it, with the version it was loaded at (null: the cell was empty then).</summary>
public sealed record ScoreInput(int UnitId, int IndicatorId, decimal? Points, int? Version);

/// <summary>The month's score sheet: entered points, points derived from findings, and the unit's own view.</summary>
public sealed class ScoreService(IDbContextFactory<AppDbContext> factory, CurrentUser user)
{
    public const string NotIssued = "本月考核结果尚未发布，发布后可查看";

    public async Task<ScoreSheet> SheetAsync(int periodId)
    {
        user.Require(Access.Overseers);
        await using var db = await factory.CreateDbContextAsync();
        // A month's scores are the office's work until the circular is issued: the read-only role sees issued months only.
        if (!RankingService.SeesDrafts(user) && !await db.EvaluationPeriods.AnyAsync(p => p.Id == periodId && p.State == PeriodState.Issued))
            throw new DomainException(NotIssued);
        return await LoadSheetAsync(db, periodId);
    }

    internal static async Task<ScoreSheet> LoadSheetAsync(AppDbContext db, int periodId)
    {
        var period = await db.EvaluationPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId) ?? throw new DomainException("考核月份不存在");
        var indicators = await IndicatorsAsync(db, period.SchemeId);
        var units = await EvaluatedUnitsAsync(db);
        // Only the columns the sheet uses: a province month is 2,000 units × 30 indicators.
        var cells = await db.Scores.AsNoTracking().Where(s => s.PeriodId == periodId)
            .Select(s => new { s.UnitId, s.IndicatorId, Cell = new SheetCell(s.Points, s.Version, s.IsDerived) })
            .ToDictionaryAsync(s => (s.UnitId, s.IndicatorId), s => s.Cell);
        if (period.State == PeriodState.Open)
        {
            // Until review fixes them, points from findings are shown as the findings stand now.
            foreach (var (key, points) in await DerivedAsync(db, period, indicators, units))
                cells[key] = new SheetCell(points, cells.GetValueOrDefault(key)?.Version ?? 0, true);
        }
        return new ScoreSheet(period, indicators, units, cells);
    }

    internal static async Task<List<IndicatorRule>> IndicatorsAsync(AppDbContext db, int schemeId) =>
        (await db.Indicators.AsNoTracking().Where(i => i.SchemeId == schemeId).OrderBy(i => i.Kind).ThenBy(i => i.SortOrder).ToListAsync())
            .Select(i => new IndicatorRule(i.Id, i.Name, i.Kind, i.Source, i.MaxPoints)).ToList();

    internal static async Task<List<SheetUnit>> EvaluatedUnitsAsync(AppDbContext db) =>
        await db.Units.AsNoTracking().Where(u => u.GroupId != null && u.IsActive)
            .OrderBy(u => u.Group!.SortOrder).ThenBy(u => u.SortOrder)
            .Select(u => new SheetUnit(u.Id, u.Name, u.GroupId!.Value, u.Group!.Name)).ToListAsync();

    private static async Task<Dictionary<(int, int), decimal>> DerivedAsync(AppDbContext db, EvaluationPeriod period, List<IndicatorRule> indicators, List<SheetUnit> units)
    {
        var result = new Dictionary<(int, int), decimal>();
        var settlementIndicators = indicators.Where(i => i.Source == ScoreSource.WorkItemSettlement).ToList();
        if (settlementIndicators.Count > 0 && await WorkItems.SettlementService.UnitsAsync(db, period.Year, period.Month) is { } settled)
        {
            foreach (var unit in units)
                foreach (var indicator in settlementIndicators)
                    result[(unit.Id, indicator.Id)] = settled.TryGetValue(unit.Id, out var s)
                        ? WorkItems.Rules.Settling.Points(indicator.MaxPoints, s.Done, s.NotDone, s.Overdue) : indicator.MaxPoints;
        }
        var satisfactionIndicators = indicators.Where(i => i.Source == ScoreSource.Satisfaction).ToList();
        if (satisfactionIndicators.Count > 0)
        {
            var rates = await Exchanges.CallbackService.UnitMonthAsync(db, period.Year, period.Month);
            foreach (var unit in units)
                foreach (var indicator in satisfactionIndicators)
                    result[(unit.Id, indicator.Id)] = rates.TryGetValue(unit.Id, out var r) ? Scoring.FromSatisfaction(indicator.MaxPoints, r.Satisfied, r.Total) : indicator.MaxPoints;
        }
        var derived = indicators.Where(i => i.Source == ScoreSource.Findings).ToList();
        if (derived.Count == 0) return result;
        var found = (await db.Findings.AsNoTracking().Where(f => f.Inspection!.PeriodId == period.Id && f.IndicatorId != null)
                .Select(f => new { f.UnitId, IndicatorId = f.IndicatorId!.Value, f.Deduction }).ToListAsync())
            .GroupBy(f => (f.UnitId, f.IndicatorId)).ToDictionary(g => g.Key, g => g.Sum(f => f.Deduction));
        foreach (var unit in units)
            foreach (var indicator in derived)
                result[(unit.Id, indicator.Id)] = Scoring.FromFindings(indicator, found.GetValueOrDefault((unit.Id, indicator.Id)));
        return result;
    }

    /// <summary>At review, the points derived from findings are written into the sheet so the ranking reads one record.</summary>
    internal static async Task MaterialiseDerivedAsync(AppDbContext db, EvaluationPeriod period)
    {
        var indicators = await IndicatorsAsync(db, period.SchemeId);
        var units = await EvaluatedUnitsAsync(db);
        var existing = await db.Scores.Where(s => s.PeriodId == period.Id).ToDictionaryAsync(s => (s.UnitId, s.IndicatorId));
        foreach (var ((unitId, indicatorId), points) in await DerivedAsync(db, period, indicators, units))
        {
            if (existing.TryGetValue((unitId, indicatorId), out var score)) { score.Points = points; score.IsDerived = true; }
            else db.Scores.Add(new Score { PeriodId = period.Id, UnitId = unitId, IndicatorId = indicatorId, Points = points, IsDerived = true });
        }
    }

    /// <summary>Saves entered points in one transaction: if any value is refused, nothing is saved and every refusal is listed.</summary>
    public async Task SaveAsync(int periodId, IReadOnlyCollection<ScoreInput> inputs)
    {
        user.Require(Access.OfficeOnly);
        await using var db = await factory.CreateDbContextAsync();
        var period = await db.EvaluationPeriods.FindAsync(periodId) ?? throw new DomainException("考核月份不存在");
        DomainException.ThrowIf(PeriodStates.ScoreEditProblem(period.State));
        var indicators = (await IndicatorsAsync(db, period.SchemeId)).ToDictionary(i => i.Id);
        var units = (await EvaluatedUnitsAsync(db)).ToDictionary(u => u.Id);
        var errors = new List<string>();
        if (inputs.GroupBy(i => (i.UnitId, i.IndicatorId)).Any(g => g.Count() > 1)) errors.Add("同一单位的同一指标在本次保存中出现了多次");
        foreach (var input in inputs)
        {
            if (!units.TryGetValue(input.UnitId, out var unit)) { errors.Add($"单位 {input.UnitId} 不参加考核"); continue; }
            if (!indicators.TryGetValue(input.IndicatorId, out var indicator)) { errors.Add($"{unit.Name}：指标不属于本月考核方案"); continue; }
            if (indicator.Source != ScoreSource.Entered) { errors.Add($"{unit.Name}的“{indicator.Name}”由{indicator.Source.Name()}自动计算，不能手工录入"); continue; }
            if (input.Points is { } p && Scoring.Check(indicator, p, unit.Name) is { } error) errors.Add(error);
        }
        if (errors.Count > 0) throw new DomainException(string.Join("；", errors));
        var existing = await db.Scores.Where(s => s.PeriodId == periodId).ToDictionaryAsync(s => (s.UnitId, s.IndicatorId));
        foreach (var input in inputs)
        {
            if (existing.TryGetValue((input.UnitId, input.IndicatorId), out var score))
            {
                // A cell that was empty on the user's sheet has been filled by someone else since.
                if (input.Version is not { } seen) throw new DomainException(DomainException.Conflict);
                db.ExpectVersion(score, seen);
                if (input.Points is { } points) score.Points = points;
                else db.Scores.Remove(score);
            }
            else if (input.Points is { } points)
                db.Scores.Add(new Score { PeriodId = periodId, UnitId = input.UnitId, IndicatorId = input.IndicatorId, Points = points });
        }
        await db.SaveOrConflictAsync();
    }

    /// <summary>导入: every bad cell is reported with row, column and reason, and nothing is saved unless all are valid.</summary>
    public async Task<(int Imported, List<Infrastructure.Excel.ImportError> Errors)> ImportAsync(int periodId, Stream file)
    {
        user.Require(Access.OfficeOnly);
        var sheet = await SheetAsync(periodId);
        DomainException.ThrowIf(PeriodStates.ImportProblem(sheet.Period.State));
        var (inputs, errors) = Export.ScoreSheetExcel.Read(file, sheet);
        if (errors.Count > 0) return (0, errors);
        await SaveAsync(periodId, inputs);
        return (inputs.Count, []);
    }

    /// <summary>The latest year with an issued month, for the unit's own page to open on.</summary>
    public async Task<int?> LatestIssuedYearAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.EvaluationPeriods.Where(p => p.State == PeriodState.Issued).MaxAsync(p => (int?)p.Year);
    }

    /// <summary>A unit's own months: points per indicator, total and rank (for the Unit role, its unit only).</summary>
    public async Task<List<(EvaluationPeriod Period, ScoreSheet Sheet, RankingEntry? Ranking)>> UnitYearAsync(int unitId, int year)
    {
        if (!user.May(Access.OfficeOrLeader) && user.UnitId != unitId)
            throw new DomainException(DomainException.Forbidden);
        await using var db = await factory.CreateDbContextAsync();
        var drafts = RankingService.SeesDrafts(user);
        var periods = await db.EvaluationPeriods.AsNoTracking().Where(p => p.Year == year && (drafts || p.State == PeriodState.Issued)).OrderBy(p => p.Month).ToListAsync();
        var result = new List<(EvaluationPeriod, ScoreSheet, RankingEntry?)>();
        foreach (var period in periods)
        {
            var sheet = await LoadSheetAsync(db, period.Id);
            sheet = sheet with { Units = sheet.Units.Where(u => u.Id == unitId).ToList() };
            var ranking = await db.Rankings.AsNoTracking().FirstOrDefaultAsync(r => r.PeriodId == period.Id && r.UnitId == unitId);
            result.Add((period, sheet, ranking));
        }
        return result;
    }
}
