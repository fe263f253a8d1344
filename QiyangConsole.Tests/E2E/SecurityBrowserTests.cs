using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QiyangConsole.Infrastructure.Auth;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.E2E;

/// <summary>The Content-Security-Policy as the browser applies it, and the idle sign-out of a tab left alone.</summary>
[Collection(HostCollection.Name)]
public class SecurityBrowserTests(HostFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_console_works_under_its_content_security_policy_with_no_violation()
    {
        var page = await browser.NewPageAsync(fixture.Host.BaseUrl);
        var violations = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy") || m.Text.Contains("Refused to")) violations.Add($"{page.Url}: {m.Text}"); };
        page.PageError += (_, e) => violations.Add($"{page.Url}: {e}");
        await page.SignInAsync("office");
        foreach (var path in new[] { "/", "/projects", "/work-items", "/work-items/1", "/enterprises", "/evaluation/periods/1", "/exchanges/problems", "/system/calendar" })
        {
            await page.GotoAsync(path);
            await page.WaitForInteractiveAsync();
            await page.WaitForTimeoutAsync(300);
        }
        // Interactive parts still work: a menu opens and a dialog-free click reaches the server.
        await page.GotoAsync("/projects");
        await page.WaitForInteractiveAsync();
        await page.Locator(".user-chip").ClickAsync();
        await Assertions.Expect(page.Locator("#logout")).ToBeVisibleAsync();
        await page.ClickAsync("#logout");
        await page.WaitForURLAsync(url => url.Contains("/account/login"));
        Assert.Empty(violations);
    }

    [Fact]
    public async Task The_print_views_print_under_the_policy()
    {
        var page = await browser.NewPageAsync(fixture.Host.BaseUrl);
        var violations = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy") || m.Text.Contains("Refused to")) violations.Add($"{page.Url}: {m.Text}"); };
        // Count the calls of window.print instead of opening the print dialog.
        await page.AddInitScriptAsync("window.__printed = 0; window.print = () => { window.__printed++; };");
        await page.SignInAsync("office");
        foreach (var path in new[] { "/evaluation/periods/1/print", "/enterprises/1/card" })
        {
            await page.GotoAsync(path);
            await page.WaitForTimeoutAsync(400);
            await page.GetByRole(AriaRole.Button, new() { Name = "打印" }).ClickAsync();
            Assert.Equal(1, await page.EvaluateAsync<int>("window.__printed"));
        }
        Assert.Empty(violations);
    }

    [Fact]
    public async Task A_tab_left_alone_for_the_idle_time_is_signed_out_and_its_cookie_ends()
    {
        var idle = fixture.Host.Services.GetRequiredService<IdleSettings>();
        var kept = idle.Timeout;
        idle.Timeout = TimeSpan.FromSeconds(3);
        try
        {
            var page = await browser.NewPageAsync(fixture.Host.BaseUrl);
            await page.SignInAsync("leader");
            await page.GotoAsync("/work-items");
            await page.WaitForInteractiveAsync();
            await page.WaitForURLAsync(url => url.Contains("/account/login?idle=true"), new() { Timeout = 15_000 });
            await Assertions.Expect(page.Locator("#login-idle")).ToHaveTextAsync("长时间未操作，已自动退出，请重新登录");
            await page.ShotAsync("idle-signed-out");
            idle.Timeout = kept;
            await page.GotoAsync("/work-items");
            Assert.Contains("/account/login", page.Url); // the cookie of that sign-in is refused
        }
        finally { idle.Timeout = kept; }
    }
}
