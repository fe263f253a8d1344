using System.Globalization;
using QiyangConsole.Features.WorkItems;
using QiyangConsole.Features.WorkItems.Rules;

namespace QiyangConsole.Tests.Unit.WorkItems;

/// <summary>延期申请: when the lead unit may ask (state, before the effective deadline, to a later date, with a reason) and how the Office decides.</summary>
public sealed class ExtensionRulesTests
{
    private const string WrongState = "事项承办后、申请销号前才能申请延期";

    [Theory]
    // only while in progress or after a close-out was returned
    [InlineData(WorkItemState.Registered, WrongState)]
    [InlineData(WorkItemState.Assigned, WrongState)]
    [InlineData(WorkItemState.InProgress, null)]
    [InlineData(WorkItemState.CloseOutPending, WrongState)]
    [InlineData(WorkItemState.Returned, null)]
    [InlineData(WorkItemState.Closed, WrongState)]
    public void State(WorkItemState state, string? expected) =>
        Assert.Equal(expected, ExtensionRules.RequestProblem(state, D("2024-06-10"), D("2024-06-30"), D("2024-07-31"), "等待审批"));

    [Theory]
    // on the deadline day one may still ask; the day after not
    [InlineData("2024-06-30", "2024-06-30", "2024-07-31", "等待审批", null)]
    [InlineData("2024-07-01", "2024-06-30", "2024-07-31", "等待审批", "已超过办理期限 2024-06-30，不能再申请延期，逾期按原期限计算")]
    // the new deadline must be later than the effective one
    [InlineData("2024-06-10", "2024-06-30", null, "等待审批", "延期后的期限须晚于当前期限")]
    [InlineData("2024-06-10", "2024-06-30", "2024-06-30", "等待审批", "延期后的期限须晚于当前期限")]
    [InlineData("2024-06-10", "2024-06-30", "2024-06-29", "等待审批", "延期后的期限须晚于当前期限")]
    [InlineData("2024-06-10", "2024-06-30", "2024-07-01", "等待审批", null)]
    // with a reason
    [InlineData("2024-06-10", "2024-06-30", "2024-07-01", null, "请填写延期原因")]
    [InlineData("2024-06-10", "2024-06-30", "2024-07-01", "  ", "请填写延期原因")]
    // the first problem is reported
    [InlineData("2024-07-01", "2024-06-30", null, null, "已超过办理期限 2024-06-30，不能再申请延期，逾期按原期限计算")]
    public void Request(string today, string effectiveDeadline, string? newDeadline, string? reason, string? expected) =>
        Assert.Equal(expected, ExtensionRules.RequestProblem(WorkItemState.InProgress, D(today), D(effectiveDeadline), newDeadline is null ? null : D(newDeadline), reason));

    [Theory]
    [InlineData(ExtensionState.Pending, true, null, null)]
    [InlineData(ExtensionState.Pending, false, "理由不充分", null)]
    [InlineData(ExtensionState.Pending, false, null, "驳回须填写理由")]
    [InlineData(ExtensionState.Pending, false, " ", "驳回须填写理由")]
    [InlineData(ExtensionState.Approved, true, null, "该延期申请已审批")]
    [InlineData(ExtensionState.Rejected, false, null, "该延期申请已审批")]
    public void Decision(ExtensionState state, bool approve, string? note, string? expected) =>
        Assert.Equal(expected, ExtensionRules.DecisionProblem(state, approve, note));

    [Theory]
    [InlineData(WorkItemState.InProgress, null)]
    [InlineData(WorkItemState.Returned, null)]
    [InlineData(WorkItemState.CloseOutPending, null)]
    [InlineData(WorkItemState.Closed, "事项已销号，延期申请无需审批")]
    public void Decision_on_item(WorkItemState state, string? expected) => Assert.Equal(expected, ExtensionRules.DecisionOnItemProblem(state));

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
