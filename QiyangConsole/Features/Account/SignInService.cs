using Microsoft.AspNetCore.Identity;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Account;

/// <summary>What a sign-in attempt answered: an error (null when signed in) and whether the next attempt needs a captcha.</summary>
public sealed record SignInOutcome(string? Error, bool NeedsCaptcha);

/// <summary>
/// Username + password sign-in (等保 2.0 身份鉴别): one message for an unknown name, a wrong password and a locked
/// account, so names cannot be probed; the password is checked (or a dummy hash, for an unknown name) before anything
/// about the account is told; a captcha after a few failures per account or IP; an IP paused after many failures;
/// Identity's lockout per account. Every attempt goes to the login log (登录日志) with its real reason.
/// </summary>
public sealed class SignInService(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext> factory, TimeProvider clock, IHttpContextAccessor http,
    SignInGuard guard, Captcha captcha, SettingsService settings, IPasswordHasher<AppUser> hasher)
{
    public const string Generic = "用户名或密码错误（连续失败 5 次账号将锁定 15 分钟）";
    public const string IpPaused = "登录失败次数过多，请 15 分钟后再试";
    public const string WrongCaptcha = "验证码错误，请重新输入";
    public const string CaptchaNeeded = "登录失败次数较多，请输入验证码";
    public const string Disabled = "账号已停用，请联系系统管理员";
    private static readonly AppUser Nobody = new() { DisplayName = "", UserName = "nobody" };
    private static string? _dummyHash;

    private string? Ip => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    /// <summary>Whether the form should show a captcha for this name (or for this IP alone, when no name is known yet).</summary>
    public async Task<bool> NeedsCaptchaAsync(string? userName)
    {
        var after = await settings.IntAsync("security.captchaFailureCount", 3);
        return guard.FailuresOfIp(Ip) >= after || guard.FailuresOfUser(userName) >= after;
    }

    public Captcha.Challenge NewCaptcha() => captcha.Create();

    public async Task<SignInOutcome> SignInAsync(string? userName, string? password, string? captchaId = null, string? captchaAnswer = null)
    {
        userName = userName?.Trim() ?? "";
        if (userName.Length == 0 || string.IsNullOrEmpty(password)) return new("请输入用户名和密码", await NeedsCaptchaAsync(userName));
        var ip = Ip;
        if (guard.FailuresOfIp(ip) >= await settings.IntAsync("security.ipFailureCount", 20))
        {
            await RecordAsync(userName, IpPaused, "同一 IP 失败次数过多，暂停登录");
            return new(IpPaused, true);
        }
        var needsCaptcha = await NeedsCaptchaAsync(userName);
        // The form showed no captcha yet (it knew no name): ask for one, and count nothing.
        if (needsCaptcha && string.IsNullOrEmpty(captchaId)) return new(CaptchaNeeded, true);
        if (needsCaptcha && !captcha.Check(captchaId, captchaAnswer))
        {
            guard.Failed(ip, null);
            await RecordAsync(userName, WrongCaptcha, "验证码错误");
            return new(WrongCaptcha, true);
        }

        var user = await users.FindByNameAsync(userName);
        string? error = null, reason = null;
        if (user is null)
        {
            // As long as a real check, so an unknown name answers no faster than a known one.
            _dummyHash ??= hasher.HashPassword(Nobody, "不存在的账号-" + Guid.NewGuid());
            hasher.VerifyHashedPassword(Nobody, _dummyHash, password);
            (error, reason) = (Generic, "用户名不存在");
        }
        else
        {
            var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
            if (result.IsLockedOut) (error, reason) = (Generic, "账号已锁定");
            else if (!result.Succeeded) (error, reason) = (Generic, "密码错误");
            else if (user.IsDisabled) (error, reason) = (Disabled, "账号已停用");
        }
        if (error is null)
        {
            // Two sign-ins to one account at once: the other's stamp wins (a concurrency failure, not an error).
            user!.LastSignInAt = clock.UtcNow();
            await users.UpdateAsync(user);
            await signIn.SignInAsync(user, isPersistent: false);
            guard.Succeeded(userName);
        }
        else guard.Failed(ip, userName);
        await RecordAsync(userName, error, reason);
        return new(error, error is not null && await NeedsCaptchaAsync(userName));
    }

    public async Task SignOutAsync()
    {
        await signIn.SignOutAsync();
    }

    /// <summary>
    /// In a context of its own: Identity's context may still hold the account's update refused above, which would take
    /// the log entry down with it (a 500, and the attempt missing from the log).
    /// </summary>
    private async Task RecordAsync(string userName, string? error, string? reason)
    {
        var ctx = http.HttpContext;
        await using var db = await factory.CreateDbContextAsync();
        db.LoginRecords.Add(new LoginRecord
        {
            At = clock.UtcNow(),
            UserName = userName,
            Succeeded = error is null,
            Reason = error is null ? "登录成功" : reason ?? error,
            Ip = ctx?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = ctx?.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua[..Math.Min(ua.Length, 300)] : null,
        });
        await db.SaveChangesAsync();
    }
}
