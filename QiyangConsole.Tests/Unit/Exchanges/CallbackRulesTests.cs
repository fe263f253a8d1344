using System.Globalization;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Features.Exchanges;
using QiyangConsole.Features.Exchanges.Rules;

namespace QiyangConsole.Tests.Unit.Exchanges;

/// <summary>回访: the record's fields, what may be called back about, and 差评整改.</summary>
public sealed class CallbackRulesTests
{
    [Theory]
    [InlineData("张经理", Rating.Satisfied, "2024-06-15", null, null)]
    // who was called
    [InlineData(null, Rating.Satisfied, "2024-06-15", null, "请填写回访对象")]
    [InlineData("  ", Rating.Satisfied, "2024-06-15", null, "请填写回访对象")]
    // the rating: given and one of the five
    [InlineData("张经理", null, "2024-06-15", null, "请选择评价等级")]
    [InlineData("张经理", (Rating)0, "2024-06-15", null, "请选择评价等级")]
    [InlineData("张经理", (Rating)6, "2024-06-15", null, "请选择评价等级")]
    // the date: given, today at the latest
    [InlineData("张经理", Rating.Satisfied, null, null, "请填写回访日期")]
    [InlineData("张经理", Rating.Satisfied, "2024-06-16", null, "回访日期不能晚于今天")]
    [InlineData("张经理", Rating.Satisfied, "2023-01-01", null, null)]
    // a bad rating needs a reason; 基本满意 does not
    [InlineData("张经理", Rating.Basic, "2024-06-15", null, null)]
    [InlineData("张经理", Rating.Dissatisfied, "2024-06-15", null, "“不满意”须填写差评原因")]
    [InlineData("张经理", Rating.VeryDissatisfied, "2024-06-15", " ", "“非常不满意”须填写差评原因")]
    [InlineData("张经理", Rating.VeryDissatisfied, "2024-06-15", "办理拖延", null)]
    public void Record(string? person, Rating? rating, string? calledOn, string? badReason, string? expected) =>
        Assert.Equal(expected, CallbackRules.Problem(person, rating, calledOn is null ? null : DateOnly.ParseExact(calledOn, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            badReason, new DateOnly(2024, 6, 15)));

    [Theory]
    [InlineData(RectificationState.Open, "整改完成后才能再次评价")]
    [InlineData(RectificationState.Done, null)]
    public void Re_rate(RectificationState state, string? expected) => Assert.Equal(expected, CallbackRules.ReRateProblem(state));

    [Theory]
    [InlineData(ProblemState.Registered, "问题办结后、销号前才能回访")]
    [InlineData(ProblemState.Assigned, "问题办结后、销号前才能回访")]
    [InlineData(ProblemState.InProgress, "问题办结后、销号前才能回访")]
    [InlineData(ProblemState.Resolved, null)]
    [InlineData(ProblemState.CalledBack, "问题办结后、销号前才能回访")]
    [InlineData(ProblemState.Closed, "问题办结后、销号前才能回访")]
    public void Problem_callback(ProblemState state, string? expected) => Assert.Equal(expected, CallbackRules.ProblemCallbackProblem(state));

    [Theory]
    [InlineData(HelpState.Accepted, "帮代办事项办结后才能回访")]
    [InlineData(HelpState.InProgress, "帮代办事项办结后才能回访")]
    [InlineData(HelpState.Finished, null)]
    public void Help_matter_callback(HelpState state, string? expected) => Assert.Equal(expected, CallbackRules.HelpMatterCallbackProblem(state));

    [Theory]
    [InlineData(null, "请填写回访事项")]
    [InlineData(" ", "请填写回访事项")]
    [InlineData("政策兑现", null)]
    public void Subject(string? subject, string? expected) => Assert.Equal(expected, CallbackRules.SubjectProblem(subject));

    [Theory]
    [InlineData(RectificationState.Done, "已整改", "整改已完成")]
    [InlineData(RectificationState.Open, null, "请填写整改情况")]
    [InlineData(RectificationState.Open, "  ", "请填写整改情况")]
    [InlineData(RectificationState.Open, "已上门致歉并办结", null)]
    public void Rectify(RectificationState state, string? answer, string? expected) => Assert.Equal(expected, CallbackRules.RectifyProblem(state, answer));
}
