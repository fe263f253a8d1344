using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QiyangConsole.Data;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Infrastructure.Excel;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.E2E;

[Collection(HostCollection.Name)]
public class EnterpriseBrowserTests(HostFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task A_steward_on_a_phone_logs_a_visit_and_turns_the_problem_found_into_a_need_the_unit_then_sees()
    {
        var page = await browser.NewPageAsync(fixture.Host.BaseUrl, 375, 812);
        await page.SignInAsync("steward");
        await page.GotoAsync("/visits");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#visit-overdue")).ToContainTextAsync("超期未走访企业");
        await page.Locator("#visit-new").ClickAsync();
        await page.WaitForURLAsync("**/visits/new");
        await page.WaitForInteractiveAsync();

        // A few taps: enterprise, two duties, what was done, the problem found. The date defaults to today.
        var problem = $"企业急需招聘普工 30 名（{Guid.NewGuid().ToString("N")[..4]}）";
        await page.SelectAsync("visit-enterprise", "湖南坤能新材料有限公司");
        await page.Locator("[data-duty='信息员']").ClickAsync();
        await page.Locator("[data-duty='保障员']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-duty='保障员']")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.FillAsync("#visit-done", "宣讲稳岗补贴政策，查看企业生产和安全情况");
        await page.FillAsync("#visit-problems", problem);
        await AssertNoSidewaysScrollAsync(page);
        await page.ShotAsync("visit-new-phone");
        await page.Locator("#visit-save").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/visits/\d+$"));
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#visit-problem")).ToHaveTextAsync(problem);
        await Assertions.Expect(page.Locator("#visit-detail")).ToContainTextAsync("信息员");

        // The problem becomes an enterprise need for 市自然资源局 (the text and a deadline are filled in already).
        await page.SelectAsync("need-type", "其他");
        await page.SelectAsync("need-unit", "市自然资源局");
        await page.Locator("#need-go").ClickAsync();
        await Assertions.Expect(page.Locator("#visit-need-done")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#to-need")).ToHaveCountAsync(0);
        await AssertNoSidewaysScrollAsync(page);
        await page.ShotAsync("visit-need-phone");

        // The visit is on the steward's list and on the enterprise; the unit finds the need on its list.
        await page.GotoAsync("/visits");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator(".visit-card").First).ToContainTextAsync("已转企业需求");
        var unit = await browser.NewPageAsync(fixture.Host.BaseUrl, 375, 812);
        await unit.SignInAsync("unit");
        await unit.GotoAsync("/projects/needs");
        await unit.WaitForInteractiveAsync();
        var row = unit.Locator($"tr[data-need='{problem}']");
        await Assertions.Expect(row).ToContainTextAsync("湖南坤能新材料有限公司");
        await Assertions.Expect(row).ToContainTextAsync("待办");
    }

    [Fact]
    public async Task A_steward_sees_only_its_own_enterprises_and_cannot_open_another_stewards_by_url()
    {
        int theirs, mine;
        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var steward = await db.Users.SingleAsync(u => u.UserName == "steward");
            theirs = await db.Enterprises.Where(e => e.StewardId != steward.Id).Select(e => e.Id).FirstAsync();
            mine = await db.Enterprises.Where(e => e.StewardId == steward.Id).Select(e => e.Id).FirstAsync();
        }
        var page = await browser.NewPageAsync(fixture.Host.BaseUrl, 375, 812);
        await page.SignInAsync("steward");
        await page.GotoAsync("/enterprises");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("我的企业");
        await Assertions.Expect(page.Locator("#enterprises")).ToContainTextAsync("共 24 条");

        await page.GotoAsync($"/enterprises/{theirs}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#enterprise-refused")).ToHaveTextAsync(EnterpriseService.NotYours);
        await Assertions.Expect(page.Locator("#enterprise-info")).ToHaveCountAsync(0);
        await page.ShotAsync("enterprise-refused-phone");
        await page.GotoAsync($"/enterprises/{theirs}/card");
        await Assertions.Expect(page.Locator("#card-error")).ToHaveTextAsync(EnterpriseService.NotYours);
        await Assertions.Expect(page.Locator(".card-sheet")).ToHaveCountAsync(0);
        var export = await page.APIRequest.GetAsync($"/enterprises/export.xlsx");
        using (var wb = new XLWorkbook(new MemoryStream(await export.BodyAsync())))
            Assert.Equal(ListWriter.FirstDataRow + 23, wb.Worksheet(1).LastRowUsed().RowNumber()); // title, filter, header + its 24

        var visitsExport = await page.APIRequest.GetAsync("/visits/export.xlsx");
        int myVisits;
        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var steward = await db.Users.SingleAsync(u => u.UserName == "steward");
            myVisits = await db.Visits.CountAsync(v => v.StewardId == steward.Id || v.Enterprise!.StewardId == steward.Id);
        }
        using (var wb = new XLWorkbook(new MemoryStream(await visitsExport.BodyAsync())))
        {
            Assert.Equal(ListWriter.FirstDataRow - 1 + myVisits, wb.Worksheet(1).LastRowUsed().RowNumber());
            Assert.Equal("履行职责", wb.Worksheet(1).Cell(ListWriter.FirstDataRow - 1, 5).GetString());
        }

        await page.GotoAsync($"/enterprises/{mine}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#enterprise-steward")).ToContainTextAsync("企业管家 陈晓");
        await Assertions.Expect(page.Locator("#visit-log")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page);
    }

    [Fact]
    public async Task The_office_imports_enterprises_all_or_valid_only_and_prints_a_contact_card()
    {
        var page = await browser.NewPageAsync(fixture.Host.BaseUrl);
        await page.SignInAsync("office");
        await page.GotoAsync("/enterprises");
        await page.WaitForInteractiveAsync();
        await page.Locator("#enterprise-import").ClickAsync();
        var template = await page.APIRequest.GetAsync("/enterprises/template.xlsx");
        Assert.Equal(200, template.Status);

        var tag = Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        var good = $"湖南祁阳导入测试{tag}有限公司";
        var file = Workbook(await template.BodyAsync(),
            [good, Code(tag, 1), "新材料", "是", "科技工业园", "祁阳高新区创业大道 1 号", "王五", "13800000000"],
            [$"坏代码{tag}有限公司", "91431181MA4L00000X", "新材料", "否", "", "", "", ""],
            ["", Code(tag, 2), "新材料", "否", "", "", "", ""]);
        await page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = "enterprises.xlsx", MimeType = Xlsx, Buffer = file });
        await page.Locator("#import-go").ClickAsync();
        var errors = page.Locator("#import-errors");
        await Assertions.Expect(errors).ToContainTextAsync("导入失败，未导入任何数据");
        await Assertions.Expect(errors).ToContainTextAsync("第 3 行 统一社会信用代码 列");
        await Assertions.Expect(errors).ToContainTextAsync("第 4 行 企业名称 列：企业名称不能为空");
        await page.ShotAsync("enterprise-import-refused");

        await page.Locator("#import-valid-only").ClickAsync();
        await page.Locator("#import-go").ClickAsync();
        await Assertions.Expect(page.Locator("#import-done")).ToContainTextAsync("已导入 1 家企业");
        await Assertions.Expect(errors).ToContainTextAsync("已跳过（第 3、4 行）");

        // The new enterprise has no steward yet: coverage drops below 100% and it is listed as uncovered.
        await page.GotoAsync("/enterprises/stewards");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#uncovered")).ToContainTextAsync(good);
        await page.Locator($"[data-uncovered='{good}'] input").CheckAsync();
        await page.SelectAsync("uncovered-steward", "企业管家 陈晓");
        await page.Locator("#uncovered-assign").ClickAsync();
        await Assertions.Expect(page.Locator("#uncovered")).ToContainTextAsync("全部企业已配备企业管家");
        await Assertions.Expect(page.Locator("#fig-coverage")).ToContainTextAsync("100%");

        // Its contact card carries the steward and the five departments' 24-hour contacts.
        await page.GotoAsync("/enterprises");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#enterprise-search-text", good);
        await page.Locator("#enterprise-search").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = good }).ClickAsync();
        await page.WaitForURLAsync("**/enterprises/*");
        await Assertions.Expect(page.Locator("#steward-history")).ToContainTextAsync("企业管家 陈晓");
        await page.GotoAsync(page.Url + "/card");
        var card = page.Locator(".card-sheet");
        await Assertions.Expect(card).ToContainTextAsync("企业服务爱心联络卡");
        await Assertions.Expect(card).ToContainTextAsync("企业管家 陈晓");
        foreach (var department in new[] { "祁阳高新区", "市人力资源和社会保障局", "市医疗保障局", "市卫生健康局", "国网祁阳市供电公司" })
            await Assertions.Expect(card).ToContainTextAsync(department);
        await page.ShotAsync("contact-card-a6");
    }

    private static string Code(string tag, int n)
    {
        var body = "91431181MA4" + new string(tag.Select(c => CreditCode.Alphabet.Contains(c) ? c : '0').ToArray()) + n.ToString("00");
        return body + CreditCode.CheckCharacter(body);
    }

    private static byte[] Workbook(byte[] template, params string[][] rows)
    {
        using var wb = new XLWorkbook(new MemoryStream(template));
        var ws = wb.Worksheet(1);
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
                ws.Cell(r + 2, c + 1).Text(rows[r][c]);
        return wb.ToBytes();
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= page.ViewportSize!.Width + 1, "the page scrolls sideways");
}
