using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.WorkItems.Rules;

/// <summary>The checks on what is typed into a work item: registration, progress, close-out and its review.</summary>
public static class WorkItemChecks
{
    public const int MaxTitleLength = 200;

    /// <summary>
    /// 立项: a title of at most 200 characters, a source from the dictionary, a lead unit, a deadline from today until 2100, a known
    /// urgency, requirements of at most 2,000 characters and the responsible leader's name of at most 50.
    /// </summary>
    public static string? CreateProblem(string? title, string? source, IReadOnlyCollection<string> sources, int? leadUnitId, DateOnly? deadline, DateOnly today,
        Urgency urgency = Urgency.Normal, string? description = null, string? responsibleLeader = null)
    {
        var t = title?.Trim() ?? "";
        if (t.Length == 0) return "事项名称不能为空";
        if (TextLimit.Count(t) > MaxTitleLength) return "事项名称不能超过 200 个字";
        if (source is null || !sources.Contains(source)) return "请选择事项来源";
        if (leadUnitId is null) return "请选择牵头单位";
        if (deadline is not { } d) return "请填写办理期限";
        if (d < today) return $"办理期限 {AppTime.ListDate(d)} 早于今天，请重新填写";
        if (d.Year > 2100) return "办理期限不能晚于 2100 年";
        if (!Enum.IsDefined(urgency)) return "请选择紧急程度";
        return TextLimit.Problem(description, 2000, "工作要求") ?? TextLimit.Problem(responsibleLeader, 50, "责任领导");
    }

    /// <summary>进展: the progress text and a percentage from 0 to 100.</summary>
    public static string? UpdateProblem(string? text, int percent) =>
        string.IsNullOrWhiteSpace(text) ? "请填写进展情况"
        : TextLimit.Problem(text, 1000, "进展情况") is { } tooLong ? tooLong
        : percent is < 0 or > 100 ? "完成进度应在 0 至 100 之间"
        : null;

    public static string? CloseOutProblem(string? evidence) =>
        string.IsNullOrWhiteSpace(evidence) ? "销号申请须填写办结情况和佐证说明" : TextLimit.Problem(evidence, 1000, "办结情况及佐证说明");

    public static string? ReturnProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "退回须填写原因" : TextLimit.Problem(reason, 500, "退回原因");

    /// <summary>催办: the message is optional (a default is used), at most 500 characters.</summary>
    public static string? UrgeProblem(string? text) => TextLimit.Problem(text, 500, "催办意见");
}
