using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.WorkItems.Rules;

/// <summary>The checks on what is typed into a work item: registration, progress, close-out and its review.</summary>
public static class WorkItemChecks
{
    public const int MaxTitleLength = 200;

    /// <summary>立项: a title of at most 200 characters, a source from the dictionary, a lead unit and a deadline from today on.</summary>
    public static string? CreateProblem(string? title, string? source, IReadOnlyCollection<string> sources, int? leadUnitId, DateOnly? deadline, DateOnly today)
    {
        var t = title?.Trim() ?? "";
        if (t.Length == 0) return "事项名称不能为空";
        if (t.Length > MaxTitleLength) return "事项名称不能超过 200 个字";
        if (source is null || !sources.Contains(source)) return "请选择事项来源";
        if (leadUnitId is null) return "请选择牵头单位";
        if (deadline is not { } d) return "请填写办理期限";
        if (d < today) return $"办理期限 {AppTime.ListDate(d)} 早于今天，请重新填写";
        return null;
    }

    /// <summary>进展: the progress text and a percentage from 0 to 100.</summary>
    public static string? UpdateProblem(string? text, int percent) =>
        string.IsNullOrWhiteSpace(text) ? "请填写进展情况"
        : percent is < 0 or > 100 ? "完成进度应在 0 至 100 之间"
        : null;

    public static string? CloseOutProblem(string? evidence) =>
        string.IsNullOrWhiteSpace(evidence) ? "销号申请须填写办结情况和佐证说明" : null;

    public static string? ReturnProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "退回须填写原因" : null;
}
