using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Evaluation.Rules;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Evaluation;

public sealed class FindingInput
{
    public int InspectionId { get; set; }
    public int? UnitId { get; set; }
    public string Description { get; set; } = "";
    public int? IndicatorId { get; set; }
    public decimal Deduction { get; set; }
    public string? Evidence { get; set; }
}

/// <summary>督查: inspections and their findings against units, while the month is open.</summary>
public sealed class FindingService(IDbContextFactory<AppDbContext> factory, CurrentUser user)
{
    public async Task<List<Inspection>> InspectionsAsync(int periodId)
    {
        user.Require(EvaluationService.Readers);
        await using var db = await factory.CreateDbContextAsync();
        return await db.Inspections.AsNoTracking().Where(i => i.PeriodId == periodId)
            .Include(i => i.Findings).ThenInclude(f => f.Unit)
            .OrderByDescending(i => i.Date).ThenByDescending(i => i.Id).ToListAsync();
    }

    public async Task<int> AddInspectionAsync(int periodId, DateOnly? date, string? title, string? inspectors)
    {
        user.Require(AppRoles.Office);
        await using var db = await factory.CreateDbContextAsync();
        var period = await OpenPeriodAsync(db, periodId);
        title = title?.Trim() ?? "";
        if (title.Length == 0) throw new DomainException("督查事项不能为空");
        if (date is not { } d) throw new DomainException("请填写督查日期");
        if (d.Year != period.Year || d.Month != period.Month) throw new DomainException($"督查日期应在{period.Year}年{period.Month}月内");
        var inspection = new Inspection { PeriodId = periodId, Date = d, Title = title, Inspectors = string.IsNullOrWhiteSpace(inspectors) ? null : inspectors.Trim() };
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync();
        return inspection.Id;
    }

    public async Task AddFindingAsync(FindingInput input)
    {
        user.Require(AppRoles.Office);
        await using var db = await factory.CreateDbContextAsync();
        var inspection = await db.Inspections.FindAsync(input.InspectionId) ?? throw new DomainException("督查记录不存在");
        var period = await OpenPeriodAsync(db, inspection.PeriodId);
        if (input.UnitId is not { } unitId || !await db.Units.AnyAsync(u => u.Id == unitId && u.GroupId != null))
            throw new DomainException("请选择被督查的考核单位");
        var description = input.Description?.Trim() ?? "";
        if (description.Length == 0) throw new DomainException("发现问题不能为空");
        if (input.Deduction < 0) throw new DomainException("扣分不能为负数");
        if (input.Deduction > 0)
        {
            var indicator = await db.Indicators.FirstOrDefaultAsync(i => i.Id == input.IndicatorId && i.SchemeId == period.SchemeId)
                ?? throw new DomainException("有扣分的督查发现须选择扣分指标");
            if (indicator.Source != ScoreSource.Findings) throw new DomainException($"指标“{indicator.Name}”不是由督查发现计算的指标");
            if (input.Deduction > indicator.MaxPoints) throw new DomainException($"单项扣分不能超过“{indicator.Name}”的分值 {indicator.MaxPoints:0.##}");
        }
        db.Findings.Add(new Finding
        {
            InspectionId = inspection.Id, UnitId = unitId, Description = description,
            IndicatorId = input.Deduction > 0 ? input.IndicatorId : null, Deduction = input.Deduction,
            Evidence = string.IsNullOrWhiteSpace(input.Evidence) ? null : input.Evidence.Trim(),
        });
        await db.SaveChangesAsync();
    }

    public async Task DeleteFindingAsync(int findingId)
    {
        user.Require(AppRoles.Office);
        await using var db = await factory.CreateDbContextAsync();
        var finding = await db.Findings.Include(f => f.Inspection).FirstOrDefaultAsync(f => f.Id == findingId) ?? throw new DomainException(DomainException.Conflict);
        await OpenPeriodAsync(db, finding.Inspection!.PeriodId);
        db.Findings.Remove(finding);
        await db.SaveOrConflictAsync();
    }

    private static async Task<EvaluationPeriod> OpenPeriodAsync(AppDbContext db, int periodId)
    {
        var period = await db.EvaluationPeriods.FindAsync(periodId) ?? throw new DomainException("考核月份不存在");
        if (!PeriodStates.CanEditScores(period.State)) throw new DomainException($"{period.Year}年{period.Month}月{period.State.Name()}，不能再登记督查发现");
        return period;
    }
}
