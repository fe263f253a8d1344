using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Exchanges.Rules;

/// <summary>问题清单: what registering, handling and assigning a problem needs.</summary>
public static class ProblemChecks
{
    public const int MinLimitDays = 1;
    public const int MaxLimitDays = 60;

    /// <summary>登记: the enterprise, the description and a category from the dictionary.</summary>
    public static string? RegisterProblem(string? enterpriseName, string? description, string? category, IReadOnlyCollection<string> categories)
    {
        if ((enterpriseName?.Trim() ?? "").Length == 0) return "请填写反映问题的企业";
        if (TextLimit.Problem(enterpriseName, 200, "反映问题的企业") is { } longName) return longName;
        if ((description?.Trim() ?? "").Length == 0) return "请填写问题描述";
        if (TextLimit.Problem(description, 1000, "问题描述") is { } longText) return longText;
        if (category is null || !categories.Contains(category)) return "请选择问题类别";
        return null;
    }

    public static string? FeedbackProblem(string? text) => string.IsNullOrWhiteSpace(text) ? "请填写办理进展" : TextLimit.Problem(text, 1000, "办理进展");

    public static string? ReturnRequestProblem(string? reason) => string.IsNullOrWhiteSpace(reason) ? "申请退回须说明理由" : TextLimit.Problem(reason, 500, "退回理由");

    public static string? ResolveProblem(string? answer) => string.IsNullOrWhiteSpace(answer) ? "办结须填写办理结果" : TextLimit.Problem(answer, 1000, "办理结果");

    /// <summary>A close-out waits for any bad rating's rectification to be done and rated again.</summary>
    public static string? CloseProblem(bool rectificationPending) => rectificationPending ? "差评整改尚未完成或尚未再次评价，不能销号" : null;

    /// <summary>交办: 1 to 60 working days; a reassignment goes to another unit (the unit itself is checked against the stored units first).</summary>
    public static string? AssignProblem(int limitDays, bool reassigning, int? currentUnitId, int newUnitId) =>
        limitDays is < MinLimitDays or > MaxLimitDays ? "办理时限应为 1 至 60 个工作日"
        : reassigning && currentUnitId == newUnitId ? "请选择其他责任单位"
        : null;
}
