namespace QiyangConsole.Features.Administration.Rules;

/// <summary>An account's fields (user name, display name, unit, a password when created or reset) and its set of roles.</summary>
public static class UserRules
{
    public static string? EditProblem(string? userName, string? displayName, int? unitId, bool creating, string? password)
    {
        if (string.IsNullOrWhiteSpace(userName)) return "用户名不能为空";
        if (string.IsNullOrWhiteSpace(displayName)) return "姓名不能为空";
        if (unitId is null) return "请选择所属单位";
        if (creating && string.IsNullOrEmpty(password)) return "初始密码不能为空";
        return null;
    }

    /// <summary>Roles granted by the security administrator: known ones, a system role held alone. None at all is allowed (an account waiting for its roles).</summary>
    public static string? RolesProblem(IReadOnlyCollection<string> roles, IEnumerable<string> knownRoles)
    {
        if (roles.Except(knownRoles).Any()) return "角色不存在";
        return AppRoles.CombinationProblem(roles);
    }

    public static string? ResetPasswordProblem(string? password) => string.IsNullOrEmpty(password) ? "新密码不能为空" : null;
}
