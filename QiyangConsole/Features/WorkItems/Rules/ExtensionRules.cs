using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.WorkItems.Rules;

/// <summary>延期申请: only after the unit took the item on and before close-out, before the effective deadline, to a later date, with a reason.</summary>
public static class ExtensionRules
{
    /// <summary>Null when the lead unit may ask for the extension (one pending request at a time is checked against the stored requests).</summary>
    public static string? RequestProblem(WorkItemState state, DateOnly today, DateOnly effectiveDeadline, DateOnly? newDeadline, string? reason)
    {
        if (state is not (WorkItemState.InProgress or WorkItemState.Returned)) return "事项承办后、申请销号前才能申请延期";
        if (today > effectiveDeadline) return $"已超过办理期限 {AppTime.ListDate(effectiveDeadline)}，不能再申请延期，逾期按原期限计算";
        if (newDeadline is not { } date || date <= effectiveDeadline) return "延期后的期限须晚于当前期限";
        if (date.Year > 2100) return "延期后的期限不能晚于 2100 年";
        if (string.IsNullOrWhiteSpace(reason)) return "请填写延期原因";
        return TextLimit.Problem(reason, 500, "延期原因");
    }

    /// <summary>A request is decided once; refusing it needs a reason.</summary>
    public static string? DecisionProblem(ExtensionState state, bool approve, string? note) =>
        state != ExtensionState.Pending ? "该延期申请已审批"
        : !approve && string.IsNullOrWhiteSpace(note) ? "驳回须填写理由"
        : TextLimit.Problem(note, 500, "审批意见");

    /// <summary>A closed item's pending request needs no decision.</summary>
    public static string? DecisionOnItemProblem(WorkItemState itemState) =>
        itemState == WorkItemState.Closed ? "事项已销号，延期申请无需审批" : null;
}
