using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QiyangConsole.Data;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.E2E;

[Collection(HostCollection.Name)]
public class ExchangeBrowserTests(HostFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_problem_goes_from_an_event_through_a_bad_rating_and_its_rectification()
    {
        var office = await browser.NewPageAsync(fixture.Host.BaseUrl);
        await office.SignInAsync("office");

        // An exchange event, then a problem raised there.
        await office.GotoAsync("/exchanges");
        await office.WaitForInteractiveAsync();
        await office.FillAsync("#event-date", "2023-06-08");
        await office.Keyboard.PressAsync("Tab");
        await office.FillAsync("#event-place", "祁阳高新区企业服务中心三楼");
        await office.FillAsync("#event-enterprises", "湖南坤能新材料有限公司、祁阳住信电气有限公司");
        await office.Locator("#event-save").ClickAsync();
        await Assertions.Expect(office.Locator("#events")).ToContainTextAsync("2023-06-08");

        await office.GotoAsync("/exchanges/problems");
        await office.WaitForInteractiveAsync();
        await office.SelectAsync("problem-event", "2023-06-08");
        var description = $"厂区周边夜间照明不足 {Guid.NewGuid().ToString("N")[..4]}";
        await office.FillAsync("#problem-enterprise", "湖南坤能新材料有限公司");
        await office.FillAsync("#problem-description", description);
        await office.SelectAsync("problem-category", "基础设施");
        await office.Locator("#problem-register").ClickAsync();
        await office.WaitForURLAsync("**/exchanges/problems/*");
        var problemPath = new Uri(office.Url).AbsolutePath;
        await Assertions.Expect(office.Locator("#problem-state")).ToHaveTextAsync("登记");

        // 分类交办 to the demo unit (市自然资源局).
        await office.SelectAsync("problem-unit", "市自然资源局", exact: true);
        await office.Locator("#problem-assign").ClickAsync();
        await Assertions.Expect(office.Locator("#problem-state")).ToHaveTextAsync("分类交办");

        // The unit feeds back and resolves.
        var unit = await browser.NewPageAsync(fixture.Host.BaseUrl, 375, 812);
        await unit.SignInAsync("unit");
        await unit.GotoAsync(problemPath);
        await unit.WaitForInteractiveAsync();
        await unit.FillAsync("#problem-text", "已现场勘查，列入本月路灯安装计划");
        await unit.Locator("#problem-feedback").ClickAsync();
        await Assertions.Expect(unit.Locator("#problem-state")).ToHaveTextAsync("办理中");
        await unit.FillAsync("#problem-text", "已安装路灯12盏并通电");
        await unit.Locator("#problem-resolve").ClickAsync();
        await Assertions.Expect(unit.Locator("#problem-state")).ToHaveTextAsync("已办结");

        // The office calls back: a bad rating needs a reason and opens a rectification.
        await office.ReloadAsync();
        await office.WaitForInteractiveAsync();
        await office.FillAsync("#callback-person", "坤能 张经理");
        await office.Locator("div.mud-select:has(#callback-rating)").First.ClickAsync();
        await office.GetByRole(AriaRole.Option, new() { Name = "不满意", Exact = true }).ClickAsync();
        await office.Locator("#callback-save").ClickAsync();
        await Assertions.Expect(office.Locator(".mud-snackbar", new() { HasText = "须填写差评原因" })).ToBeVisibleAsync();
        await office.FillAsync("#callback-reason", "部分路段仍未覆盖");
        await office.Locator("#callback-save").ClickAsync();
        await Assertions.Expect(office.Locator("#problem-state")).ToHaveTextAsync("已回访");

        // The unit rectifies.
        await unit.GotoAsync("/callbacks");
        await unit.WaitForInteractiveAsync();
        var rectification = unit.Locator(".rectification", new() { HasText = "部分路段仍未覆盖" });
        await Assertions.Expect(rectification).ToContainTextAsync("整改中");
        await rectification.Locator(".rectification-answer input").FillAsync("已补装路灯5盏，全路段覆盖");
        await rectification.Locator(".rectification-submit").ClickAsync();
        await Assertions.Expect(rectification).ToContainTextAsync("已整改");
        await unit.ShotAsync("callbacks-unit-phone");

        // The office re-rates the rectification and closes the problem.
        await office.GotoAsync("/callbacks");
        await office.WaitForInteractiveAsync();
        await office.GetByRole(AriaRole.Tab, new() { Name = "整改" }).ClickAsync();
        var done = office.Locator(".rectification", new() { HasText = "部分路段仍未覆盖" });
        await done.Locator("#callback-person").FillAsync("坤能 张经理");
        await done.Locator("div.mud-select:has(#callback-rating)").First.ClickAsync();
        await office.GetByRole(AriaRole.Option, new() { Name = "非常满意" }).ClickAsync();
        await done.Locator("#callback-save").ClickAsync();
        await Assertions.Expect(done).ToContainTextAsync("已再次评价");
        await office.ShotAsync("callbacks-office-desktop");

        await office.GotoAsync(problemPath);
        await office.WaitForInteractiveAsync();
        await office.Locator("#problem-close").ClickAsync();
        await Assertions.Expect(office.Locator("#problem-state")).ToHaveTextAsync("已销号");
        var timeline = office.Locator("#problem-timeline");
        foreach (var step in new[] { "登记", "分类交办", "督办反馈", "已办结", "已回访", "已销号" })
            await Assertions.Expect(timeline).ToContainTextAsync(step);
    }

    [Fact]
    public async Task A_unit_sees_only_the_problems_assigned_to_it()
    {
        var page = await browser.NewPageAsync(fixture.Host.BaseUrl);
        await page.SignInAsync("unit");
        await page.GotoAsync("/exchanges/problems");
        await page.WaitForInteractiveAsync();
        var grid = page.Locator("#problems");
        await Assertions.Expect(grid.Locator("tbody tr").First).ToBeVisibleAsync();
        var units = await grid.Locator("tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.NotEmpty(units);
        Assert.All(units, u => Assert.Equal("市自然资源局", u.Trim()));
        await Assertions.Expect(page.Locator("#problem-register")).ToHaveCountAsync(0);
        await page.ShotAsync("problems-unit-desktop");

        // Another unit's problem by URL: refused by the service, nothing of it shown.
        int otherId;
        await using (var db = await fixture.Host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            otherId = await db.Problems.Where(p => p.Unit!.Name != "市自然资源局").Select(p => p.Id).FirstAsync();
        await page.GotoAsync($"/exchanges/problems/{otherId}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator(".mud-alert")).ToContainTextAsync("不属于本单位");
        await Assertions.Expect(page.Locator("#problem-state")).ToHaveCountAsync(0);
        var export = await page.APIRequest.GetAsync("/exchanges/problems.xlsx");
        Assert.Equal(200, export.Status);
    }
}
