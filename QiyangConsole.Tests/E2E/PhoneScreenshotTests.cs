using Microsoft.Playwright;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.E2E;

[Collection(HostCollection.Name)]
public class PhoneScreenshotTests(HostFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("office", "/", "home")]
    [InlineData("office", "/projects", "projects")]
    [InlineData("office", "/work-items", "work-items")]
    [InlineData("office", "/exchanges/problems", "problems")]
    [InlineData("office", "/callbacks", "callbacks")]
    [InlineData("unit", "/evaluation/mine", "evaluation-mine")]
    public async Task Main_pages_fit_a_phone_screen_in_chinese(string user, string path, string name)
    {
        var page = await browser.NewPageAsync(fixture.Host.BaseUrl, 375, 812);
        await page.SignInAsync(user);
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
        await page.WaitForTimeoutAsync(400);  // let the circuit fill the page (a live WebSocket keeps "network idle" from ever settling)
        await page.ShotAsync($"{name}-phone-{user}");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, $"{path} scrolls sideways at 375 px");
        var text = await page.InnerTextAsync("body");
        Assert.DoesNotContain("Rows per page", text);
        Assert.Matches("[\u4e00-\u9fff]", text);
    }
}
