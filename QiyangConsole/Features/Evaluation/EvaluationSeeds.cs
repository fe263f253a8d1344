using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Evaluation.Rules;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Evaluation;

/// <summary>
/// Demo data: the 2023 scheme and January–May, each month inspected, scored, reviewed, ranked by
/// the same code as the job, and circulated naming its lagging units.
/// </summary>
public sealed class EvaluationSeed(IConfiguration config) : ISeedStep
{
    public string Name => "evaluation/2023-jan-may";
    public int Order => 30;
    public bool Enabled(IConfiguration _) => DemoMode.IsOn(config);

    private sealed record IndicatorRow(string Name, IndicatorKind Kind, ScoreSource Source, decimal Max);
    private sealed record FindingRow(string Unit, string Description, decimal Deduction, string? Evidence);
    private sealed record InspectionRow(DateOnly Date, string Title, string? Inspectors, List<FindingRow> Findings);
    private sealed record MonthRow(int Month, int CircularNumber, DateOnly ReviewDate, DateOnly IssueDate, List<InspectionRow> Inspections, Dictionary<string, Dictionary<string, decimal>> Scores);
    private sealed record StatementRow(DateOnly HeldOn, ReviewMeeting Meeting, int Number, string? Unit, string? Leader, string Summary);
    private sealed record YearFile(int Year, string Scheme, List<IndicatorRow> Indicators, List<MonthRow> Months, List<StatementRow> Statements);

    public async Task RunAsync(AppDbContext db, SeedFiles files, CancellationToken ct)
    {
        var data = files.Read<YearFile>("evaluation/2023.json");
        var scheme = new IndicatorScheme
        {
            Year = data.Year, Name = data.Scheme,
            Indicators = data.Indicators.Select((i, n) => new Indicator { Name = i.Name, Kind = i.Kind, Source = i.Source, MaxPoints = i.Max, SortOrder = n + 1 }).ToList(),
        };
        db.IndicatorSchemes.Add(scheme);
        await db.SaveChangesAsync(ct);
        var indicators = scheme.Indicators.ToDictionary(i => i.Name);
        var findingsIndicator = scheme.Indicators.First(i => i.Source == ScoreSource.Findings);
        var units = await db.Units.ToDictionaryAsync(u => u.Name, u => u.Id, ct);
        var rule = await LaggingRuleAsync(db, ct);

        foreach (var month in data.Months.OrderBy(m => m.Month))
        {
            var period = new EvaluationPeriod { Year = data.Year, Month = month.Month, SchemeId = scheme.Id };
            db.EvaluationPeriods.Add(period);
            await db.SaveChangesAsync(ct);
            foreach (var inspection in month.Inspections)
                db.Inspections.Add(new Inspection
                {
                    PeriodId = period.Id, Date = inspection.Date, Title = inspection.Title, Inspectors = inspection.Inspectors,
                    Findings = inspection.Findings.Select(f => new Finding
                    {
                        UnitId = units[f.Unit], Description = f.Description, Deduction = f.Deduction, Evidence = f.Evidence,
                        IndicatorId = f.Deduction > 0 ? findingsIndicator.Id : null,
                    }).ToList(),
                });
            foreach (var (unit, points) in month.Scores)
                foreach (var (indicator, value) in points)
                    db.Scores.Add(new Score { PeriodId = period.Id, UnitId = units[unit], IndicatorId = indicators[indicator].Id, Points = value });
            await db.SaveChangesAsync(ct);

            await ScoreService.MaterialiseDerivedAsync(db, period);
            // Reviewed at the month's review meeting (月考核点评会), a working day before the circular.
            var reviewedAt = month.ReviewDate.ToDateTime(new TimeOnly(9, 0));
            period.ReviewedAt = TimeZoneInfo.ConvertTimeToUtc(reviewedAt, AppTime.Zone);
            period.ReviewedBy = "专班办公室";
            await db.SaveChangesAsync(ct);
            var ranked = await RankingService.RankAsync(db, period, rule, ct);
            period.RankedAt = period.ReviewedAt!.Value.AddHours(1);
            period.State = PeriodState.Issued;
            db.Circulars.Add(new Circular
            {
                PeriodId = period.Id, Year = data.Year, Number = month.CircularNumber,
                Title = CircularService.DefaultTitle(data.Year, month.Month),
                Summary = $"按照“每月一督查、一考核、一排名、一通报”工作要求，专班对{data.Year}年{month.Month}月各考核单位优化发展环境工作进行了督查考核，现将排名情况通报如下。对排名后进的{ranked.Count(r => r.IsLagging)}个单位予以通报批评，请相关单位认真分析原因，切实抓好整改。",
                IssueDate = month.IssueDate,
                ReportTo = "省发改委（省优化办），市委、市人大、市政府、市政协主要领导",
                DistributeTo = "市直相关单位、各乡镇（街道）、祁阳高新区",
                IssuedAt = TimeZoneInfo.ConvertTimeToUtc(month.IssueDate.ToDateTime(new TimeOnly(10, 0)), AppTime.Zone),
                IssuedBy = "专班办公室",
            }.WithCriticised(ranked.Where(r => r.IsLagging).OrderBy(r => r.GroupId).ThenBy(r => r.Rank).Select(r => r.UnitId)));
            await db.SaveChangesAsync(ct);
        }
        await StatementsAsync(db, data, ct);
    }

    /// <summary>表态发言 at the monthly and quarterly review meetings, by heads of units and by city leaders; a unit's speaker is its head.</summary>
    private static async Task StatementsAsync(AppDbContext db, YearFile data, CancellationToken ct)
    {
        var units = await db.Units.ToDictionaryAsync(u => u.Name, ct);
        var leaders = await db.Users.ToDictionaryAsync(u => u.UserName!, ct);
        foreach (var s in data.Statements)
        {
            var unit = s.Unit is null ? null : units[s.Unit];
            var leader = s.Leader is null ? null : leaders[s.Leader];
            db.Statements.Add(new Statement
            {
                HeldOn = s.HeldOn, Meeting = s.Meeting, Year = data.Year, Number = s.Number, UnitId = unit?.Id, LeaderId = leader?.Id,
                Speaker = unit is not null ? unit.HeadName ?? $"{unit.ShortName ?? unit.Name}主要负责人" : leader!.DisplayName, Summary = s.Summary,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task<LaggingRule> LaggingRuleAsync(AppDbContext db, CancellationToken ct)
    {
        var p = await db.Parameters.ToDictionaryAsync(x => x.Key, x => x.Value, ct);
        return p.GetValueOrDefault("evaluation.laggingMode") == "count"
            ? new LaggingRule(LaggingMode.Count, int.Parse(p.GetValueOrDefault("evaluation.laggingCount", "1")))
            : new LaggingRule(LaggingMode.Percent, int.Parse(p.GetValueOrDefault("evaluation.laggingPercent", "10")));
    }
}
