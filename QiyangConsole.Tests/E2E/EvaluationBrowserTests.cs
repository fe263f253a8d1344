using ClosedXML.Excel;
using Microsoft.Playwright;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.E2E;

[Collection(HostCollection.Name)]
public class EvaluationBrowserTests(HostFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_office_runs_one_whole_month_from_findings_to_the_downloaded_circular()
    {
        var page = await browser.NewPageAsync(fixture.Host.BaseUrl);
        await page.SignInAsync("office");
        await page.GotoAsync("/evaluation");
        await page.WaitForInteractiveAsync();

        // A new month: June 2023.
        await page.SelectAsync("new-period-month", "6月", exact: true);
        await page.Locator("#new-period").ClickAsync();
        await page.WaitForURLAsync("**/evaluation/periods/*");
        var periodUrl = page.Url;
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("2023年6月考核");

        // 督查: an inspection and a finding with a deduction.
        await page.FillAsync("#inspection-title", "6月专项督查");
        await page.Locator("#inspection-add").ClickAsync();
        var inspection = page.Locator(".inspection").First;
        await Assertions.Expect(inspection).ToContainTextAsync("6月专项督查");
        await inspection.Locator(".finding-new div.mud-select").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "市水利局" }).ClickAsync();
        await inspection.Locator(".finding-description input").FillAsync("重点项目用地报批滞后");
        await inspection.Locator(".finding-deduction input").FillAsync("3");
        await inspection.Locator(".finding-add").ClickAsync();
        await Assertions.Expect(inspection).ToContainTextAsync("重点项目用地报批滞后");

        // 评分: a bad file is refused whole, a good one imports.
        await page.GetByRole(AriaRole.Tab, new() { Name = "评分表" }).ClickAsync();
        var template = await page.APIRequest.GetAsync(periodUrl.Replace(fixture.Host.BaseUrl, "") + "/template.xlsx");
        Assert.Equal(200, template.Status);
        var templateBytes = await template.BodyAsync();
        var bad = FillTemplate(templateBytes, (row, col) => row == 3 && col == 3 ? "九十" : row == 4 && col == 3 ? "99" : "20");
        var errors = page.Locator("#import-errors");
        await page.UploadUntilAsync(new FilePayload { Name = "bad.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = bad }, errors);
        await Assertions.Expect(errors).ToContainTextAsync("第 3 行 C 列");
        await Assertions.Expect(errors).ToContainTextAsync("不是数字");
        await Assertions.Expect(errors).ToContainTextAsync("第 4 行 C 列");
        var good = FillTemplate(templateBytes, (row, col) => col switch { 3 or 4 => (20 + row % 5).ToString(), 5 => "18", 6 => "9", 7 => row % 7 == 0 ? "1" : "0", 8 => "0", _ => "0" });
        await page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = "good.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = good });
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "导入成功" })).ToBeVisibleAsync();
        await Assertions.Expect(errors).ToHaveCountAsync(0);
        var shuili = page.Locator("#score-sheet tr[data-unit='市水利局']");
        await Assertions.Expect(shuili).ToContainTextAsync("17");   // 20 − 3 from the finding

        // A manual correction of one cell.
        var cell = shuili.Locator("input[data-indicator='服务企业成效']");
        await cell.FillAsync("6");
        await cell.DispatchEventAsync("change");
        await page.Locator("#scores-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "保存成功" })).ToBeVisibleAsync();

        // 审核 → 排名 (the Hangfire job, with progress) → 通报.
        await page.Locator("#period-review").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Assertions.Expect(page.Locator("#period-steps .current")).ToContainTextAsync("已审核");
        await page.GetByRole(AriaRole.Tab, new() { Name = "排名" }).ClickAsync();
        await page.Locator("#ranking-run").ClickAsync();
        await Assertions.Expect(page.Locator("#ranking-status")).ToContainTextAsync("完成", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#period-steps .current")).ToContainTextAsync("已排名");
        var tables = page.Locator(".ranking-table");
        await Assertions.Expect(tables).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator(".ranking-table .lagging-row")).Not.ToHaveCountAsync(0);
        await page.ShotAsync("evaluation-ranking-desktop");

        await page.GetByRole(AriaRole.Tab, new() { Name = "通报" }).ClickAsync();
        await Assertions.Expect(page.Locator("#circular-number")).ToHaveValueAsync("6");
        await page.Locator("#circular-issue").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Assertions.Expect(page.Locator("#period-steps .current")).ToContainTextAsync("已通报");
        await Assertions.Expect(page.Locator("#amendments")).ToBeVisibleAsync();
        await page.ShotAsync("evaluation-circular-desktop");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#circular-download").ClickAsync());
        var path = Path.Combine(BrowserFixture.ScreenshotDirectory, "circular-2023-06.xlsx");
        await download.SaveAsAsync(path);
        using var wb = new XLWorkbook(path);
        var ws = wb.Worksheets.First();
        Assert.Equal("祁优专〔2023〕6号", ws.Cell(2, 1).GetString());
        Assert.Contains(ws.CellsUsed(), c => c.GetString() == "关于2023年6月全市优化发展环境\n工作考核排名情况的通报");   // on the two lines GongwenTitle chooses
        Assert.Contains(ws.CellsUsed(), c => c.GetString().Contains("对以下排名后进单位予以通报批评"));

        // The same circular as a Word document, beside the Excel button; the pre-printed-paper box changes both links.
        var word = await page.RunAndWaitForDownloadAsync(() => page.Locator("#circular-download-word").ClickAsync());
        var docx = Path.Combine(BrowserFixture.ScreenshotDirectory, "circular-2023-06.docx");
        await word.SaveAsAsync(docx);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docx, false))
        {
            var texts = document.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Contains("祁优专〔2023〕6号", texts);
            Assert.Contains("关于2023年6月全市优化发展环境工作考核排名情况的通报", texts);
        }
        Assert.EndsWith(".docx", word.SuggestedFilename);
        await Assertions.Expect(page.Locator("#circular-download-word")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/evaluation/periods/\d+/circular\.docx$"));
        await page.GetByText("套红头纸（不打印版头）").ClickAsync();
        await Assertions.Expect(page.Locator("#circular-download-word")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/evaluation/periods/\d+/circular\.docx\?preprinted=true$"));
        await Assertions.Expect(page.Locator("#circular-download")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/evaluation/periods/\d+/circular\.xlsx\?preprinted=true$"));
        await page.ShotAsync("evaluation-circular-downloads-desktop");
    }

    [Fact]
    public async Task A_unit_user_sees_its_own_scores_and_rank_but_cannot_open_or_change_the_sheets()
    {
        var page = await browser.NewPageAsync(fixture.Host.BaseUrl);
        await page.SignInAsync("unit");
        var drawer = page.Locator(".mud-drawer");
        await Assertions.Expect(drawer.GetByText("本单位考核", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(drawer.GetByText("月度考核", new() { Exact = true })).ToHaveCountAsync(0);

        await page.GotoAsync("/evaluation/mine");
        await page.WaitForInteractiveAsync();
        var table = page.Locator("#my-scores");
        await Assertions.Expect(table).ToContainTextAsync("5月");
        Assert.True(await table.Locator("tbody tr").CountAsync() >= 5, "January to May are seeded");
        var january = table.Locator("tbody tr").First;
        await Assertions.Expect(january).ToContainTextAsync("1月");
        await Assertions.Expect(january).ToContainTextAsync("已通报");
        await Assertions.Expect(table.Locator("input")).ToHaveCountAsync(0);
        // The trend: a line of the unit's place by month, and the same in words, ending with the latest ranked month's place.
        await Assertions.Expect(page.Locator("#rank-trend svg")).ToHaveCountAsync(1);
        var summary = page.Locator("#rank-summary");
        await Assertions.Expect(summary).ToContainTextAsync("已排名");
        var places = (await table.Locator("tbody tr td:nth-last-child(2)").AllInnerTextsAsync()).Where(t => t.Trim().Length > 0).ToList();
        Assert.Contains($"月第 {places[^1].Trim()} 名", await summary.InnerTextAsync());
        Assert.Contains($"已排名 {places.Count} 个月", await summary.InnerTextAsync());
        await page.ShotAsync("evaluation-mine-phone-width-check");

        await page.GotoAsync("/evaluation/periods/1");
        Assert.Contains("/account/denied", page.Url);
        var template = await page.APIRequest.GetAsync("/evaluation/periods/1/template.xlsx", new() { MaxRedirects = 0 });
        Assert.Equal(302, template.Status);
        Assert.Contains("/account/denied", template.Headers["location"]);
        // An issued circular is public to every signed-in role.
        var circular = await page.APIRequest.GetAsync("/evaluation/periods/1/circular.xlsx");
        Assert.Equal(200, circular.Status);
    }

    [Fact]
    public async Task Screenshots_of_the_evaluation_pages()
    {
        foreach (var (width, height, suffix) in new[] { (1366, 860, "desktop"), (375, 812, "phone") })
        {
            var page = await browser.NewPageAsync(fixture.Host.BaseUrl, width, height);
            await page.SignInAsync("office");
            foreach (var (path, name) in new[] { ("/evaluation", "evaluation"), ("/evaluation/periods/5", "period-may"), ("/evaluation/quarters/2023/1", "quarter-q1"), ("/evaluation/schemes/2023", "scheme") })
            {
                await page.GotoAsync(path);
                await page.WaitForInteractiveAsync();
                await page.WaitForTimeoutAsync(400);  // let the circuit fill the page (a live WebSocket keeps "network idle" from ever settling)
                await page.ShotAsync($"{name}-{suffix}");
            }
            await page.GotoAsync("/evaluation/quarters/2023/1");
            await Assertions.Expect(page.Locator("#statement-count")).ToContainTextAsync("表态发言：1 个单位");  // Q1 2023: only 市水利局 lagged in two months of the quarter (the seed as of 2023-05-18)
            await page.GotoAsync("/evaluation/periods/5/print");
            await page.WaitForTimeoutAsync(400);  // let the circuit fill the page (a live WebSocket keeps "network idle" from ever settling)
            await page.ShotAsync($"circular-print-{suffix}");
        }
    }

    private static byte[] FillTemplate(byte[] template, Func<int, int, string> value)
    {
        using var wb = new XLWorkbook(new MemoryStream(template));
        var ws = wb.Worksheets.First();
        var lastRow = ws.LastRowUsed()!.RowNumber();
        var lastCol = ws.Row(2).LastCellUsed()!.Address.ColumnNumber;
        for (var r = 3; r <= lastRow; r++)
            for (var c = 3; c <= lastCol; c++)
                ws.Cell(r, c).SetValue(value(r, c));
        using var stream = new MemoryStream();
        wb.SaveAs(stream);
        return stream.ToArray();
    }
}
