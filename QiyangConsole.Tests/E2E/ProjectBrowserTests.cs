using Microsoft.Playwright;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.E2E;

[Collection(HostCollection.Name)]
public class ProjectBrowserTests(HostFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_office_registers_a_project_assigns_the_five_ones_moves_it_and_records_the_permits()
    {
        var page = await browser.NewPageAsync(fixture.Host.BaseUrl);
        await page.SignInAsync("office");
        await page.GotoAsync("/projects");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#fig-signed")).ToContainTextAsync("155.46 亿元");
        await Assertions.Expect(page.Locator("#fig-landed")).ToContainTextAsync("18.70 亿元");
        await page.ShotAsync("projects-desktop");

        // 立项 with the five ones: one leader, one task force (lead unit), one plan.
        await page.Locator("#project-add").ClickAsync();
        var name = $"智能装备产业园项目 {Guid.NewGuid().ToString("N")[..4]}";
        await page.FillAsync("#pj-name", name);
        await page.FillAsync("#pj-investor", "湖南祁星智能装备有限公司");
        await page.FillAsync("#pj-investment", "12000.50");
        foreach (var (id, option) in new[] { ("pj-industry", "先进装备制造"), ("pj-region", "长三角"), ("pj-type", "行业龙头"), ("pj-leader", "市级领导 周建华"), ("pj-unit", "高新区招商合作局") })
        {
            await page.SelectAsync(id, option, exact: true);
        }
        await page.FillAsync("#pj-negotiating", "2023-06-01");
        await page.Keyboard.PressAsync("Tab");
        await page.Locator("#pj-save").ClickAsync();
        await page.WaitForURLAsync("**/projects/*");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Assertions.Expect(page.Locator("#five-ones")).ToContainTextAsync("市级领导 周建华");
        await Assertions.Expect(page.Locator("#five-ones")).ToContainTextAsync("高新区招商合作局");
        await page.FillAsync("#node-name", "完成用地报批");
        await page.FillAsync("#node-due", "2023-07-15");
        await page.Keyboard.PressAsync("Tab");
        await page.Locator("#node-add").ClickAsync();
        await Assertions.Expect(page.Locator("#plan-nodes")).ToContainTextAsync("完成用地报批");

        // 推进: signed, landed, then started.
        await page.GetByRole(AriaRole.Tab, new() { Name = "推进" }).ClickAsync();
        foreach (var (stage, date) in new[] { ("已签约", "2023-06-10"), ("已落地", "2023-06-20"), ("已开工", "2023-07-03") })
        {
            await page.SelectAsync("stage-to", stage, exact: true);
            await page.FillAsync("#stage-on", date);
            await page.Keyboard.PressAsync("Tab");
            await page.Locator("#stage-move").ClickAsync();
            await Assertions.Expect(page.Locator("#project-stage")).ToHaveTextAsync(stage);
        }
        await Assertions.Expect(page.Locator("#project-timeline")).ToContainTextAsync("已落地 → 已开工");

        // 拿地即开工 across the Dragon Boat holiday (06-22, 06-23 off; Sunday 06-25 worked).
        await page.GetByRole(AriaRole.Tab, new() { Name = "拿地即开工" }).ClickAsync();
        foreach (var (id, date) in new[] { ("permit-land", "2023-06-21"), ("permit-cert", "2023-06-25"), ("permit-landplan", "2023-06-26"), ("permit-worksplan", "2023-06-26"), ("permit-construction", "2023-06-27") })
        {
            await page.FillAsync($"#{id}", date);
            await page.Keyboard.PressAsync("Tab");
        }
        await page.Locator("#permit-save").ClickAsync();
        await Assertions.Expect(page.Locator("#clock-result")).ToContainTextAsync("已实现拿地即开工");
        await Assertions.Expect(page.Locator("#permit-clock .clock-ok")).ToHaveCountAsync(4);
        await page.ShotAsync("project-clock-desktop");

        // The landing figures now count the new key project among 2023's signed and landed ones.
        await page.GotoAsync("/projects");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#fig-signed")).ToContainTextAsync("43");
        await Assertions.Expect(page.Locator("#fig-signed")).ToContainTextAsync("156.66 亿元");
        await Assertions.Expect(page.Locator("#fig-landed")).ToContainTextAsync("15");
        await Assertions.Expect(page.Locator("#fig-landed")).ToContainTextAsync("19.90 亿元");
    }

    [Fact]
    public async Task A_unit_user_sees_only_the_needs_assigned_to_its_unit()
    {
        var office = await browser.NewPageAsync(fixture.Host.BaseUrl);
        await office.SignInAsync("office");
        await office.GotoAsync("/projects/1");
        await office.WaitForInteractiveAsync();
        await office.GetByRole(AriaRole.Tab, new() { Name = "个性需求" }).ClickAsync();
        var mine = $"员工宿舍用地协调 {Guid.NewGuid().ToString("N")[..4]}";
        var theirs = $"公交专线开通 {Guid.NewGuid().ToString("N")[..4]}";
        foreach (var (text, unitName, type) in new[] { (mine, "市自然资源局", "住房"), (theirs, "市交通运输局", "公交专线") })
        {
            await office.SelectAsync("need-type", type, exact: true);
            await office.FillAsync("#need-text", text);
            await office.SelectAsync("need-unit", unitName, exact: true);
            await office.FillAsync("#need-due", DateTime.Today.AddDays(20).ToString("yyyy-MM-dd"));
            await office.Keyboard.PressAsync("Tab");
            await office.Locator("#need-add").ClickAsync();
            await Assertions.Expect(office.Locator(".needs-table")).ToContainTextAsync(text);
        }

        var unit = await browser.NewPageAsync(fixture.Host.BaseUrl, 375, 812);
        await unit.SignInAsync("unit");
        await unit.GotoAsync("/projects/needs");
        await unit.WaitForInteractiveAsync();
        var needs = unit.Locator("#needs");
        await Assertions.Expect(needs).ToContainTextAsync(mine);
        await Assertions.Expect(needs).Not.ToContainTextAsync(theirs);
        var row = needs.Locator($"tr[data-need='{mine}']");
        await row.Locator(".need-answer input").FillAsync("已协调公租房 20 套");
        await row.Locator(".need-done").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("已办结");
        await unit.ShotAsync("needs-unit-phone");

        // The project register itself is not open to a Unit user.
        await unit.GotoAsync("/projects");
        Assert.Contains("/account/denied", unit.Url);
    }
}
