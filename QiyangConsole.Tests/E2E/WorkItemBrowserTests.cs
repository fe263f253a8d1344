using Microsoft.Playwright;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.E2E;

[Collection(HostCollection.Name)]
public class WorkItemBrowserTests(HostFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_item_goes_the_whole_loop_between_the_office_and_the_lead_unit()
    {
        var office = await browser.NewPageAsync(fixture.Host.BaseUrl);
        await office.SignInAsync("office");
        await office.GotoAsync("/work-items");
        await office.WaitForInteractiveAsync();

        // 立项
        await office.Locator("#work-item-add").ClickAsync();
        var title = $"园区道路亮化工程推进 {Guid.NewGuid().ToString("N")[..6]}";
        await office.FillAsync("#wi-title", title);
        await office.SelectAsync("wi-source", "会议");
        await office.SelectAsync("wi-lead", "市自然资源局");
        var deadline = DateTime.Today.AddDays(40).ToString("yyyy-MM-dd");
        await office.FillAsync("#wi-deadline", deadline);
        await office.Keyboard.PressAsync("Tab");
        await office.WaitForPopoversClosedAsync();
        await office.ClickToNavigateAsync("#wi-save", "**/work-items/*");
        var itemPath = new Uri(office.Url).AbsolutePath;
        await Assertions.Expect(office.Locator("h1")).ToHaveTextAsync(title);

        // 交办
        await office.Locator("#wi-assign").ClickAsync();
        await Assertions.Expect(office.Locator("#wi-state")).ToHaveTextAsync("已交办");

        // 承办, progress and an extension request by the lead unit
        var unit = await browser.NewPageAsync(fixture.Host.BaseUrl, 375, 812);
        await unit.SignInAsync("unit");
        await unit.GotoAsync(itemPath);
        await unit.WaitForInteractiveAsync();
        await unit.Locator("#wi-accept").ClickAsync();
        await Assertions.Expect(unit.Locator("#wi-state")).ToHaveTextAsync("办理中");
        await unit.FillAsync("#wi-progress-text", "已完成路灯选型和招标文件编制");
        await unit.FillAsync("#wi-progress-percent", "60");
        await unit.Locator("#wi-progress-save").ClickAsync();
        await Assertions.Expect(unit.Locator("#wi-timeline")).ToContainTextAsync("已完成路灯选型和招标文件编制");
        await unit.GetByRole(AriaRole.Tab, new() { Name = "申请延期" }).ClickAsync();
        await unit.FillAsync("#wi-extension-date", DateTime.Today.AddDays(55).ToString("yyyy-MM-dd"));
        await unit.Keyboard.PressAsync("Tab");
        await unit.FillAsync("#wi-extension-reason", "电力接入需等待供电公司排期");
        await unit.Locator("#wi-extension-submit").ClickAsync();
        await Assertions.Expect(unit.Locator("#wi-timeline")).ToContainTextAsync("电力接入需等待供电公司排期");
        await unit.ShotAsync("work-item-unit-phone");

        // The office approves the extension
        await office.ReloadAsync();
        await office.WaitForInteractiveAsync();
        await Assertions.Expect(office.Locator("#wi-extension-pending")).ToBeVisibleAsync();
        await office.Locator("#wi-extension-approve").ClickAsync();
        await Assertions.Expect(office.Locator("#wi-deadline-text")).ToContainTextAsync(DateTime.Today.AddDays(55).ToString("yyyy-MM-dd"));

        // 销号 submitted → returned → resubmitted → approved
        await unit.ReloadAsync();
        await unit.WaitForInteractiveAsync();
        await unit.GetByRole(AriaRole.Tab, new() { Name = "申请销号" }).ClickAsync();
        await unit.Locator("#wi-closeout-submit").ClickAsync();
        await Assertions.Expect(unit.Locator(".mud-snackbar", new() { HasText = "销号申请须填写办结情况" })).ToBeVisibleAsync();
        await unit.FillAsync("#wi-closeout-evidence", "工程已完工");
        await unit.Locator("#wi-closeout-submit").ClickAsync();
        await Assertions.Expect(unit.Locator("#wi-state")).ToHaveTextAsync("销号审核中");

        await office.ReloadAsync();
        await office.WaitForInteractiveAsync();
        await office.FillAsync("#wi-return-reason", "缺少竣工验收材料");
        await office.Locator("#wi-return").ClickAsync();
        await Assertions.Expect(office.Locator("#wi-state")).ToHaveTextAsync("审核退回");

        await unit.ReloadAsync();
        await unit.WaitForInteractiveAsync();
        await Assertions.Expect(unit.Locator("#wi-timeline")).ToContainTextAsync("缺少竣工验收材料");
        await unit.GetByRole(AriaRole.Tab, new() { Name = "申请销号" }).ClickAsync();
        await unit.FillAsync("#wi-closeout-evidence", "工程已完工，竣工验收报告已补充");
        await unit.Locator("#wi-closeout-submit").ClickAsync();
        await Assertions.Expect(unit.Locator("#wi-state")).ToHaveTextAsync("销号审核中");

        await office.ReloadAsync();
        await office.WaitForInteractiveAsync();
        await office.Locator("#wi-approve").ClickAsync();
        await Assertions.Expect(office.Locator("#wi-state")).ToHaveTextAsync("已销号");
        var timeline = office.Locator("#wi-timeline");
        foreach (var step in new[] { "立项", "交办", "承办", "进展", "延期申请", "延期批准", "销号申请", "审核退回", "销号" })
            await Assertions.Expect(timeline).ToContainTextAsync(step);
        await office.ShotAsync("work-item-closed-desktop");

        // The unit's actions are gone once closed, and the board shows it closed.
        await unit.ReloadAsync();
        await unit.WaitForInteractiveAsync();
        await Assertions.Expect(unit.Locator("#wi-actions button")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_viewer_sees_the_public_board_and_cannot_change_anything()
    {
        var page = await browser.NewPageAsync(fixture.Host.BaseUrl);
        await page.SignInAsync("viewer");
        await page.GotoAsync("/work-items");
        await page.WaitForInteractiveAsync();
        var board = page.Locator("#board");
        await Assertions.Expect(board).ToContainTextAsync("壕鑫纺织项目用地报批");
        await Assertions.Expect(board.Locator(".light-red").First).ToBeVisibleAsync();
        await Assertions.Expect(board.Locator(".light-green").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#work-item-add")).ToHaveCountAsync(0);
        await page.ShotAsync("work-items-board-viewer-desktop");

        await board.GetByText("壕鑫纺织项目用地报批").ClickAsync();
        await page.WaitForURLAsync("**/work-items/*");
        await Assertions.Expect(page.Locator("#wi-timeline")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#wi-actions")).ToHaveCountAsync(0);

        var export = await page.APIRequest.GetAsync("/work-items/export.xlsx?light=Red");
        Assert.Equal(200, export.Status);
        var settlement = await page.APIRequest.GetAsync("/work-items/settlement", new() { MaxRedirects = 0 });
        Assert.Equal(302, settlement.Status);
        Assert.Contains("/account/denied", settlement.Headers["location"]);
    }
}
