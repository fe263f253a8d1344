using System.Globalization;
using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Evaluation.Rules;

namespace QiyangConsole.Tests.Unit.Evaluation;

/// <summary>评分: entered values, points from findings, and the unit's total. Decimals are written as invariant text.</summary>
public sealed class ScoringTests
{
    // ---- Check --------------------------------------------------------------------------------

    [Theory]
    // in range, the bounds, two decimals (trailing zeros beyond are fine)
    [InlineData("市发改局", "营商环境满意度", "20", "15", null)]
    [InlineData("市发改局", "营商环境满意度", "20", "0", null)]
    [InlineData("市发改局", "营商环境满意度", "20", "20", null)]
    [InlineData("市发改局", "营商环境满意度", "20", "12.34", null)]
    [InlineData("市发改局", "营商环境满意度", "20", "12.340", null)]
    [InlineData("市发改局", "营商环境满意度", "20", "0.01", null)]
    // out of range, naming unit and indicator; the cap printed without needless zeros
    [InlineData("市发改局", "营商环境满意度", "20", "-0.01", "市发改局的“营商环境满意度”分值应在 0 至 20 之间")]
    [InlineData("市发改局", "营商环境满意度", "20", "-5", "市发改局的“营商环境满意度”分值应在 0 至 20 之间")]
    [InlineData("市发改局", "营商环境满意度", "20", "20.01", "市发改局的“营商环境满意度”分值应在 0 至 20 之间")]
    [InlineData("市商务局", "招商引资加分", "5", "6", "市商务局的“招商引资加分”分值应在 0 至 5 之间")]
    [InlineData("市商务局", "招商引资加分", "10.00", "10.5", "市商务局的“招商引资加分”分值应在 0 至 10 之间")]
    [InlineData("市商务局", "招商引资加分", "2.50", "3", "市商务局的“招商引资加分”分值应在 0 至 2.5 之间")]
    // out of range wins over too many decimals
    [InlineData("市发改局", "营商环境满意度", "20", "20.005", "市发改局的“营商环境满意度”分值应在 0 至 20 之间")]
    // three decimals
    [InlineData("市发改局", "营商环境满意度", "20", "12.345", "市发改局的“营商环境满意度”分值最多保留两位小数")]
    [InlineData("市住建局", "审批时效", "10", "0.001", "市住建局的“审批时效”分值最多保留两位小数")]
    public void Check(string unitName, string indicatorName, string max, string points, string? expected)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // the cap is formatted with the current culture
        try
        {
            var indicator = new IndicatorRule(1, indicatorName, IndicatorKind.Base, ScoreSource.Entered, D(max));
            Assert.Equal(expected, Scoring.Check(indicator, D(points), unitName));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    // ---- FromFindings -------------------------------------------------------------------------

    [Theory]
    // a base indicator: max − deductions, not below 0
    [InlineData(IndicatorKind.Base, "10", "0", "10")]
    [InlineData(IndicatorKind.Base, "10", "3.5", "6.5")]
    [InlineData(IndicatorKind.Base, "10", "10", "0")]
    [InlineData(IndicatorKind.Base, "10", "12", "0")]
    [InlineData(IndicatorKind.Base, "20", "0.25", "19.75")]
    // a deduction item: the deductions, not above max
    [InlineData(IndicatorKind.Deduction, "5", "0", "0")]
    [InlineData(IndicatorKind.Deduction, "5", "2.5", "2.5")]
    [InlineData(IndicatorKind.Deduction, "5", "5", "5")]
    [InlineData(IndicatorKind.Deduction, "5", "8", "5")]
    public void FromFindings(IndicatorKind kind, string max, string deductionsFound, string expected)
    {
        var indicator = new IndicatorRule(1, "督查发现", kind, ScoreSource.Findings, D(max));
        Assert.Equal(D(expected), Scoring.FromFindings(indicator, D(deductionsFound)));
    }

    // ---- Sum ----------------------------------------------------------------------------------

    [Theory]
    // items "kind:max:points", kind B = base, + = bonus, - = deduction
    [InlineData("B:20:18,B:30:25.5,+:5:2,-:10:3", "43.5", "2", "3", "42.5")]
    [InlineData("B:40:39.25,B:60:58.75,+:5:0.5,-:20:1.25", "98", "0.5", "1.25", "97.25")]
    // each item clamped to 0..its cap
    [InlineData("B:20:25,B:30:-5,+:5:7,-:10:12", "20", "5", "10", "15")]
    [InlineData("+:3:1.5,+:2:2", "0", "3.5", "0", "3.5")]
    // deductions beyond the points: a negative total
    [InlineData("B:10:2,-:10:8,-:5:5", "2", "0", "13", "-11")]
    [InlineData("B:10:0,-:10:15", "0", "0", "10", "-10")]
    // nothing scored
    [InlineData("", "0", "0", "0", "0")]
    public void Sum(string items, string expectedBase, string expectedBonus, string expectedDeductions, string expectedTotal)
    {
        var scores = items.Split(',', StringSplitOptions.RemoveEmptyEntries).Select((item, i) =>
        {
            var parts = item.Split(':');
            var kind = parts[0] switch { "B" => IndicatorKind.Base, "+" => IndicatorKind.Bonus, _ => IndicatorKind.Deduction };
            return (new IndicatorRule(i + 1, $"指标{i + 1}", kind, ScoreSource.Entered, D(parts[1])), D(parts[2]));
        }).ToList();

        var sum = Scoring.Sum(scores);

        Assert.Equal(D(expectedBase), sum.IndicatorPoints);
        Assert.Equal(D(expectedBonus), sum.Bonus);
        Assert.Equal(D(expectedDeductions), sum.Deductions);
        Assert.Equal(D(expectedTotal), sum.Total);
    }

    [Theory]
    [InlineData("80", "5", "3", "82")]
    [InlineData("80", "0", "90", "-10")]
    [InlineData("0", "0", "0", "0")]
    public void Total_is_points_plus_bonus_minus_deductions(string points, string bonus, string deductions, string expected) =>
        Assert.Equal(D(expected), new UnitPoints(D(points), D(bonus), D(deductions)).Total);

    private static decimal D(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
