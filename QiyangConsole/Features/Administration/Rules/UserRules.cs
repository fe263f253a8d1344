using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Administration.Rules;

/// <summary>An account's fields: user name, display name, unit, at least one known role, and a password when created or reset.</summary>
public static class UserRules
{
    public const int MaxUserNameLength = 50;
    public const int MaxDisplayNameLength = 50;

    public static string? EditProblem(string? userName, string? displayName, int? unitId, IReadOnlyCollection<string> roles, IEnumerable<string> knownRoles, bool creating, string? password,
        string? phone = null)
    {
        if (string.IsNullOrWhiteSpace(userName)) return "用户名不能为空";
        if (TextLimit.Problem(userName, MaxUserNameLength, "用户名") is { } longName) return longName;
        if (string.IsNullOrWhiteSpace(displayName)) return "姓名不能为空";
        if ((TextLimit.Problem(displayName, MaxDisplayNameLength, "姓名") ?? TextLimit.Problem(phone, 30, "联系电话")) is { } tooLong) return tooLong;
        if (unitId is null) return "请选择所属单位";
        if (roles.Count == 0) return "请至少选择一个角色";
        if (roles.Except(knownRoles).Any()) return "角色不存在";
        if (creating && string.IsNullOrEmpty(password)) return "初始密码不能为空";
        return null;
    }

    public static string? ResetPasswordProblem(string? password) => string.IsNullOrEmpty(password) ? "新密码不能为空" : null;
}
