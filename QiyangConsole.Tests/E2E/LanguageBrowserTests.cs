using Microsoft.Playwright;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.E2E;

[Collection(HostCollection.Name)]
public class LanguageBrowserTests(HostFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_english_switch_is_kept_in_a_cookie_and_chinese_is_the_default()
    {
        var page = await browser.NewPageAsync(fixture.Host.BaseUrl);
        await page.GotoAsync("/account/login");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("账号登录");
        await page.GetByText("English").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Account sign-in");
        await page.SignInAsync("sysadmin");
        await Assertions.Expect(page.Locator(".mud-drawer")).ToContainTextAsync("Overview");
        await page.GotoAsync("/system/users");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator(".mud-table-pagination")).Not.ToContainTextAsync("每页行数");
        await page.ShotAsync("users-english-desktop");
        var cookies = await page.Context.CookiesAsync();
        Assert.Contains(cookies, c => c.Name == ".AspNetCore.Culture" && c.Value.Contains("en"));
    }
}
