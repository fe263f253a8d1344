using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Evaluation.Rules;
using OrgUnit = QiyangConsole.Features.Administration.Unit;

namespace QiyangConsole.Tests.Data.BadInput;

/// <summary>Schemes, months, findings, score sheets, circulars, amendments and quarter reviews, tried with the bad-value corpus.</summary>
public sealed class EvaluationBadInputTests(DemoDb demo) : BadInputTests(demo)
{
    private const int DraftYear = 2024;

    private EvaluationService Evaluation => Get<EvaluationService>();
    private FindingService Findings => Get<FindingService>();
    private ScoreService Scores => Get<ScoreService>();
    private CircularService Circulars => Get<CircularService>();
    private QuarterService Quarters => Get<QuarterService>();

    /// <summary>An open month of 2023 (May, created when the demo has none open).</summary>
    private async Task<EvaluationPeriod> OpenPeriodAsync()
    {
        var open = await Query(ctx => ctx.EvaluationPeriods.AsNoTracking().Where(p => p.Year == 2023 && p.State == PeriodState.Open).OrderBy(p => p.Month).FirstOrDefaultAsync());
        if (open is not null) return open;
        var taken = await Query(ctx => ctx.EvaluationPeriods.Where(p => p.Year == 2023).Select(p => p.Month).ToListAsync());
        var id = await Evaluation.CreatePeriodAsync(2023, Enumerable.Range(1, 12).First(m => !taken.Contains(m)));
        return await Query(ctx => ctx.EvaluationPeriods.AsNoTracking().SingleAsync(p => p.Id == id));
    }

    /// <summary>The latest issued month, sent back to 已排名 for the circular's tests (its rankings and circular stay).</summary>
    private async Task<(EvaluationPeriod Period, Circular Circular)> RankedPeriodAsync()
    {
        await using var ctx = Db.CreateDbContext();
        var period = await ctx.EvaluationPeriods.Where(p => p.State == PeriodState.Ranked).FirstOrDefaultAsync()
            ?? await ctx.EvaluationPeriods.Where(p => p.State == PeriodState.Issued).OrderByDescending(p => p.Year).ThenByDescending(p => p.Month).FirstAsync();
        if (period.State != PeriodState.Ranked)
        {
            period.State = PeriodState.Ranked;
            await ctx.SaveChangesAsync();
        }
        var circular = await ctx.Circulars.AsNoTracking().Include(c => c.CriticisedUnits).SingleAsync(c => c.PeriodId == period.Id);
        return (period, circular);
    }

    private Task<EvaluationPeriod> IssuedPeriodAsync() =>
        Query(ctx => ctx.EvaluationPeriods.AsNoTracking().Where(p => p.State == PeriodState.Issued).OrderBy(p => p.Month).FirstAsync());

    private Task<Indicator> IndicatorAsync(int schemeId, ScoreSource source) =>
        Query(ctx => ctx.Indicators.AsNoTracking().Where(i => i.SchemeId == schemeId && i.Source == source && i.Kind == IndicatorKind.Base).OrderBy(i => i.Id).FirstAsync());

    private Task<OrgUnit> EvaluatedUnitAsync() => Query(ctx => ctx.Units.AsNoTracking().Where(u => u.GroupId != null && u.IsActive).OrderBy(u => u.Id).FirstAsync());

    /// <summary>The 2024 scheme (copied from 2023 when first asked for): no month of it is reviewed, so its indicators may change.</summary>
    private async Task<int> DraftSchemeAsync()
    {
        if (await Query(ctx => ctx.IndicatorSchemes.AnyAsync(s => s.Year == DraftYear)) is false) await Evaluation.CreateSchemeAsync(DraftYear);
        return await Query(ctx => ctx.IndicatorSchemes.Where(s => s.Year == DraftYear).Select(s => s.Id).SingleAsync());
    }

    private async Task IndicatorRefused(Action<Indicator> change, params string[] names)
    {
        await DraftSchemeAsync();
        var edit = new Indicator { Name = "新增加分项", Kind = IndicatorKind.Bonus, Source = ScoreSource.Entered, MaxPoints = 5, SortOrder = 99 };
        change(edit);
        await Refused(() => Evaluation.SaveIndicatorAsync(DraftYear, edit), names);
    }

    private async Task InspectionRefused(Func<EvaluationPeriod, DateOnly?> date, string? title, string? inspectors, params string[] names)
    {
        var period = await OpenPeriodAsync();
        await Refused(() => Findings.AddInspectionAsync(period.Id, date(period), title, inspectors), names);
    }

    private async Task FindingRefused(Func<FindingInput, Indicator, Indicator, FindingInput> change, params string[] names)
    {
        var period = await OpenPeriodAsync();
        var inspection = await Findings.AddInspectionAsync(period.Id, new DateOnly(period.Year, period.Month, 3), "专项督查", "专班督查组");
        var unit = await EvaluatedUnitAsync();
        var fromFindings = await IndicatorAsync(period.SchemeId, ScoreSource.Findings);
        var entered = await IndicatorAsync(period.SchemeId, ScoreSource.Entered);
        var input = change(new FindingInput { InspectionId = inspection, UnitId = unit.Id, Description = "未按时答复企业诉求", IndicatorId = fromFindings.Id, Deduction = 0.5m, Evidence = "督查记录" }, fromFindings, entered);
        await Refused(() => Findings.AddFindingAsync(input), names);
    }

    private async Task ScoreRefused(Func<OrgUnit, Indicator, IReadOnlyCollection<ScoreInput>> inputs, params string[] names)
    {
        var period = await OpenPeriodAsync();
        var unit = await EvaluatedUnitAsync();
        var indicator = await IndicatorAsync(period.SchemeId, ScoreSource.Entered);
        await Refused(() => Scores.SaveAsync(period.Id, inputs(unit, indicator)), names);
    }

    private async Task CircularRefused(Action<Circular> change, params string[] names)
    {
        var (period, stored) = await RankedPeriodAsync();
        var edit = new Circular
        {
            PeriodId = period.Id, Year = period.Year, Number = stored.Number, Title = stored.Title, Summary = stored.Summary, Issuer = stored.Issuer, IssueDate = stored.IssueDate,
            ReportTo = stored.ReportTo, DistributeTo = stored.DistributeTo, CopyTo = stored.CopyTo, PrintedBy = stored.PrintedBy, Version = stored.Version,
        }.WithCriticised(stored.CriticisedUnitIds());
        change(edit);
        await Refused(() => Circulars.SaveDraftAsync(edit), names);
    }

    private async Task AmendRefused(Func<OrgUnit, decimal> points, string? reason, params string[] names)
    {
        var period = await IssuedPeriodAsync();
        var ranked = await Query(ctx => ctx.Rankings.Where(r => r.PeriodId == period.Id).Select(r => r.Unit!).AsNoTracking().FirstAsync());
        var indicator = await IndicatorAsync(period.SchemeId, ScoreSource.Entered);
        await Refused(() => Circulars.AmendAsync(period.Id, ranked.Id, indicator.Id, points(ranked), reason), names);
    }

    private async Task<QuarterRow> QuarterRowAsync(string? comment = "本季度表现良好", bool statement = false, string? by = null)
    {
        var unit = await EvaluatedUnitAsync();
        var version = await Query(ctx => ctx.QuarterReviews.Where(q => q.Year == 2023 && q.Quarter == 1 && q.UnitId == unit.Id).Select(q => (int?)q.Version).FirstOrDefaultAsync());
        return new QuarterRow
        {
            UnitId = unit.Id, UnitName = unit.Name, GroupName = "", Result = new QuarterResult(unit.Id, unit.GroupId!.Value, 3, 0, 0, 1, 0, false),
            Comment = comment, MustMakeStatement = statement, StatementBy = by, Version = version ?? 0,
        };
    }

    private async Task QuarterRefused(int year, int quarter, Func<EvaluationBadInputTests, Task<QuarterRow>> row, params string[] names)
    {
        var r = await row(this);
        await Refused(() => Quarters.SaveAsync(year, quarter, r), names);
    }

    public static readonly Cases<EvaluationBadInputTests> Bad = new Cases<EvaluationBadInputTests>
    {
        ["month: 0"] = t => t.Refused(() => t.Evaluation.CreatePeriodAsync(2023, 0), "月份"),
        ["month: 13"] = t => t.Refused(() => t.Evaluation.CreatePeriodAsync(2023, 13), "月份"),
        ["month: year 1999"] = t => t.Refused(() => t.Evaluation.CreatePeriodAsync(1999, 1), "年份"),
        ["month: year 99999"] = t => t.Refused(() => t.Evaluation.CreatePeriodAsync(99_999, 1), "年份"),
        ["month: twice"] = async t => { var p = await t.IssuedPeriodAsync(); await t.Refused(() => t.Evaluation.CreatePeriodAsync(p.Year, p.Month), $"{p.Month}月", "已存在"); },
        ["scheme: year 1999"] = t => t.Refused(() => t.Evaluation.CreateSchemeAsync(1999), "年份"),
        ["scheme: year -1"] = t => t.Refused(() => t.Evaluation.CreateSchemeAsync(-1), "年份"),
        ["scheme: year 99999"] = t => t.Refused(() => t.Evaluation.CreateSchemeAsync(99_999), "年份"),
        ["scheme: twice"] = t => t.Refused(() => t.Evaluation.CreateSchemeAsync(2023), "2023", "已存在"),
        ["indicator: name too long"] = t => t.IndicatorRefused(i => i.Name = Corpus.TooLong(100), "指标名称", "100"),
        ["indicator: name taken"] = async t =>
        {
            var scheme = await t.DraftSchemeAsync();
            var taken = await t.Query(ctx => ctx.Indicators.Where(i => i.SchemeId == scheme).Select(i => i.Name).FirstAsync());
            await t.IndicatorRefused(i => i.Name = taken, "指标", "已存在");
        },
        ["indicator: cap 0"] = t => t.IndicatorRefused(i => i.MaxPoints = 0, "分值上限"),
        ["indicator: cap negative"] = t => t.IndicatorRefused(i => i.MaxPoints = -5, "分值上限"),
        ["indicator: cap 101"] = t => t.IndicatorRefused(i => i.MaxPoints = 101, "分值上限"),
        ["indicator: cap with three decimals"] = t => t.IndicatorRefused(i => i.MaxPoints = 2.005m, "分值上限", "两位小数"),
        ["indicator: unknown kind"] = t => t.IndicatorRefused(i => i.Kind = (IndicatorKind)7, "指标类型"),
        ["indicator: unknown source"] = t => t.IndicatorRefused(i => i.Source = (ScoreSource)7, "计分方式"),
        ["indicator: bonus from findings"] = t => t.IndicatorRefused(i => i.Source = ScoreSource.Findings, "加分项"),
        ["indicator: base over 100"] = t => t.IndicatorRefused(i => { i.Kind = IndicatorKind.Base; i.MaxPoints = 100; }, "基础指标", "100"),
        ["indicator: year without scheme"] = t => t.Refused(() => t.Evaluation.SaveIndicatorAsync(2031, new Indicator { Name = "新指标", MaxPoints = 5, Kind = IndicatorKind.Bonus }), "2031", "考核方案"),
        ["indicator: year locked"] = t => t.Refused(() => t.Evaluation.SaveIndicatorAsync(2023, new Indicator { Name = "新指标", MaxPoints = 5, Kind = IndicatorKind.Bonus }), "2023", "不能再修改"),
        ["inspection: title too long"] = t => t.InspectionRefused(p => new DateOnly(p.Year, p.Month, 2), Corpus.TooLong(200), null, "督查事项", "200"),
        ["inspection: no date"] = t => t.InspectionRefused(_ => null, "专项督查", null, "督查日期"),
        ["inspection: date in another month"] = t => t.InspectionRefused(p => new DateOnly(p.Year, p.Month, 1).AddDays(-1), "专项督查", null, "督查日期"),
        ["inspection: inspectors too long"] = t => t.InspectionRefused(p => new DateOnly(p.Year, p.Month, 2), "专项督查", Corpus.TooLong(100), "督查人员", "100"),
        ["inspection: month issued"] = async t => { var p = await t.IssuedPeriodAsync(); await t.Refused(() => t.Findings.AddInspectionAsync(p.Id, new DateOnly(p.Year, p.Month, 2), "专项督查", null), "不能再登记"); },
        ["finding: no unit"] = t => t.FindingRefused((f, _, _) => { f.UnitId = null; return f; }, "考核单位"),
        ["finding: unit missing"] = t => t.FindingRefused((f, _, _) => { f.UnitId = 999_999; return f; }, "考核单位"),
        ["finding: description too long"] = t => t.FindingRefused((f, _, _) => { f.Description = Corpus.TooLong(500); return f; }, "发现问题", "500"),
        ["finding: evidence too long"] = t => t.FindingRefused((f, _, _) => { f.Evidence = Corpus.TooLong(500); return f; }, "佐证", "500"),
        ["finding: negative deduction"] = t => t.FindingRefused((f, _, _) => { f.Deduction = -1; return f; }, "扣分"),
        ["finding: deduction over the cap"] = t => t.FindingRefused((f, i, _) => { f.Deduction = i.MaxPoints + 1; return f; }, "扣分"),
        ["finding: deduction with three decimals"] = t => t.FindingRefused((f, _, _) => { f.Deduction = 0.125m; return f; }, "扣分", "两位小数"),
        ["finding: deduction without indicator"] = t => t.FindingRefused((f, _, _) => { f.IndicatorId = null; return f; }, "扣分指标"),
        ["finding: deduction on an entered indicator"] = t => t.FindingRefused((f, _, e) => { f.IndicatorId = e.Id; return f; }, "督查发现"),
        ["finding: inspection missing"] = t => t.FindingRefused((f, _, _) => { f.InspectionId = 999_999; return f; }, "督查记录不存在"),
        ["score: negative"] = t => t.ScoreRefused((u, i) => [new(u.Id, i.Id, -1, 0)], "分值", "0 至"),
        ["score: over the cap"] = t => t.ScoreRefused((u, i) => [new(u.Id, i.Id, i.MaxPoints + 0.01m, 0)], "分值", "0 至"),
        ["score: huge"] = t => t.ScoreRefused((u, i) => [new(u.Id, i.Id, decimal.MaxValue, 0)], "分值"),
        ["score: three decimals"] = t => t.ScoreRefused((u, i) => [new(u.Id, i.Id, 1.005m, 0)], "分值", "两位小数"),
        ["score: twice in one save"] = t => t.ScoreRefused((u, i) => [new(u.Id, i.Id, 1, 0), new(u.Id, i.Id, 2, 0)], "多次"),
        ["score: unit not evaluated"] = t => t.ScoreRefused((_, i) => [new(999_999, i.Id, 1, 0)], "单位", "不参加考核"),
        ["score: indicator of another scheme"] = t => t.ScoreRefused((u, _) => [new(u.Id, 999_999, 1, 0)], "指标"),
        ["score: indicator from findings"] = async t =>
        {
            var period = await t.OpenPeriodAsync();
            var derived = await t.IndicatorAsync(period.SchemeId, ScoreSource.Findings);
            await t.ScoreRefused((u, _) => [new(u.Id, derived.Id, 1, 0)], derived.Name, "自动计算");
        },
        ["score: month issued"] = async t => { var p = await t.IssuedPeriodAsync(); await t.Refused(() => t.Scores.SaveAsync(p.Id, []), "锁定"); },
        ["circular: title too long"] = t => t.CircularRefused(c => c.Title = Corpus.TooLong(200), "通报标题", "200"),
        ["circular: no number"] = t => t.CircularRefused(c => c.Number = null, "发文序号"),
        ["circular: number 0"] = t => t.CircularRefused(c => c.Number = 0, "发文序号"),
        ["circular: number negative"] = t => t.CircularRefused(c => c.Number = -3, "发文序号"),
        ["circular: number taken"] = async t =>
        {
            var (period, _) = await t.RankedPeriodAsync();
            var taken = await t.Query(ctx => ctx.Circulars.Where(c => c.Year == period.Year && c.PeriodId != period.Id && c.Number != null).Select(c => c.Number!.Value).FirstAsync());
            await t.CircularRefused(c => c.Number = taken, "发文字号", "已被使用");
        },
        ["circular: no issue date"] = t => t.CircularRefused(c => c.IssueDate = null, "成文日期"),
        ["circular: summary too long"] = t => t.CircularRefused(c => c.Summary = Corpus.TooLong(2000), "正文摘要", "2000"),
        ["circular: issuer too long"] = t => t.CircularRefused(c => c.Issuer = Corpus.TooLong(100), "发文机关", "100"),
        ["circular: report-to too long"] = t => t.CircularRefused(c => c.ReportTo = Corpus.TooLong(500), "报", "500"),
        ["circular: distribute-to too long"] = t => t.CircularRefused(c => c.DistributeTo = Corpus.TooLong(500), "发", "500"),
        ["circular: copy-to too long"] = t => t.CircularRefused(c => c.CopyTo = Corpus.TooLong(500), "抄送", "500"),
        ["circular: printed-by too long"] = t => t.CircularRefused(c => c.PrintedBy = Corpus.TooLong(100), "印发机关", "100"),
        ["circular: criticised unit not ranked"] = t => t.CircularRefused(c => c.Criticise([999_999]), "通报批评"),
        ["amendment: reason too long"] = t => t.AmendRefused(_ => 1, Corpus.TooLong(500), "更正原因", "500"),
        ["amendment: points negative"] = t => t.AmendRefused(_ => -1, "录入有误", "分值"),
        ["amendment: points three decimals"] = t => t.AmendRefused(_ => 1.005m, "录入有误", "分值", "两位小数"),
        ["amendment: month not issued"] = async t =>
        {
            var period = await t.OpenPeriodAsync();
            var unit = await t.EvaluatedUnitAsync();
            var indicator = await t.IndicatorAsync(period.SchemeId, ScoreSource.Entered);
            await t.Refused(() => t.Circulars.AmendAsync(period.Id, unit.Id, indicator.Id, 1, "录入有误"), "未通报");
        },
        ["quarter: 0"] = t => t.QuarterRefused(2023, 0, t => t.QuarterRowAsync(), "季度"),
        ["quarter: 5"] = t => t.QuarterRefused(2023, 5, t => t.QuarterRowAsync(), "季度"),
        ["quarter: year 1999"] = t => t.QuarterRefused(1999, 1, t => t.QuarterRowAsync(), "年份"),
        ["quarter: comment too long"] = t => t.QuarterRefused(2023, 1, t => t.QuarterRowAsync(Corpus.TooLong(500)), "点评", "500"),
        ["quarter: statement by nobody"] = t => t.QuarterRefused(2023, 1, t => t.QuarterRowAsync(statement: true, by: " "), "表态发言人"),
        ["quarter: statement by too long"] = t => t.QuarterRefused(2023, 1, t => t.QuarterRowAsync(statement: true, by: Corpus.TooLong(50)), "表态发言人", "50"),
        ["quarter: unit missing"] = t => t.Refused(() => t.Quarters.SaveAsync(2023, 1, new QuarterRow { UnitId = 999_999, UnitName = "不存在", GroupName = "", Result = new QuarterResult(999_999, 1, 3, 0, 0, 1, 0, false) }), "单位"),
    }
    .Each("indicator: blank name", Corpus.Blank, (t, v) => t.IndicatorRefused(i => i.Name = v!, "指标名称"))
    .Each("inspection: blank title", Corpus.Blank, (t, v) => t.InspectionRefused(p => new DateOnly(p.Year, p.Month, 2), v, null, "督查事项"))
    .Each("finding: blank description", Corpus.Blank, (t, v) => t.FindingRefused((f, _, _) => { f.Description = v!; return f; }, "发现问题"))
    .Each("circular: blank title", Corpus.Blank, (t, v) => t.CircularRefused(c => c.Title = v!, "通报标题"))
    .Each("circular: blank issuer", Corpus.Blank, (t, v) => t.CircularRefused(c => c.Issuer = v!, "发文机关"))
    .Each("circular: blank printed-by", Corpus.Blank, (t, v) => t.CircularRefused(c => c.PrintedBy = v!, "印发机关"))
    .Each("amendment: blank reason", Corpus.Blank, (t, v) => t.AmendRefused(_ => 1, v, "更正"));

    public static TheoryData<string> BadNames => Bad.Names;

    [Theory, MemberData(nameof(BadNames))]
    public async Task Refused_naming_the_field_with_nothing_saved(string name)
    {
        Db.SignIn("office", AppRoles.Office);
        await Bad[name](this);
    }

    private static string Cut(string v, int max) => Infrastructure.TextLimit.Cut(v, max);

    public static readonly Cases<EvaluationBadInputTests> Good = new Cases<EvaluationBadInputTests>
    {
        ["indicator name of 100 characters outside the basic plane"] = async t =>
        {
            var scheme = await t.DraftSchemeAsync();
            await t.Kept(Corpus.Supplementary(100), v => t.Evaluation.SaveIndicatorAsync(DraftYear, new Indicator { Name = v, Kind = IndicatorKind.Deduction, MaxPoints = 1 }),
                (ctx, v) => ctx.Indicators.AnyAsync(i => i.SchemeId == scheme && i.Name == v));
        },
    }
    .Each("indicator name", Corpus.Odd, async (t, v) =>
    {
        var scheme = await t.DraftSchemeAsync();
        await t.Kept(v, v => t.Evaluation.SaveIndicatorAsync(DraftYear, new Indicator { Name = v, Kind = IndicatorKind.Deduction, MaxPoints = 1 }), (ctx, v) => ctx.Indicators.AnyAsync(i => i.SchemeId == scheme && i.Name == v));
    })
    .Each("inspection and finding", Corpus.Odd, async (t, v) =>
    {
        var period = await t.OpenPeriodAsync();
        var unit = await t.EvaluatedUnitAsync();
        await t.Kept(v, async v =>
        {
            var inspection = await t.Findings.AddInspectionAsync(period.Id, new DateOnly(period.Year, period.Month, 4), v, Cut(v, 100));
            await t.Findings.AddFindingAsync(new FindingInput { InspectionId = inspection, UnitId = unit.Id, Description = v, Evidence = v });
        }, (ctx, v) => ctx.Findings.AnyAsync(f => f.Description == v && f.Evidence == v && f.Inspection!.Title == v && f.Inspection.Inspectors == Cut(v, 100)));
    })
    .Each("circular", Corpus.Odd, async (t, v) =>
    {
        var (period, stored) = await t.RankedPeriodAsync();
        var edit = new Circular
        {
            PeriodId = period.Id, Year = period.Year, Number = stored.Number, Title = v, Summary = v, Issuer = v, IssueDate = stored.IssueDate,
            ReportTo = v, DistributeTo = v, CopyTo = v, PrintedBy = v, Version = stored.Version,
        }.WithCriticised(stored.CriticisedUnitIds());
        await t.Kept(v, _ => t.Circulars.SaveDraftAsync(edit), (ctx, v) => ctx.Circulars.AnyAsync(c => c.PeriodId == period.Id && c.Title == v && c.Summary == v && c.Issuer == v
            && c.ReportTo == v && c.DistributeTo == v && c.CopyTo == v && c.PrintedBy == v));
    })
    .Each("quarter review", Corpus.Odd, async (t, v) =>
    {
        var row = await t.QuarterRowAsync(v, statement: true, by: Cut(v, 50));
        await t.Kept(v, _ => t.Quarters.SaveAsync(2023, 1, row), (ctx, v) => ctx.QuarterReviews.AnyAsync(q => q.UnitId == row.UnitId && q.Comment == v && q.StatementBy == Cut(v, 50)));
    });

    public static TheoryData<string> GoodNames => Good.Names;

    [Theory, MemberData(nameof(GoodNames))]
    public async Task Odd_text_is_kept_as_typed(string name)
    {
        Db.SignIn("office", AppRoles.Office);
        await Good[name](this);
    }
}
