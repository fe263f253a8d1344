using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QiyangConsole.Data;
using QiyangConsole.Features.Account;
using QiyangConsole.Features.Administration;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data;

/// <summary>
/// 等保 2.0 身份鉴别 on the running console, over HTTP with the real sign-in form. Each test comes from an address of its
/// own (X-Forwarded-For, as nginx passes it), so the per-IP counts of one test never reach another.
/// </summary>
[Collection(HostCollection.Name)]
public partial class SignInHostTests(HostFixture fixture)
{
    private const string Password = "Qiyang@2023";
    private AppHost Host => fixture.Host;

    private sealed record Answer(HttpStatusCode Status, string? Location, string Body)
    {
        public string? Error => ErrorPattern().Match(Body) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
        public bool SignedIn => Status is HttpStatusCode.Redirect or HttpStatusCode.Found && Location?.Contains("/account/login") != true;
        public bool AsksCaptcha => Body.Contains("id=\"captcha-image\"");
    }

    private HttpClient Client(string ip)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(Host.BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", ip);
        return client;
    }

    /// <summary>
    /// Posts the sign-in form as a browser would. When the console asks for a captcha (on the form, or by answering
    /// 请输入验证码 for this name), it is answered — right when <paramref name="solveCaptcha"/>, else with <paramref name="captchaAnswer"/>.
    /// </summary>
    private async Task<Answer> SignInAsync(HttpClient client, string user, string password, bool solveCaptcha = true, string? captchaAnswer = null)
    {
        var page = await client.GetStringAsync("/account/login");
        var answer = await PostAsync(client, page, user, password, solveCaptcha, captchaAnswer);
        return answer.Error == SignInService.CaptchaNeeded ? await PostAsync(client, answer.Body, user, password, solveCaptcha, captchaAnswer) : answer;
    }

    private async Task<Answer> PostAsync(HttpClient client, string page, string user, string password, bool solveCaptcha, string? captchaAnswer)
    {
        var form = new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value,
            ["Input.UserName"] = user, ["Input.Password"] = password,
        };
        if (CaptchaId().Match(page) is { Success: true } id)
        {
            form["Input.CaptchaId"] = id.Groups[1].Value;
            form["Input.CaptchaAnswer"] = captchaAnswer ?? (solveCaptcha ? Host.Services.GetRequiredService<Captcha>().AnswerOf(id.Groups[1].Value)! : "0000");
        }
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(form));
        return new Answer(response.StatusCode, response.Headers.Location?.ToString(), await response.Content.ReadAsStringAsync());
    }

    private async Task<AppUser> NewUserAsync(string userName, Action<AppUser>? change = null)
    {
        using var scope = Host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = await db.Units.FirstAsync();
        var user = new AppUser { UserName = userName, DisplayName = "测试 " + userName, UnitId = unit.Id, CreatedAt = DateTime.UtcNow, PasswordChangedAt = DateTime.UtcNow, LockoutEnabled = true };
        change?.Invoke(user);
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, AppRoles.Viewer)).Succeeded);
        return user;
    }

    [Fact]
    public async Task An_unknown_name_a_wrong_password_a_locked_and_a_disabled_account_answer_alike_until_the_password_is_right()
    {
        await NewUserAsync("probe-disabled", u => u.IsDisabled = true);
        var client = Client("10.20.0.1");
        var unknown = await SignInAsync(client, "nobody-here", "Wrong#pass1");
        var wrong = await SignInAsync(Client("10.20.0.2"), "probe-disabled", "Wrong#pass1");
        Assert.Equal(SignInService.Generic, unknown.Error);
        Assert.Equal(unknown.Error, wrong.Error);               // a disabled account is not told apart by a wrong password
        var right = await SignInAsync(Client("10.20.0.3"), "probe-disabled", Password);
        Assert.Equal(SignInService.Disabled, right.Error);       // only the one who knows the password learns it is disabled
        Assert.False(right.SignedIn);

        // Locked after five failures: the answer is still the generic one, even with the right password.
        await NewUserAsync("probe-locked");
        for (var i = 0; i < 5; i++) Assert.Equal(SignInService.Generic, (await SignInAsync(Client($"10.20.1.{i}"), "probe-locked", "Wrong#pass1")).Error);
        var locked = await SignInAsync(Client("10.20.1.9"), "probe-locked", Password);
        Assert.Equal(SignInService.Generic, locked.Error);

        await using var ctx = await Host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var reasons = await ctx.LoginRecords.Where(r => r.UserName.StartsWith("probe-") || r.UserName == "nobody-here").Select(r => r.Reason).ToListAsync();
        Assert.Contains("用户名不存在", reasons);                 // the log keeps the real reason for the auditor
        Assert.Contains("账号已停用", reasons);
        Assert.Contains("账号已锁定", reasons);
    }

    [Fact]
    public async Task After_three_failures_of_an_account_a_captcha_drawn_here_is_asked_and_checked()
    {
        await NewUserAsync("probe-captcha");
        for (var i = 0; i < 3; i++)
        {
            var failed = await SignInAsync(Client($"10.30.0.{i}"), "probe-captcha", "Wrong#pass1");
            Assert.Equal(i == 2, failed.AsksCaptcha);
        }
        // From yet another address, the account's failures still ask for a captcha; a wrong answer is refused before the password is tried.
        var client = Client("10.30.1.1");
        var wrongCaptcha = await SignInAsync(client, "probe-captcha", Password, captchaAnswer: "99999");
        Assert.Equal(SignInService.WrongCaptcha, wrongCaptcha.Error);
        Assert.True(wrongCaptcha.AsksCaptcha);
        Assert.Contains("src=\"data:image/svg", wrongCaptcha.Body);
        var solved = await SignInAsync(client, "probe-captcha", Password);
        Assert.True(solved.SignedIn, solved.Error);
        // A challenge answers once: replaying it is refused.
        var captcha = Host.Services.GetRequiredService<Captcha>();
        var challenge = captcha.Create();
        var answer = captcha.AnswerOf(challenge.Id);
        Assert.True(captcha.Check(challenge.Id, answer));
        Assert.False(captcha.Check(challenge.Id, answer));
    }

    [Fact]
    public async Task A_password_spray_from_one_address_is_paused_across_accounts()
    {
        var client = Client("10.40.0.1");
        var limit = 20;
        for (var i = 0; i < limit; i++) await SignInAsync(client, $"spray-{i}", "Spring#2026");
        var paused = await SignInAsync(client, "viewer", Password);
        Assert.Equal(SignInService.IpPaused, paused.Error);
        Assert.False(paused.SignedIn);
        // Another address is not paused by it.
        Assert.True((await SignInAsync(Client("10.40.0.2"), "viewer", Password)).SignedIn);
    }

    [Fact]
    public async Task A_new_or_expired_password_must_be_changed_before_any_page_opens()
    {
        await NewUserAsync("probe-new", u => u.MustChangePassword = true);
        await NewUserAsync("probe-old", u => { u.PasswordChangedAt = DateTime.UtcNow.AddDays(-91); u.CreatedAt = u.PasswordChangedAt.Value; });
        foreach (var user in new[] { "probe-new", "probe-old" })
        {
            var client = Client("10.50.0.1");
            Assert.True((await SignInAsync(client, user, Password)).SignedIn);
            var home = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
            Assert.Equal("/account/password?required=true", home.Headers.Location?.ToString());
            var export = await client.GetAsync("/work-items/export.xlsx");
            Assert.Equal("/account/password?required=true", export.Headers.Location?.ToString());

            var form = await client.GetStringAsync("/account/password?required=true");
            Assert.Contains("请先修改密码", form);
            async Task<string> ChangeAsync(string current, string next)
            {
                var page = await client.GetStringAsync("/account/password?required=true");
                var response = await client.PostAsync("/account/password?required=true", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["_handler"] = "password", ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value,
                    ["Input.Current"] = current, ["Input.Next"] = next, ["Input.Confirm"] = next,
                }));
                return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            }
            Assert.Contains("新密码不能与原密码相同", await ChangeAsync(Password, Password));
            Assert.Contains("密码不能包含用户名", await ChangeAsync(Password, user + "#2026x"));
            Assert.Contains("保存成功", await ChangeAsync(Password, "Qiyang#2026new"));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }
    }

    [Fact]
    public async Task Logout_needs_the_antiforgery_token_and_return_addresses_stay_on_this_site()
    {
        var client = Client("10.60.0.1");
        Assert.True((await SignInAsync(client, "viewer", Password)).SignedIn);
        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);  // still signed in

        foreach (var evil in new[] { "//evil.com", "/\\evil.com", "https://evil.com", "http:evil.com" })
        {
            var response = await client.GetAsync($"/culture/set?culture=en&returnUrl={Uri.EscapeDataString(evil)}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location?.ToString());
        }
        var local = await client.GetAsync("/culture/set?culture=zh-CN&returnUrl=%2Fwork-items");
        Assert.Equal("/work-items", local.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_the_cookies_are_http_only()
    {
        var client = Client("10.70.0.1");
        var login = await client.GetAsync("/account/login");
        foreach (var response in new[] { login, await client.GetAsync("/assets/css/app.css"), await client.GetAsync("/healthz") })
        {
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-eval", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
        var page = await client.GetStringAsync("/account/login");
        var answer = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value, ["Input.UserName"] = "viewer", ["Input.Password"] = Password,
        }));
        var cookie = answer.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("qiyang.auth="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // plain HTTP here; behind HTTPS it is Secure

        // Behind nginx with TLS (X-Forwarded-Proto: https) the cookie is Secure and HSTS is sent.
        var tls = Client("10.70.0.2");
        tls.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var tlsPage = await tls.GetAsync("/account/login");
        Assert.True(tlsPage.Headers.Contains("Strict-Transport-Security"));
        var tlsAnswer = await tls.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = Token().Match(await tlsPage.Content.ReadAsStringAsync()).Groups[1].Value, ["Input.UserName"] = "viewer", ["Input.Password"] = Password,
        }));
        Assert.Contains("secure", tlsAnswer.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("qiyang.auth=")), StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"Input.CaptchaId\" value=\"([^\"]+)\"")]
    private static partial Regex CaptchaId();

    [GeneratedRegex("id=\"login-error\">([^<]+)<")]
    private static partial Regex ErrorPattern();
}
