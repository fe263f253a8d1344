using QiyangConsole.Features.Exchanges.Rules;

namespace QiyangConsole.Tests.Unit.Exchanges;

/// <summary>问题清单: registering, the unit's feedback, hand-back and result, close-out after rectification, and 交办 limits.</summary>
public sealed class ProblemChecksTests
{
    private static readonly string[] Categories = ["政务服务", "要素保障"];

    [Theory]
    [InlineData("某公司", "用电报装慢", "政务服务", null)]
    [InlineData(null, "用电报装慢", "政务服务", "请填写反映问题的企业")]
    [InlineData(" ", "用电报装慢", "政务服务", "请填写反映问题的企业")]
    [InlineData("某公司", null, "政务服务", "请填写问题描述")]
    [InlineData("某公司", "  ", "政务服务", "请填写问题描述")]
    [InlineData("某公司", "用电报装慢", null, "请选择问题类别")]
    [InlineData("某公司", "用电报装慢", "其他", "请选择问题类别")]
    [InlineData("某公司", "用地", "要素保障", null)]
    [InlineData("", "", null, "请填写反映问题的企业")]
    public void Register(string? enterprise, string? description, string? category, string? expected) =>
        Assert.Equal(expected, ProblemChecks.RegisterProblem(enterprise, description, category, Categories));

    [Theory]
    [InlineData(null, "请填写办理进展")]
    [InlineData(" ", "请填写办理进展")]
    [InlineData("已对接", null)]
    public void Feedback(string? text, string? expected) => Assert.Equal(expected, ProblemChecks.FeedbackProblem(text));

    [Theory]
    [InlineData(null, "申请退回须说明理由")]
    [InlineData(" ", "申请退回须说明理由")]
    [InlineData("不属本单位职责", null)]
    public void Return_request(string? reason, string? expected) => Assert.Equal(expected, ProblemChecks.ReturnRequestProblem(reason));

    [Theory]
    [InlineData(null, "办结须填写办理结果")]
    [InlineData(" ", "办结须填写办理结果")]
    [InlineData("已解决", null)]
    public void Resolve(string? answer, string? expected) => Assert.Equal(expected, ProblemChecks.ResolveProblem(answer));

    [Theory]
    [InlineData(true, "差评整改尚未完成或尚未再次评价，不能销号")]
    [InlineData(false, null)]
    public void Close(bool pending, string? expected) => Assert.Equal(expected, ProblemChecks.CloseProblem(pending));

    [Theory]
    [InlineData(0, false, null, 1, "办理时限应为 1 至 60 个工作日")]
    [InlineData(1, false, null, 1, null)]
    [InlineData(60, false, null, 1, null)]
    [InlineData(61, false, null, 1, "办理时限应为 1 至 60 个工作日")]
    [InlineData(-5, true, 1, 1, "办理时限应为 1 至 60 个工作日")]
    // a reassignment goes to another unit; a first assignment may go anywhere
    [InlineData(10, true, 1, 1, "请选择其他责任单位")]
    [InlineData(10, true, 1, 2, null)]
    [InlineData(10, false, 1, 1, null)]
    public void Assign(int limitDays, bool reassigning, int? currentUnitId, int newUnitId, string? expected) =>
        Assert.Equal(expected, ProblemChecks.AssignProblem(limitDays, reassigning, currentUnitId, newUnitId));
}
