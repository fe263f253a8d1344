using Microsoft.Playwright;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.E2E;

/// <summary>在线用户: the security administrator sees who has the console open and can force a user out at once.</summary>
[Collection(HostCollection.Name)]
public class OnlineUsersBrowserTests(HostFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_office_forces_a_viewer_out_and_the_viewers_open_page_and_cookie_end_at_once()
    {
        var viewer = await browser.NewPageAsync(fixture.Host.BaseUrl);
        await viewer.SignInAsync("viewer");
        await viewer.GotoAsync("/work-items");
        await viewer.WaitForInteractiveAsync();

        var office = await browser.NewPageAsync(fixture.Host.BaseUrl);
        await office.SignInAsync("secadmin");
        await office.GotoAsync("/system/online");
        await office.WaitForInteractiveAsync();
        var row = office.Locator("#online-users tr[data-user='viewer']").First;
        await Assertions.Expect(row).ToContainTextAsync("只读用户 刘洋");
        await Assertions.Expect(office.Locator("#online-users tr[data-user='secadmin'] .force-out")).ToHaveCountAsync(0); // not oneself
        await office.ShotAsync("online-users");
        await row.Locator(".force-out").ClickAsync();
        await Assertions.Expect(office.Locator(".mud-snackbar", new() { HasText = "已强制下线" })).ToBeVisibleAsync();
        await Assertions.Expect(office.Locator("#online-users tr[data-user='viewer']")).ToHaveCountAsync(0);

        // The viewer's open page falls back to sign-in, and its cookie no longer opens any page.
        await viewer.WaitForURLAsync(url => url.Contains("/account/login"), new() { Timeout = 15_000 });
        await viewer.GotoAsync("/work-items");
        Assert.Contains("/account/login", viewer.Url);

        // It may sign in again; the login log records who forced it out.
        await viewer.SignInAsync("viewer");
        Assert.DoesNotContain("/account/login", viewer.Url);
        await office.SignInAsync("auditor");
        await office.GotoAsync("/system/logs/logins");
        await office.WaitForInteractiveAsync();
        await Assertions.Expect(office.Locator("body")).ToContainTextAsync("被强制下线（操作人：安全管理员 刘洋）");
    }
}
