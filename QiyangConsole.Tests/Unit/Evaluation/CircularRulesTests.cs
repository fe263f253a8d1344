using System.Globalization;
using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Evaluation.Rules;

namespace QiyangConsole.Tests.Unit.Evaluation;

/// <summary>通报: when a draft may be saved, the fields it needs, who may be criticised, and 更正 after issue.</summary>
public sealed class CircularRulesTests
{
    [Theory]
    [InlineData(PeriodState.Open, "排名完成后才能起草通报")]
    [InlineData(PeriodState.Reviewed, "排名完成后才能起草通报")]
    [InlineData(PeriodState.Ranked, null)]
    [InlineData(PeriodState.Issued, "该月通报已签发，不能修改；如需修改评分请走更正流程")]
    public void Draft(PeriodState state, string? expected) => Assert.Equal(expected, CircularRules.DraftProblem(state));

    [Theory]
    [InlineData(null, 1, "通报标题不能为空")]
    [InlineData(" ", 1, "通报标题不能为空")]
    [InlineData("通报", null, "请填写正确的发文序号（正整数）")]
    [InlineData("通报", 0, "请填写正确的发文序号（正整数）")]
    [InlineData("通报", -3, "请填写正确的发文序号（正整数）")]
    [InlineData("通报", 1, null)]
    [InlineData("通报", 120, null)]
    public void Head(string? title, int? number, string? expected) => Assert.Equal(expected, CircularRules.HeadProblem(title, number));

    [Theory]
    [InlineData(null, "2024-06-01", "发文机关不能为空")]
    [InlineData("  ", "2024-06-01", "发文机关不能为空")]
    [InlineData("专班", null, "请填写成文日期")]
    [InlineData("专班", "2024-06-01", null)]
    public void Issuer(string? issuer, string? issueDate, string? expected) =>
        Assert.Equal(expected, CircularRules.IssuerProblem(issuer, issueDate is null ? null : DateOnly.ParseExact(issueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("", "1,2,3", null)]
    [InlineData("1,3", "1,2,3", null)]
    [InlineData("1,3", "", "通报批评的单位须为本月参加排名的单位")]
    [InlineData("4", "1,2,3", "通报批评的单位须为本月参加排名的单位")]
    [InlineData("1,4", "1,2,3", "通报批评的单位须为本月参加排名的单位")]
    public void Criticised(string criticised, string ranked, string? expected) =>
        Assert.Equal(expected, CircularRules.CriticisedProblem(Ids(criticised), Ids(ranked)));

    private static List<int> Ids(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();

    [Theory]
    [InlineData(null, "更正须填写原因")]
    [InlineData(" ", "更正须填写原因")]
    [InlineData("录入错误", null)]
    public void Amend_reason(string? reason, string? expected) => Assert.Equal(expected, CircularRules.AmendReasonProblem(reason));

    [Theory]
    [InlineData(PeriodState.Open, "未通报的月份请直接修改评分表")]
    [InlineData(PeriodState.Reviewed, "未通报的月份请直接修改评分表")]
    [InlineData(PeriodState.Ranked, "未通报的月份请直接修改评分表")]
    [InlineData(PeriodState.Issued, null)]
    public void Amend_state(PeriodState state, string? expected) => Assert.Equal(expected, CircularRules.AmendStateProblem(state));

    [Theory]
    [InlineData("10", "10", "更正后的分值与原分值相同")]
    [InlineData("10", "10.00", "更正后的分值与原分值相同")]
    [InlineData("10", "9.99", null)]
    [InlineData("0", "0.01", null)]
    public void Amend_change(string oldPoints, string newPoints, string? expected) =>
        Assert.Equal(expected, CircularRules.AmendChangeProblem(decimal.Parse(oldPoints, CultureInfo.InvariantCulture), decimal.Parse(newPoints, CultureInfo.InvariantCulture)));
}
