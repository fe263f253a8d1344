using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Evaluation.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

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
        user.Require(Access.Overseers);
        await using var db = await factory.CreateDbContextAsync();
        if (!RankingService.SeesDrafts(user) && !await db.EvaluationPeriods.AnyAsync(p => p.Id == periodId && p.State == PeriodState.Issued))
            throw new DomainException(ScoreService.NotIssued);
        return await db.Inspections.AsNoTracking().Where(i => i.PeriodId == periodId)
            .Include(i => i.Findings).ThenInclude(f => f.Unit)
            .OrderByDescending(i => i.Date).ThenByDescending(i => i.Id).ToListAsync();
    }

    public async Task<int> AddInspectionAsync(int periodId, DateOnly? date, string? title, string? inspectors)
    {
        user.Require(Access.OfficeOnly);
        await using var db = await factory.CreateDbContextAsync();
        var period = await OpenPeriodAsync(db, periodId);
        title = title?.Trim() ?? "";
        DomainException.ThrowIf(FindingRules.InspectionProblem(title, date, period.Year, period.Month));
        var d = date!.Value;
        var inspection = new Inspection { PeriodId = periodId, Date = d, Title = title, Inspectors = string.IsNullOrWhiteSpace(inspectors) ? null : inspectors.Trim() };
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync();
        return inspection.Id;
    }

    public async Task AddFindingAsync(FindingInput input)
    {
        user.Require(Access.OfficeOnly);
        await using var db = await factory.CreateDbContextAsync();
        var inspection = await db.Inspections.FindAsync(input.InspectionId) ?? throw new DomainException("督查记录不存在");
        var period = await OpenPeriodAsync(db, inspection.PeriodId);
        if (input.UnitId is not { } unitId || !await db.Units.AnyAsync(u => u.Id == unitId && u.GroupId != null))
            throw new DomainException("请选择被督查的考核单位");
        var description = input.Description?.Trim() ?? "";
        DomainException.ThrowIf(FindingRules.FindingProblem(description, input.Deduction));
        if (input.Deduction > 0)
        {
            var indicator = await db.Indicators.FirstOrDefaultAsync(i => i.Id == input.IndicatorId && i.SchemeId == period.SchemeId)
                ?? throw new DomainException("有扣分的督查发现须选择扣分指标");
            DomainException.ThrowIf(FindingRules.DeductionProblem(new IndicatorRule(indicator.Id, indicator.Name, indicator.Kind, indicator.Source, indicator.MaxPoints), input.Deduction));
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
        user.Require(Access.OfficeOnly);
        await using var db = await factory.CreateDbContextAsync();
        var finding = await db.Findings.Include(f => f.Inspection).FirstOrDefaultAsync(f => f.Id == findingId) ?? throw new DomainException(DomainException.Conflict);
        await OpenPeriodAsync(db, finding.Inspection!.PeriodId);
        db.Findings.Remove(finding);
        await db.SaveOrConflictAsync();
    }

    private static async Task<EvaluationPeriod> OpenPeriodAsync(AppDbContext db, int periodId)
    {
        var period = await db.EvaluationPeriods.FindAsync(periodId) ?? throw new DomainException("考核月份不存在");
        DomainException.ThrowIf(FindingRules.OpenPeriodProblem(period.Year, period.Month, period.State));
        return period;
    }
}
