namespace QiyangConsole.Features.Administration.Rules;

/// <summary>
/// The password policy (等保 2.0 身份鉴别): at least 8 characters with a lower-case letter, a digit and a symbol, not the
/// user name. Identity's validators are configured from these constants; paths that do not go through Identity (the first
/// administrators from configuration) check <see cref="Problem"/>.
/// </summary>
public static class PasswordRules
{
    public const int MinLength = 8;
    public const string Hint = "至少 8 位，包含小写字母、数字和特殊字符";

    public static string? Problem(string? password, string? userName = null)
    {
        if (string.IsNullOrEmpty(password)) return "密码不能为空";
        if (password.Length < MinLength) return $"密码长度不能少于 {MinLength} 位";
        if (!password.Any(char.IsAsciiLetterLower)) return "密码必须包含小写字母";
        if (!password.Any(char.IsAsciiDigit)) return "密码必须包含数字";
        if (password.All(char.IsLetterOrDigit)) return "密码必须包含特殊字符（如 @、#、!）";
        if (userName is { Length: > 0 } && password.Contains(userName, StringComparison.OrdinalIgnoreCase)) return "密码不能包含用户名";
        return null;
    }

    /// <summary>Whether a password set at <paramref name="changedAt"/> has expired by <paramref name="now"/> (0 days: never).</summary>
    public static bool Expired(DateTime? changedAt, DateTime createdAt, DateTime now, int maxAgeDays) =>
        maxAgeDays > 0 && now - (changedAt ?? createdAt) > TimeSpan.FromDays(maxAgeDays);
}

/// <summary>A password validator for Identity that adds the rules Identity's options lack (not the user name).</summary>
public sealed class NotUserNamePasswordValidator : Microsoft.AspNetCore.Identity.IPasswordValidator<AppUser>
{
    public Task<Microsoft.AspNetCore.Identity.IdentityResult> ValidateAsync(Microsoft.AspNetCore.Identity.UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(user.UserName is { Length: > 0 } name && password?.Contains(name, StringComparison.OrdinalIgnoreCase) == true
            ? Microsoft.AspNetCore.Identity.IdentityResult.Failed(new Microsoft.AspNetCore.Identity.IdentityError { Code = "PasswordContainsUserName", Description = "密码不能包含用户名" })
            : Microsoft.AspNetCore.Identity.IdentityResult.Success);
}
