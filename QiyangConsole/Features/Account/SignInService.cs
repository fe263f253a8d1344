using Microsoft.AspNetCore.Identity;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Account;

/// <summary>Username + password sign-in with lockout; every attempt goes to the login log (登录日志).</summary>
public sealed class SignInService(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext> factory, TimeProvider clock, IHttpContextAccessor http)
{
    public async Task<string?> SignInAsync(string? userName, string? password)
    {
        userName = userName?.Trim() ?? "";
        if (userName.Length == 0 || string.IsNullOrEmpty(password)) return "请输入用户名和密码";
        var user = await users.FindByNameAsync(userName);
        string? error = null;
        if (user is null) error = "用户名或密码错误";
        else if (user.IsDisabled) error = "账号已停用，请联系专班办公室";
        else
        {
            var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
            if (result.IsLockedOut) error = "密码错误次数过多，账号已锁定 15 分钟";
            else if (!result.Succeeded) error = "用户名或密码错误";
        }
        if (error is null)
        {
            // Two sign-ins to one account at once: the other's stamp wins (a concurrency failure, not an error).
            user!.LastSignInAt = clock.UtcNow();
            await users.UpdateAsync(user);
        }
        await RecordAsync(userName, error);
        return error;
    }

    public async Task SignOutAsync()
    {
        await signIn.SignOutAsync();
    }

    /// <summary>
    /// In a context of its own: Identity's context may still hold the account's update refused above, which would take
    /// the log entry down with it (a 500, and the attempt missing from the log).
    /// </summary>
    private async Task RecordAsync(string userName, string? error)
    {
        var ctx = http.HttpContext;
        await using var db = await factory.CreateDbContextAsync();
        db.LoginRecords.Add(new LoginRecord
        {
            At = clock.UtcNow(),
            UserName = userName,
            Succeeded = error is null,
            Reason = error ?? "登录成功",
            Ip = ctx?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = ctx?.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua[..Math.Min(ua.Length, 300)] : null,
        });
        await db.SaveChangesAsync();
    }
}
