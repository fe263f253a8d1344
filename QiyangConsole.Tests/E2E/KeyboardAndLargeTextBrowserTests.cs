using Microsoft.Playwright;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.E2E;

/// <summary>The skip link, the menus by keyboard, 大字版 at phone width and the steward's touch targets (适老化).</summary>
[Collection(HostCollection.Name)]
public class KeyboardAndLargeTextBrowserTests(HostFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Tabbable = "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea, [tabindex]:not([tabindex='-1'])";

    [Fact]
    public async Task The_skip_link_is_the_first_stop_and_moves_focus_to_the_main_content_without_leaving_the_page()
    {
        var page = await browser.NewPageAsync(fixture.Host.BaseUrl);
        await page.SignInAsync("office");
        await page.GotoAsync("/projects");
        await page.WaitForInteractiveAsync();

        Assert.Equal("skip-link", await page.EvaluateAsync<string>($"document.querySelector(\"{Tabbable}\").id"));
        var skip = page.Locator("#skip-link");
        Assert.True((await skip.BoundingBoxAsync())!.Y < 0, "hidden until focused");

        // From the first control of the app bar one step back reaches the skip link, which then shows itself.
        await page.Locator(".mud-appbar button").First.FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToHaveTextAsync("跳到主要内容");
        Assert.True((await skip.BoundingBoxAsync())!.Y >= 0, "visible while focused");

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#main-content")).ToBeFocusedAsync();
        Assert.EndsWith("/projects", page.Url);
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("document.getElementById('main-content').contains(document.activeElement)"), "the next stop is inside the main content");
    }

    [Fact]
    public async Task The_user_menu_opens_from_the_keyboard_with_a_visible_focus_ring_and_escape_returns_focus()
    {
        var page = await browser.NewPageAsync(fixture.Host.BaseUrl);
        await page.SignInAsync("viewer");
        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        var activator = page.Locator(".user-chip button");
        await activator.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Shift+Tab");   // reached by keyboard, so :focus-visible applies
        await Assertions.Expect(activator).ToBeFocusedAsync();
        Assert.NotEqual("none", await activator.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#user-roles")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#large-text")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mud-menu-item").First).ToBeFocusedAsync();  // focus moves into the menu
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator(".mud-menu-item").Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#user-roles")).ToBeHiddenAsync();
        await Assertions.Expect(activator).ToBeFocusedAsync();  // and returns to the button that opened it
    }

    [Fact]
    public async Task A_dialog_keeps_focus_inside_while_open_and_gives_it_back_to_the_button_that_opened_it()
    {
        var page = await browser.NewPageAsync(fixture.Host.BaseUrl);
        await page.SignInAsync("sysadmin");
        await page.GotoAsync("/system/users");
        await page.WaitForInteractiveAsync();
        var opener = page.Locator("#user-add");
        await opener.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToHaveAttributeAsync("role", "dialog");
        // The dialog takes the focus once it has rendered (a moment later on a busy machine); then Tab stays inside it.
        await page.WaitForFunctionAsync("() => document.querySelector('.mud-dialog')?.contains(document.activeElement)", null, new() { Timeout = 10_000 });
        for (var i = 0; i < 25; i++)   // more stops than the dialog has: Tab cycles inside it
        {
            await page.Keyboard.PressAsync("Tab");
            // MudFocusTrap brings the focus back from its last sentinel through the server: under load a Tab pressed at
            // once can pass the sentinel before the answer comes. Focus that truly left would never come back.
            try { await page.WaitForFunctionAsync("() => document.querySelector('.mud-dialog')?.contains(document.activeElement)", null, new() { Timeout = 5_000 }); }
            catch (TimeoutException) { Assert.Fail($"Tab {i + 1} left the dialog"); }
        }
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(opener).ToBeFocusedAsync();
    }

    [Fact]
    public async Task In_the_nav_drawer_up_and_down_arrows_move_between_links_and_group_toggles_home_and_end_jump_and_tab_leaves()
    {
        var page = await browser.NewPageAsync(fixture.Host.BaseUrl);
        await page.SignInAsync("office");
        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        const string items = "[...document.querySelectorAll('.mud-navmenu a.mud-nav-link, .mud-navmenu button.mud-nav-link')].filter(e => e.getClientRects().length > 0)";
        var count = await page.EvaluateAsync<int>($"{items}.length");
        Assert.True(count > 5, $"the office's menu shows {count} items");
        Assert.True(await page.EvaluateAsync<bool>($"{items}.some(e => e.tagName === 'BUTTON')"), "the menu has group toggles");
        var focusedIndex = $"{items}.indexOf(document.activeElement)";

        var first = page.Locator(".mud-navmenu a.mud-nav-link").First;
        await first.FocusAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>(focusedIndex));
        // The links above the groups (工作台, 我的待办), then the first group's toggle, then its first links.
        var toggle = await page.EvaluateAsync<int>($"{items}.findIndex(e => e.tagName === 'BUTTON')");
        Assert.True(toggle > 0, "a link comes before the first group's toggle");
        for (var i = 1; i <= toggle + 2; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
            Assert.Equal(i, await page.EvaluateAsync<int>(focusedIndex));
            if (i == toggle) Assert.Equal("BUTTON", await page.EvaluateAsync<string>("document.activeElement.tagName"));
        }
        await page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal(toggle + 1, await page.EvaluateAsync<int>(focusedIndex));
        await page.Keyboard.PressAsync("End");
        Assert.Equal(count - 1, await page.EvaluateAsync<int>(focusedIndex));
        await page.Keyboard.PressAsync("ArrowDown");   // wraps round
        Assert.Equal(0, await page.EvaluateAsync<int>(focusedIndex));
        await page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal(count - 1, await page.EvaluateAsync<int>(focusedIndex));
        await page.Keyboard.PressAsync("Home");
        Assert.Equal(0, await page.EvaluateAsync<int>(focusedIndex));
        Assert.Equal(0, await page.EvaluateAsync<int>("window.scrollY"));   // the page itself did not scroll
        Assert.EndsWith("/", page.Url);                                     // moving focus follows no link

        // Tab still walks the tab order: from the last item it leaves the menu.
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Tab");
        Assert.False(await page.EvaluateAsync<bool>("document.querySelector('.mud-navmenu').contains(document.activeElement)"), "Tab from the last item left the menu");

        // Enter on a link reached by arrows opens it.
        await first.FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        var href = await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**" + href);
    }

    [Fact]
    public async Task In_tabs_left_and_right_arrows_move_focus_between_tabs_and_enter_opens_the_focused_one()
    {
        // MudBlazor 9's MudTabs does this itself (manual activation: arrows move focus, Enter/Space open); this guards it.
        var page = await browser.NewPageAsync(fixture.Host.BaseUrl);
        await page.SignInAsync("office");
        await page.GotoAsync("/evaluation/periods/1");
        await page.WaitForInteractiveAsync();
        var tabs = page.Locator(".mud-tabs .mud-tab");
        await Assertions.Expect(tabs).ToHaveCountAsync(4);
        var active = page.Locator(".mud-tabs .mud-tab.mud-tab-active");
        await Assertions.Expect(active).ToHaveTextAsync("督查发现");

        // Reached with Tab, as a keyboard user would.
        await page.Locator("#main-content").FocusAsync();
        for (var i = 0; i < 40 && !await tabs.First.EvaluateAsync<bool>("t => t === document.activeElement"); i++) await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(tabs.First).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(tabs.Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(tabs.Nth(2)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(tabs.Nth(1)).ToBeFocusedAsync();
        await Assertions.Expect(active).ToHaveTextAsync("督查发现");   // moving focus opens nothing yet
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(active).ToHaveTextAsync("评分表");
        await Assertions.Expect(tabs.Nth(1)).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Large_text_scales_the_page_by_130_percent_without_sideways_scrolling_at_375_px_and_is_kept_for_the_user()
    {
        var page = await browser.NewPageAsync(fixture.Host.BaseUrl, 375, 812);
        await page.SignInAsync("steward2");
        var normal = await RootFontSizeAsync(page);
        var normalBody = await BodyTextSizeAsync(page);
        try
        {
            await ToggleLargeTextAsync(page);
            await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("large-text"));
            Assert.True(await RootFontSizeAsync(page) >= normal * 1.3 - 0.01, "the root size grows by at least 130 %");
            Assert.True(await BodyTextSizeAsync(page) >= normalBody * 1.3 - 0.01, "the page's text grows with it");

            foreach (var (path, name) in new[] { ("/", "home"), ("/visits", "visits"), ("/visits/new", "visit-new"), ("/enterprises", "enterprises"), ("/help-matters", "help-matters") })
            {
                await page.GotoAsync(path);
                await page.WaitForInteractiveAsync();
                await page.WaitForTimeoutAsync(400);
                await page.ShotAsync($"large-text-{name}-375");
                Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways in large text at 375 px");
                await AssertTouchTargetsAsync(page, path);
            }

            // Kept on the account: a new session on another device opens in large text from the first paint.
            var later = await browser.NewPageAsync(fixture.Host.BaseUrl, 375, 812);
            await later.SignInAsync("steward2");
            var html = await (await later.APIRequest.GetAsync("/visits")).TextAsync();
            Assert.Contains("class=\"large-text\"", html);
            var other = await browser.NewPageAsync(fixture.Host.BaseUrl, 375, 812);
            await other.SignInAsync("steward3");
            await Assertions.Expect(other.Locator("html")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("large-text"));
        }
        finally
        {
            await page.GotoAsync("/");
            await page.WaitForInteractiveAsync();
            if (await page.EvaluateAsync<bool>("document.documentElement.classList.contains('large-text')")) await ToggleLargeTextAsync(page);
        }
        await Assertions.Expect(page.Locator("html")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("large-text"));
        Assert.Equal(normal, await RootFontSizeAsync(page));
    }

    [Fact]
    public async Task The_stewards_visit_pages_have_touch_targets_of_44_px_on_a_phone()
    {
        var page = await browser.NewPageAsync(fixture.Host.BaseUrl, 375, 812);
        await page.SignInAsync("steward");
        foreach (var path in new[] { "/visits", "/visits/new", "/visits/" + await FirstVisitIdAsync(page) })
        {
            await page.GotoAsync(path);
            await page.WaitForInteractiveAsync();
            await page.WaitForTimeoutAsync(400);
            await AssertTouchTargetsAsync(page, path);
        }
    }

    private static async Task<string> FirstVisitIdAsync(IPage page)
    {
        await page.GotoAsync("/visits");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("a[href^='/visits/']").First).ToBeAttachedAsync();
        var href = await page.EvaluateAsync<string>("[...document.querySelectorAll(\"a[href^='/visits/']\")].map(a => a.getAttribute('href')).find(h => /^\\/visits\\/\\d+$/.test(h))");
        return href.Split('/').Last();
    }

    private static async Task ToggleLargeTextAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        await page.Locator(".user-chip button").ClickAsync();
        await page.Locator("#large-text").ClickAsync();
        await page.WaitForLoadStateAsync();
        await page.WaitForInteractiveAsync();
    }

    private static Task<double> RootFontSizeAsync(IPage page) => page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.documentElement).fontSize)");

    private static Task<double> BodyTextSizeAsync(IPage page) => page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.querySelector('h1, .mud-typography-body1, .mud-typography-body2')).fontSize)");

    /// <summary>Buttons, fields, selects, chips and switches of the page (not links inside running text) are at least 44 px tall.</summary>
    private static async Task AssertTouchTargetsAsync(IPage page, string path)
    {
        var small = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.mud-main-content button, .mud-main-content .mud-button-root, .mud-main-content input:not([type=hidden]), .mud-main-content [role=combobox], .mud-main-content .mud-chip, .mud-appbar button, .mud-nav-link')]
              .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; })
              .map(e => { const t = e.closest('.mud-checkbox, .mud-switch, .mud-radio') ?? e; const r = t.getBoundingClientRect(); return [r.height, (e.innerText || e.getAttribute('aria-label') || e.className).trim().slice(0, 30)]; })
              .filter(([h]) => h < 44 - 0.5).map(([h, n]) => `${n} (${Math.round(h)} px)`)
            """);
        Assert.True(small.Length == 0, $"{path}: touch targets under 44 px: {string.Join("; ", small)}");
    }
}
