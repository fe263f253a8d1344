using Microsoft.Playwright;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.E2E;

[Collection(HostCollection.Name)]
public class OverviewBrowserTests(HostFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_office_picks_a_quarter_on_the_overview_and_follows_a_figure_to_its_list_filtered_the_same_way()
    {
        var office = await browser.NewPageAsync(fixture.Host.BaseUrl);
        await office.SignInAsync("office");
        await office.GotoAsync("/");
        await office.WaitForInteractiveAsync();
        await Assertions.Expect(office.Locator("#period-label")).ToHaveTextAsync("2023年");

        // A quarter: the address carries it, and the figures follow.
        await office.SelectAsync("period-kind", "季度");
        await office.WaitForURLAsync("**/?from=2023-01-01&to=2023-03-31");
        await Assertions.Expect(office.Locator("#period-label")).ToHaveTextAsync("2023年第1季度");
        await office.SelectAsync("period-quarter", "Q2");
        await office.WaitForURLAsync("**/?from=2023-04-01&to=2023-06-30");
        await Assertions.Expect(office.Locator("#period-label")).ToHaveTextAsync("2023年第2季度");

        // The circulars issued in the second quarter (those of March, April and May) named fifteen units, none twice.
        var criticised = office.Locator("[data-figure='通报批评后进单位']");
        await Assertions.Expect(criticised.Locator(".figure-value")).ToHaveTextAsync("15");
        var events = office.Locator("[data-figure='政企交流活动']");
        var held = int.Parse(await events.Locator(".figure-value").InnerTextAsync());

        // Following the events figure opens the events of the same quarter.
        await events.Locator("a.figure-link").ClickAsync();
        await office.WaitForURLAsync("**/exchanges?from=2023-04-01&to=2023-06-30");
        await office.WaitForInteractiveAsync();
        await Assertions.Expect(office.Locator("#period-filter")).ToContainTextAsync("2023年第2季度");
        await Assertions.Expect(office.Locator("#events tbody tr")).ToHaveCountAsync(held);
        foreach (var date in await office.Locator("#events tbody tr td:first-child").AllInnerTextsAsync())
            Assert.InRange(DateOnly.Parse(date), new DateOnly(2023, 4, 1), new DateOnly(2023, 6, 30));

        // And the criticised units' figure opens the circulars' units of that quarter.
        await office.GoBackAsync();
        await office.WaitForInteractiveAsync();
        await office.Locator("[data-figure='通报批评后进单位'] a.figure-link").ClickAsync();
        await office.WaitForURLAsync("**/evaluation?from=2023-04-01&to=2023-06-30");
        await Assertions.Expect(office.Locator("#period-criticised tbody tr")).ToHaveCountAsync(15);
        await office.ShotAsync("overview-period-criticised");
    }

    [Theory]
    [InlineData("office")]
    [InlineData("unit")]
    [InlineData("steward")]
    public async Task The_overview_of_the_sources_period_is_shot_at_desk_and_phone_width(string user)
    {
        foreach (var (width, height) in new[] { (1366, 860), (375, 812) })
        {
            var page = await browser.NewPageAsync(fixture.Host.BaseUrl, width, height);
            await page.SignInAsync(user);
            await page.GotoAsync("/?from=2023-01-01&to=2023-05-18");
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.Locator("#period-label")).ToHaveTextAsync("2023-01-01 至 2023-05-18");
            await page.ShotAsync($"overview-{user}-{width}");
        }
    }

    [Fact]
    public async Task A_unit_sees_its_own_figures_and_its_problems_figure_opens_as_many_problems()
    {
        var unit = await browser.NewPageAsync(fixture.Host.BaseUrl);
        await unit.SignInAsync("unit");
        await unit.GotoAsync("/?from=2023-01-01&to=2023-05-18");
        await unit.WaitForInteractiveAsync();
        await Assertions.Expect(unit.Locator("[data-figure='本单位被通报批评']")).ToBeVisibleAsync();
        await Assertions.Expect(unit.Locator("[data-figure='通报批评后进单位']")).ToHaveCountAsync(0);
        await Assertions.Expect(unit.Locator("[data-figure='签约项目'] a.figure-link")).ToHaveCountAsync(0);
        var solved = await unit.Locator("[data-figure='解决问题'] .figure-value").InnerTextAsync();
        await unit.Locator("[data-figure='解决问题'] a.figure-link").ClickAsync();
        await unit.WaitForURLAsync("**/exchanges/problems?resolved=true&from=2023-01-01&to=2023-05-18");
        await unit.WaitForInteractiveAsync();
        await Assertions.Expect(unit.Locator("#problem-stats")).ToContainTextAsync($"已解决 {solved}");
    }

    [Theory]
    [InlineData("office")]
    [InlineData("unit")]
    public async Task This_years_overview_shows_the_work_items_lights_month_by_month_with_their_table(string user)
    {
        // The demo's work items are dated from the first start (today): this year's chart has them up to this month.
        var page = await browser.NewPageAsync(fixture.Host.BaseUrl, 1366, 860);
        await page.SignInAsync(user);
        var today = QiyangConsole.Infrastructure.AppTime.Today(TimeProvider.System);
        var year = today.Year;
        await page.GotoAsync($"/?from={year}-01-01&to={year}-12-31");
        await page.WaitForInteractiveAsync();
        var table = page.Locator("[data-chart='重点工作灯色按月']");
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(table.Locator("tbody tr th")).ToHaveTextAsync(new[] { "当月销号", "绿灯", "黄灯", "红灯" });
        var thisMonth = today.Month;
        var open = 0d;
        foreach (var row in await table.Locator("tbody tr").AllAsync())
            open += double.Parse(await row.Locator("td").Nth(thisMonth - 1).InnerTextAsync());
        Assert.True(open > 0, "this month's column counts the demo's items");
        await page.ShotAsync($"overview-lights-{user}");
    }
}
