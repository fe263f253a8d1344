using Microsoft.Playwright;

namespace QiyangConsole.Tests.Support;

/// <summary>Debian's Chromium driven by Playwright; one browser per test class, a fresh context per test.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public IPlaywright? Playwright { get; private set; }
    public IBrowser? Browser { get; private set; }

    public static string ScreenshotDirectory
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("QIYANG_SCREENSHOTS") ?? Path.Combine(Path.GetTempPath(), "qiyang-screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Browser tests need Debian's chromium at {ChromiumPath} (.ci/run installs it: apt-get install chromium fonts-noto-cjk)");
        Assertions.SetDefaultExpectTimeout(10_000);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(string baseUrl, int width = 1366, int height = 860)
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            AcceptDownloads = true,
        });
        // Two cores run the unit and data tests beside the browser: give the app time before calling a step failed.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        Playwright?.Dispose();
    }
}

public static class PageExtensions
{
    public static async Task SignInAsync(this IPage page, string userName, string password = "Qiyang@2023")
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Waits until the Blazor circuit is up, so clicks reach the server.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("#qy-interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>Picks an option of a MudSelect whose input has <paramref name="id"/>, retrying while a closing popover swallows the click.</summary>
    public static async Task SelectAsync(this IPage page, string id, string option, bool exact = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator($"div.mud-select:has(#{id})").First.ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = exact }).First.ClickAsync();
            try
            {
                await Assertions.Expect(page.Locator($"div.mud-input-control:has(#{id})").First).ToContainTextAsync(option, new() { Timeout = 3000 });
                await page.WaitForPopoversClosedAsync();
                return;
            }
            catch (PlaywrightException) when (attempt < 3) { await page.Keyboard.PressAsync("Escape"); }
        }
    }

    /// <summary>
    /// Waits until no select, menu or picker overlay covers the page: under load a closing popover's overlay
    /// would take the next click (a save button's) for a click outside.
    /// </summary>
    public static Task WaitForPopoversClosedAsync(this IPage page) =>
        Assertions.Expect(page.Locator(".mud-overlay-popover")).ToHaveCountAsync(0, new() { Timeout = 10_000 });

    public static Task ShotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"), FullPage = true });
}
