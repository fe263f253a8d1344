using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Enterprises.Rules;

/// <summary>帮代办: what opening a matter needs (1+1 agent, +N windows, dates in order) and what finishing it needs.</summary>
public static class HelpMatterRules
{
    /// <summary>Null when the matter may be opened; <paramref name="agentId"/> is the agent chosen (the Office) or the steward itself.</summary>
    public static string? CreateProblem(int? enterpriseId, string? name, HelpMode? mode, int windowCount, DateOnly? acceptedOn, DateOnly? promisedOn, string? agentId, DateOnly today)
    {
        if (enterpriseId is null) return "请选择企业";
        if (string.IsNullOrWhiteSpace(name)) return "请填写事项名称";
        if (TextLimit.Problem(name, 100, "事项名称") is { } tooLong) return tooLong;
        if (mode is not { } m || !Enum.IsDefined(m)) return "请选择帮代办方式（领办、导办、帮办或代办）";
        if (windowCount == 0) return "请选择至少一个联办审批窗口（+N）";
        if (acceptedOn is not { } accepted) return "请填写受理日期";
        if (accepted > today) return "受理日期不能晚于今天";
        if (promisedOn is { } promised && promised < accepted) return "承诺办结日期不能早于受理日期";
        if (string.IsNullOrEmpty(agentId)) return "请选择全程跟踪的帮代办人员（1+1）";
        return null;
    }

    /// <summary>办结 needs the result, at most 500 characters.</summary>
    public static string? FinishProblem(string? result) =>
        string.IsNullOrWhiteSpace(result) ? "办结须填写办理结果" : TextLimit.Problem(result, 500, "办理结果");
}
