using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Evaluation.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Evaluation;

public sealed record PeriodRow(int Id, int Year, int Month, PeriodState State, int Version, int Findings, int Scores, int Ranked, int Lagging, int? CircularNumber)
{
    public string Label => $"{Year}年{Month}月";
}

/// <summary>Months and their states, and the yearly indicator schemes.</summary>
public sealed class EvaluationService(IDbContextFactory<AppDbContext> factory, CurrentUser user, TimeProvider clock)
{

    public async Task<List<PeriodRow>> PeriodsAsync(int? year = null)
    {
        user.Require(Access.Overseers);
        await using var db = await factory.CreateDbContextAsync();
        var periods = db.EvaluationPeriods.AsNoTracking();
        if (year is { } y) periods = periods.Where(p => p.Year == y);
        return await periods.OrderByDescending(p => p.Year).ThenByDescending(p => p.Month).Select(p => new PeriodRow(
            p.Id, p.Year, p.Month, p.State, p.Version,
            db.Findings.Count(f => f.Inspection!.PeriodId == p.Id),
            db.Scores.Count(s => s.PeriodId == p.Id),
            db.Rankings.Count(r => r.PeriodId == p.Id),
            db.Rankings.Count(r => r.PeriodId == p.Id && r.IsLagging),
            db.Circulars.Where(c => c.PeriodId == p.Id && c.IssuedAt != null).Select(c => c.Number).FirstOrDefault())).ToListAsync();
    }

    public async Task<EvaluationPeriod> PeriodAsync(int id)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.EvaluationPeriods.AsNoTracking().Include(p => p.Scheme).FirstOrDefaultAsync(p => p.Id == id)
            ?? throw new DomainException("考核月份不存在");
    }

    public async Task<int> CreatePeriodAsync(int year, int month)
    {
        user.Require(Access.OfficeOnly);
        DomainException.ThrowIf(IndicatorRules.YearProblem(year) ?? IndicatorRules.MonthProblem(month));
        await using var db = await factory.CreateDbContextAsync();
        var scheme = await db.IndicatorSchemes.FirstOrDefaultAsync(s => s.Year == year)
            ?? throw new DomainException($"{year}年考核方案尚未设置，请先设置考核方案");
        if (await db.EvaluationPeriods.AnyAsync(p => p.Year == year && p.Month == month))
            throw new DomainException($"{year}年{month}月的考核已存在");
        var period = new EvaluationPeriod { Year = year, Month = month, SchemeId = scheme.Id };
        db.EvaluationPeriods.Add(period);
        await db.SaveChangesAsync();
        return period.Id;
    }

    /// <summary>审核 (which fixes the points derived from findings into the sheet) or 退回 for corrections.</summary>
    public async Task TransitionAsync(int periodId, PeriodAction action, int version)
    {
        user.Require(Access.OfficeOnly);
        DomainException.ThrowIf(IndicatorRules.ManualActionProblem(action));
        await using var db = await factory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var period = await db.EvaluationPeriods.FindAsync(periodId) ?? throw new DomainException("考核月份不存在");
        db.ExpectVersion(period, version);
        var (next, error) = PeriodStates.Apply(period.State, action);
        DomainException.ThrowIf(error);
        if (action == PeriodAction.Review)
        {
            if (await db.Indicators.AnyAsync(i => i.SchemeId == period.SchemeId && i.Source == ScoreSource.WorkItemSettlement)
                && await WorkItems.SettlementService.UnitsAsync(db, period.Year, period.Month) is null)
                throw new DomainException($"{period.Year}年{period.Month}月重点工作尚未结账点评，请先在“重点工作 → 结账点评”中结账");
            await ScoreService.MaterialiseDerivedAsync(db, period);
            period.ReviewedBy = user.DisplayName;
            period.ReviewedAt = clock.UtcNow();
        }
        else
        {
            await db.Rankings.Where(r => r.PeriodId == periodId).ExecuteDeleteAsync();
            period.RankedAt = null;
        }
        period.State = next!.Value;
        await db.SaveOrConflictAsync();
        await tx.CommitAsync();
    }

    public async Task<IndicatorScheme?> SchemeAsync(int year)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.IndicatorSchemes.AsNoTracking().Include(s => s.Indicators.OrderBy(i => i.Kind).ThenBy(i => i.SortOrder))
            .FirstOrDefaultAsync(s => s.Year == year);
    }

    public async Task<List<int>> SchemeYearsAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.IndicatorSchemes.OrderByDescending(s => s.Year).Select(s => s.Year).ToListAsync();
    }

    /// <summary>A new year's scheme, copied from the latest earlier one when there is one.</summary>
    public async Task CreateSchemeAsync(int year)
    {
        user.Require(Access.OfficeOnly);
        DomainException.ThrowIf(IndicatorRules.YearProblem(year));
        await using var db = await factory.CreateDbContextAsync();
        if (await db.IndicatorSchemes.AnyAsync(s => s.Year == year)) throw new DomainException($"{year}年考核方案已存在");
        var previous = await db.IndicatorSchemes.AsNoTracking().Include(s => s.Indicators).Where(s => s.Year < year).OrderByDescending(s => s.Year).FirstOrDefaultAsync();
        db.IndicatorSchemes.Add(new IndicatorScheme
        {
            Year = year, Name = $"{year}年度优化发展环境工作考核方案",
            Indicators = previous?.Indicators.Select(i => new Indicator { Name = i.Name, Kind = i.Kind, Source = i.Source, MaxPoints = i.MaxPoints, SortOrder = i.SortOrder }).ToList() ?? [],
        });
        await db.SaveChangesAsync();
    }

    public async Task SaveIndicatorAsync(int year, Indicator edit)
    {
        user.Require(Access.OfficeOnly);
        var name = edit.Name?.Trim() ?? "";
        DomainException.ThrowIf(IndicatorRules.Problem(name, edit.MaxPoints, edit.Kind, edit.Source));
        await using var db = await factory.CreateDbContextAsync();
        var scheme = await db.IndicatorSchemes.FirstOrDefaultAsync(s => s.Year == year) ?? throw new DomainException($"{year}年考核方案尚未设置");
        if (await db.EvaluationPeriods.AnyAsync(p => p.SchemeId == scheme.Id && p.State != PeriodState.Open))
            throw new DomainException($"{year}年已有审核或通报的月份，考核方案不能再修改");
        if (await db.Indicators.AnyAsync(i => i.SchemeId == scheme.Id && i.Name == name && i.Id != edit.Id)) throw new DomainException($"指标“{name}”已存在");
        var indicator = edit.Id == 0 ? db.Indicators.Add(new Indicator { Name = name, SchemeId = scheme.Id }).Entity
            : await db.Indicators.FirstOrDefaultAsync(i => i.Id == edit.Id && i.SchemeId == scheme.Id) ?? throw new DomainException(DomainException.Conflict);
        if (edit.Id != 0) db.ExpectVersion(indicator, edit.Version);
        indicator.Name = name;
        indicator.Kind = edit.Kind;
        indicator.Source = edit.Source;
        indicator.MaxPoints = edit.MaxPoints;
        indicator.SortOrder = edit.SortOrder;
        var basePoints = await db.Indicators.Where(i => i.SchemeId == scheme.Id && i.Kind == IndicatorKind.Base && i.Id != edit.Id).Select(i => i.MaxPoints).ToListAsync();
        DomainException.ThrowIf(IndicatorRules.BaseTotalProblem(edit.Kind, edit.MaxPoints, basePoints.Sum()));
        await db.SaveOrConflictAsync();
    }

    public async Task DeleteIndicatorAsync(int indicatorId)
    {
        user.Require(Access.OfficeOnly);
        await using var db = await factory.CreateDbContextAsync();
        var indicator = await db.Indicators.FindAsync(indicatorId) ?? throw new DomainException(DomainException.Conflict);
        if (await db.EvaluationPeriods.AnyAsync(p => p.SchemeId == indicator.SchemeId && p.State != PeriodState.Open))
            throw new DomainException("该年度已有审核或通报的月份，考核方案不能再修改");
        if (await db.Scores.AnyAsync(s => s.IndicatorId == indicatorId) || await db.Findings.AnyAsync(f => f.IndicatorId == indicatorId))
            throw new DomainException($"指标“{indicator.Name}”已有评分或督查扣分，不能删除");
        db.Indicators.Remove(indicator);
        await db.SaveOrConflictAsync();
    }

}
