using Microsoft.Playwright;

namespace QiyangConsole.Tests.Support;

public static class PageExtensions
{
    public static async Task SignInAsync(this IPage page, string userName, string password = "Qiyang@2023")
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login-submit");
        // Only until the next page's document is committed: its load event may wait on assets under a loaded machine,
        // and what a test needs is the circuit, which the next line waits for.
        await page.WaitForURLAsync(url => !url.Contains("/account/login"), new() { WaitUntil = WaitUntilState.Commit });
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

    /// <summary>
    /// Clicks a dialog's save button and waits for the page it leads to; under load a closing overlay can take the click,
    /// so a dialog still open after 10 s (nothing saved, else it would have closed) gets one more click.
    /// </summary>
    public static async Task ClickToNavigateAsync(this IPage page, string selector, string urlGlob)
    {
        await page.Locator(selector).ClickAsync();
        try { await page.WaitForURLAsync(urlGlob, new() { Timeout = 10_000 }); return; }
        catch (TimeoutException) { }
        if (!await page.Locator(selector).IsVisibleAsync()) { await page.WaitForURLAsync(urlGlob); return; }
        await page.WaitForPopoversClosedAsync();
        await page.Locator(selector).ClickAsync();
        await page.WaitForURLAsync(urlGlob);
    }

    /// <summary>
    /// Chooses a file for the page's file input and waits for <paramref name="shows"/>; under load the input can be
    /// filled before Blazor's InputFile has wired its change handler, and the file is then never read, so a file that
    /// shows nothing within 10 s is chosen again (at most three times). Only for uploads that may be repeated (a refused file).
    /// </summary>
    public static async Task UploadUntilAsync(this IPage page, FilePayload file, ILocator shows)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.SetInputFilesAsync("input[type=file]", file);
            try { await shows.WaitForAsync(new() { Timeout = 10_000 }); return; }
            catch (TimeoutException) when (attempt < 3) { }
        }
    }

    public static Task ShotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"), FullPage = true });
}
