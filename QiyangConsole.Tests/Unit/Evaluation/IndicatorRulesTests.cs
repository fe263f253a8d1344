using System.Globalization;
using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Evaluation.Rules;

namespace QiyangConsole.Tests.Unit.Evaluation;

/// <summary>考核方案: months 1–12, the manual period actions, an indicator's name, cap and source, and the base total of 100.</summary>
public sealed class IndicatorRulesTests
{
    [Theory]
    [InlineData(0, "月份应在 1 至 12 之间")]
    [InlineData(1, null)]
    [InlineData(12, null)]
    [InlineData(13, "月份应在 1 至 12 之间")]
    [InlineData(-1, "月份应在 1 至 12 之间")]
    public void Month(int month, string? expected) => Assert.Equal(expected, IndicatorRules.MonthProblem(month));

    [Theory]
    [InlineData(PeriodAction.Review, null)]
    [InlineData(PeriodAction.Reopen, null)]
    [InlineData(PeriodAction.Rank, "该操作由排名任务或签发通报完成")]
    [InlineData(PeriodAction.Issue, "该操作由排名任务或签发通报完成")]
    public void Manual_action(PeriodAction action, string? expected) => Assert.Equal(expected, IndicatorRules.ManualActionProblem(action));

    [Theory]
    [InlineData(ScoreSource.Entered, "人工录入")]
    [InlineData(ScoreSource.WorkItemSettlement, "重点工作结账点评")]
    [InlineData(ScoreSource.Satisfaction, "回访满意度")]
    [InlineData(ScoreSource.Findings, "督查发现扣分")]
    public void Source_name(ScoreSource source, string name) => Assert.Equal(name, source.Name());

    [Theory]
    // the name is required (trimmed) and named in the messages
    [InlineData(null, "10", IndicatorKind.Base, ScoreSource.Entered, "指标名称不能为空")]
    [InlineData("  ", "10", IndicatorKind.Base, ScoreSource.Entered, "指标名称不能为空")]
    // the cap: above 0, at most 100
    [InlineData(" 政务服务 ", "0", IndicatorKind.Base, ScoreSource.Entered, "“政务服务”的分值上限应大于 0 且不超过 100")]
    [InlineData("政务服务", "-1", IndicatorKind.Base, ScoreSource.Entered, "“政务服务”的分值上限应大于 0 且不超过 100")]
    [InlineData("政务服务", "0.01", IndicatorKind.Base, ScoreSource.Entered, null)]
    [InlineData("政务服务", "100", IndicatorKind.Base, ScoreSource.Entered, null)]
    [InlineData("政务服务", "100.01", IndicatorKind.Base, ScoreSource.Entered, "“政务服务”的分值上限应大于 0 且不超过 100")]
    // findings feed base and deduction items, not bonuses
    [InlineData("督查问题", "10", IndicatorKind.Base, ScoreSource.Findings, null)]
    [InlineData("督查问题", "10", IndicatorKind.Deduction, ScoreSource.Findings, null)]
    [InlineData("督查问题", "10", IndicatorKind.Bonus, ScoreSource.Findings, "“督查问题”是加分项，不能由督查发现扣分计算")]
    // settlement and satisfaction feed base indicators only
    [InlineData("重点工作", "10", IndicatorKind.Base, ScoreSource.WorkItemSettlement, null)]
    [InlineData("重点工作", "10", IndicatorKind.Bonus, ScoreSource.WorkItemSettlement, "“重点工作”：重点工作结账点评只能用于基础指标")]
    [InlineData("重点工作", "10", IndicatorKind.Deduction, ScoreSource.WorkItemSettlement, "“重点工作”：重点工作结账点评只能用于基础指标")]
    [InlineData("满意度", "10", IndicatorKind.Base, ScoreSource.Satisfaction, null)]
    [InlineData("满意度", "10", IndicatorKind.Bonus, ScoreSource.Satisfaction, "“满意度”：回访满意度只能用于基础指标")]
    // entered points fit any kind
    [InlineData("招商加分", "5", IndicatorKind.Bonus, ScoreSource.Entered, null)]
    [InlineData("安全扣分", "5", IndicatorKind.Deduction, ScoreSource.Entered, null)]
    public void Indicator(string? name, string maxPoints, IndicatorKind kind, ScoreSource source, string? expected) =>
        Assert.Equal(expected, IndicatorRules.Problem(name, decimal.Parse(maxPoints, CultureInfo.InvariantCulture), kind, source));

    [Theory]
    [InlineData(IndicatorKind.Base, "20", "80", null)]
    [InlineData(IndicatorKind.Base, "20", "80.01", "基础指标分值合计不能超过 100 分（当前其余指标合计 80.01 分）")]
    [InlineData(IndicatorKind.Base, "20.5", "80", "基础指标分值合计不能超过 100 分（当前其余指标合计 80 分）")]
    [InlineData(IndicatorKind.Base, "100", "0", null)]
    [InlineData(IndicatorKind.Bonus, "20", "95", null)]
    [InlineData(IndicatorKind.Deduction, "20", "100", null)]
    public void Base_total(IndicatorKind kind, string maxPoints, string otherBase, string? expected) =>
        Assert.Equal(expected, IndicatorRules.BaseTotalProblem(kind, decimal.Parse(maxPoints, CultureInfo.InvariantCulture), decimal.Parse(otherBase, CultureInfo.InvariantCulture)));
}
