using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Enterprises.Rules;

/// <summary>企业管家 assignment and the 联络室 on site.</summary>
public static class StewardRules
{
    /// <summary>Some enterprises and a steward chosen (the steward is checked against the active stewards).</summary>
    public static string? AssignProblem(int enterpriseCount, string? stewardId) =>
        enterpriseCount == 0 ? "请选择要分配管家的企业"
        : string.IsNullOrWhiteSpace(stewardId) ? "请选择企业管家"
        : null;

    /// <summary>Replacing an active steward needs a reason (at most 200 characters, as any reason given).</summary>
    public static string? ReassignProblem(bool replacingActiveSteward, string? reason) =>
        replacingActiveSteward && string.IsNullOrWhiteSpace(reason) ? "更换管家须填写原因" : TextLimit.Problem(reason, 200, "更换原因");

    /// <summary>联络室: place (at most 100), opening hours (at most 100) and who is on duty (at most 300), all required.</summary>
    public static string? RoomProblem(string? place, string? schedule, string? onDuty)
    {
        if (string.IsNullOrWhiteSpace(place)) return "请填写联络室地点";
        if (string.IsNullOrWhiteSpace(schedule)) return "请填写开放时间";
        if (string.IsNullOrWhiteSpace(onDuty)) return "请填写驻室人员";
        return TextLimit.Problem(place, 100, "联络室地点") ?? TextLimit.Problem(schedule, 100, "开放时间") ?? TextLimit.Problem(onDuty, 300, "驻室人员");
    }
}
