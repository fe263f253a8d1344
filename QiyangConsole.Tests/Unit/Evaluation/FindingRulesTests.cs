using System.Globalization;
using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Evaluation.Rules;

namespace QiyangConsole.Tests.Unit.Evaluation;

/// <summary>督查: only in an open month; inspections within the month; findings and their deductions within the indicator's cap.</summary>
public sealed class FindingRulesTests
{
    [Theory]
    [InlineData(PeriodState.Open, null)]
    [InlineData(PeriodState.Reviewed, "2024年6月已审核，不能再登记督查发现")]
    [InlineData(PeriodState.Ranked, "2024年6月已排名，不能再登记督查发现")]
    [InlineData(PeriodState.Issued, "2024年6月已通报，不能再登记督查发现")]
    public void Open_period(PeriodState state, string? expected) => Assert.Equal(expected, FindingRules.OpenPeriodProblem(2024, 6, state));

    [Theory]
    [InlineData(null, "2024-06-10", "督查事项不能为空")]
    [InlineData(" ", "2024-06-10", "督查事项不能为空")]
    [InlineData("营商环境暗访", null, "请填写督查日期")]
    [InlineData("营商环境暗访", "2024-05-31", "督查日期应在2024年6月内")]
    [InlineData("营商环境暗访", "2024-06-01", null)]
    [InlineData("营商环境暗访", "2024-06-30", null)]
    [InlineData("营商环境暗访", "2024-07-01", "督查日期应在2024年6月内")]
    [InlineData("营商环境暗访", "2023-06-15", "督查日期应在2024年6月内")]
    public void Inspection(string? title, string? date, string? expected) =>
        Assert.Equal(expected, FindingRules.InspectionProblem(title, date is null ? null : DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), 2024, 6));

    [Theory]
    [InlineData(null, "0", "发现问题不能为空")]
    [InlineData("  ", "1", "发现问题不能为空")]
    [InlineData("窗口无人", "-0.5", "扣分不能为负数")]
    [InlineData("窗口无人", "0", null)]
    [InlineData("窗口无人", "2", null)]
    public void Finding(string? description, string deduction, string? expected) =>
        Assert.Equal(expected, FindingRules.FindingProblem(description, decimal.Parse(deduction, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(ScoreSource.Findings, "5", "5", null)]
    [InlineData(ScoreSource.Findings, "5", "0.5", null)]
    [InlineData(ScoreSource.Findings, "5", "5.01", "单项扣分不能超过“作风建设”的分值 5")]
    [InlineData(ScoreSource.Findings, "2.50", "3", "单项扣分不能超过“作风建设”的分值 2.5")]
    [InlineData(ScoreSource.Entered, "5", "1", "指标“作风建设”不是由督查发现计算的指标")]
    [InlineData(ScoreSource.Satisfaction, "5", "9", "指标“作风建设”不是由督查发现计算的指标")]
    public void Deduction(ScoreSource source, string maxPoints, string deduction, string? expected) =>
        Assert.Equal(expected, FindingRules.DeductionProblem(new IndicatorRule(1, "作风建设", IndicatorKind.Deduction, source, decimal.Parse(maxPoints, CultureInfo.InvariantCulture)),
            decimal.Parse(deduction, CultureInfo.InvariantCulture)));
}
