using System.Diagnostics;
using QiyangConsole.Features.Evaluation.Export;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Excel;
using QiyangConsole.Tests.Support;
using Xunit.Abstractions;

namespace QiyangConsole.Tests.Data.Evaluation;

/// <summary>
/// An independent reader of the files: LibreOffice converts the Word and the Excel circular to PDF headlessly, and the
/// PDF's pages (MediaBox) and text (pdftotext) are checked. Skipped only where LibreOffice is absent and CI is not set.
/// </summary>
public class CircularPdfTests(ITestOutputHelper output)
{
    private const double A4Width = 595.3, A4Height = 841.9;

    [LibreOfficeFact]
    public async Task The_word_circular_converts_to_A4_pages_with_every_part_and_outer_page_numbers()
    {
        var (doc, circular) = await CircularDocumentTests.MayAsync();
        var parts = CircularParts.From(doc);
        var dir = Folder();
        var file = Path.Combine(dir, "circular-2023-05.docx");
        await File.WriteAllBytesAsync(file, CircularWord.Build(parts, preprinted: false));

        var watch = Stopwatch.StartNew();
        var pdf = await LibreOffice.ToPdfAsync(file);
        output.WriteLine($"docx → pdf: {watch.ElapsedMilliseconds} ms ({pdf})");
        var boxes = LibreOffice.MediaBoxes(pdf);
        var pages = await LibreOffice.PagesAsync(pdf);

        Assert.Equal(pages.Length, boxes.Count);
        Assert.InRange(pages.Length, 2, 4);
        Assert.All(boxes, b => { Assert.Equal(A4Width, b.Width, 0.5); Assert.Equal(A4Height, b.Height, 0.5); });
        var text = Flat(string.Concat(pages));
        var date = AppTime.DocumentDate(circular.IssueDate!.Value);
        foreach (var part in new[]
                 {
                     parts.Mark, "祁优专〔2023〕5号", circular.Title, "市直相关单位、各乡镇（街道）、祁阳高新区：", circular.Summary!, "一、考核排名情况",
                     "（一）市直单位排名情况", "二、通报批评", string.Join("、", doc.CriticisedUnits), date, "报：" + circular.ReportTo, date + "印发",
                 })
            Assert.Contains(Flat(part), text);
        Assert.All(doc.Rankings, r => Assert.Contains(r.UnitName, text));
        Assert.StartsWith(Flat(parts.Mark), Flat(pages[0]));   // the mark is the first thing on the page
        // … its top 35 mm below the 37 mm top margin: 72 mm = 204 pt from the top of the page (the glyphs sit a little inside their line).
        var (first, top) = await LibreOffice.FirstWordAsync(pdf);
        output.WriteLine($"first word '{first}' at {top:0.0} pt from the top ({top * 25.4 / 72:0.0} mm)");
        Assert.StartsWith(first[..2], parts.Mark);
        Assert.InRange(top, 202, 216);
        Assert.True(text.IndexOf(Flat(circular.Title), StringComparison.Ordinal) < text.IndexOf(Flat("一、考核排名情况"), StringComparison.Ordinal));
        Assert.True(text.LastIndexOf(Flat(parts.Signature), StringComparison.Ordinal) < text.IndexOf(Flat(date + "印发"), StringComparison.Ordinal));

        // 页码 on the outer side: the number's line sits right on odd pages and left on even pages.
        for (var i = 0; i < pages.Length; i++)
        {
            var line = pages[i].Split('\n').Last(l => Flat(l) == $"—{i + 1}—");
            var indent = line.Length - line.TrimStart().Length;
            output.WriteLine($"page {i + 1}: number line indented {indent}: '{line.Trim()}'");
            if (i % 2 == 0) Assert.True(indent > 40, $"page {i + 1} (odd) has its number on the left: '{line}'");
            else Assert.True(indent < 10, $"page {i + 1} (even) has its number on the right: '{line}'");
        }

        // The body on the grid: the summary's lines hold 28 characters (the last one fewer, the first 26 after its indent).
        var summaryLines = pages[0].Split('\n').Select(Flat).Where(l => l.Length >= 8 && Flat(circular.Summary!).Contains(l)).ToList();
        output.WriteLine("summary lines: " + string.Join(" | ", summaryLines.Select(l => GongwenLayout.WidthInChars(l))));
        // LibreOffice spreads some grid lines wider than Word does, but a 16 pt character must take one cell of the grid
        // (two would halve the line to 14): the summary keeps to the lines 28 characters a line need, and one more.
        var needed = (int)Math.Ceiling((GongwenLayout.WidthInChars(circular.Summary) + 2) / 28);
        Assert.InRange(summaryLines.Count, needed, needed + 1);
        Assert.All(summaryLines, l => Assert.True(GongwenLayout.WidthInChars(l) <= 28, l));
        // … and every line but the last is full: 26 characters after the indent, then 27 or 28 (a character grid once
        // left 12 to 14 characters spread over a justified line).
        Assert.All(summaryLines.SkipLast(1), l => Assert.True(GongwenLayout.WidthInChars(l) >= 25.5, $"{GongwenLayout.WidthInChars(l)}: {l}"));

        // The title on two lines, broken after 环境 (words whole, the upper line the longer).
        var lines = pages[0].Split('\n').Select(Flat).ToList();
        var titleAt = lines.IndexOf("关于2023年5月全市优化发展环境");
        Assert.True(titleAt > 0, string.Join(" | ", lines));
        Assert.Equal("工作考核排名情况的通报", lines[titleAt + 1]);

        // The 版记 at the foot of the last page, its last rule on the lower edge of the text area; no page added.
        Assert.Equal(3, pages.Length);
        await AssertClosingAtFootAsync(pdf, pages, parts);
    }

    /// <summary>
    /// However long the body, the 版记 stands at the foot of the last page (§7.4.1), below the name and date, which are
    /// on that page too: the body is lengthened a line at a time through the point where the name no longer fits above it.
    /// </summary>
    [LibreOfficeFact]
    public async Task The_closing_block_stays_at_the_foot_of_the_last_page_whatever_the_length_of_the_body()
    {
        var (doc, _) = await CircularDocumentTests.MayAsync();
        var parts = CircularParts.From(doc);
        var dir = Folder();
        var seen = new HashSet<int>();
        foreach (var extra in new[] { 1, 2, 3, 8 })
        {
            var longer = parts with { Body = [.. parts.Body, .. Enumerable.Range(1, extra).Select(i => new CircularBlock(BlockKind.Paragraph, $"补充说明第{i}项。"))] };
            var file = Path.Combine(dir, $"circular-plus-{extra}.docx");
            await File.WriteAllBytesAsync(file, CircularWord.Build(longer, preprinted: false));
            var pdf = await LibreOffice.ToPdfAsync(file);
            var pages = await LibreOffice.PagesAsync(pdf);
            var last = pages[^1].Split('\n').Select(Flat).Where(l => l.Length > 0).ToList();
            output.WriteLine($"+{extra} lines: {pages.Length} pages; the last page starts '{last.FirstOrDefault()}'");
            seen.Add(pages.Length);
            await AssertClosingAtFootAsync(pdf, pages, longer);
        }
        Assert.Equal([3, 4], seen.Order());   // the name moved on to a page of its own with the 版记 at least once
    }

    /// <summary>The 版记 on the last page under the name and date, its rules as wide as the text area, the last on the text area's lower edge.</summary>
    private async Task AssertClosingAtFootAsync(string pdf, string[] pages, CircularParts parts)
    {
        const double textBottom = (GongwenLayout.PageHeightMm - GongwenLayout.BottomMm) * 72 / 25.4;   // 742.7 pt
        const double textLeft = GongwenLayout.LeftMm * 72 / 25.4, textRight = (GongwenLayout.PageWidthMm - GongwenLayout.RightMm) * 72 / 25.4;
        var page = pages.Length;
        var words = await LibreOffice.WordsAsync(pdf, page);
        // pdftotext cuts the date's digits from its characters where LibreOffice spaces them: words are found by how they start or end.
        var printedBy = words.Single(w => w.Text.StartsWith(parts.PrintedBy, StringComparison.Ordinal));
        var printDate = words.Last(w => w.Text.EndsWith("印发", StringComparison.Ordinal));
        Assert.Equal(printedBy.Top, printDate.Top, 1.0);   // 印发机关 and 印发日期 on one line
        var signature = words.Last(w => w.Text == parts.Signature);
        var date = words.Last(w => w.Text.StartsWith(parts.Date[..4], StringComparison.Ordinal) && w.Bottom < printedBy.Top - 30);
        Assert.True(signature.Bottom < date.Top && date.Bottom < printedBy.Top, $"name {signature.Top:0}, date {date.Top:0}, 版记 {printedBy.Top:0}");
        var copy = words.First(w => w.Text.StartsWith(parts.CopyLines[0][..3], StringComparison.Ordinal));

        var rules = (await LibreOffice.RulesAsync(pdf, page, 400)).Where(r => r.Top > date.Bottom).ToList();
        output.WriteLine($"page {page}: name at {signature.Top:0.0}, date at {date.Top:0.0}, 抄送 at {copy.Top:0.0}, printing line at {printedBy.Top:0.0}; rules below the date: "
                         + string.Join(", ", rules.Select(r => $"{r.Top:0.0}–{r.Bottom:0.0} ({r.Left:0}–{r.Right:0})")));
        Assert.Equal(3, rules.Count);   // thick above 抄送, thin above the printing line, thick below it
        Assert.All(rules, r => { Assert.Equal(textLeft, r.Left, 2.0); Assert.Equal(textRight, r.Right, 2.0); });
        Assert.True(rules[0].Bottom <= copy.Top && copy.Bottom <= rules[1].Top + 1 && rules[1].Bottom <= printedBy.Top && printedBy.Bottom <= rules[2].Top + 1);
        Assert.InRange(rules[2].Bottom, textBottom - 1.5, textBottom + 1.5);
        Assert.True(rules[0].Bottom - rules[0].Top > rules[1].Bottom - rules[1].Top, "the first rule is thicker than the middle one");
    }

    [LibreOfficeFact]
    public async Task The_excel_circular_converts_to_A4_pages_whose_tables_are_never_cut_across()
    {
        var (doc, circular) = await CircularDocumentTests.MayAsync();
        var dir = Folder();
        var file = Path.Combine(dir, "circular-2023-05.xlsx");
        await File.WriteAllBytesAsync(file, CircularWorkbook.Bytes(doc, false));

        var watch = Stopwatch.StartNew();
        var pdf = await LibreOffice.ToPdfAsync(file);
        output.WriteLine($"xlsx → pdf: {watch.ElapsedMilliseconds} ms ({pdf})");
        var boxes = LibreOffice.MediaBoxes(pdf);
        var pages = await LibreOffice.PagesAsync(pdf);

        Assert.Equal(pages.Length, boxes.Count);
        Assert.All(boxes, b => { Assert.Equal(A4Width, b.Width, 0.5); Assert.Equal(A4Height, b.Height, 0.5); });
        var text = Flat(string.Concat(pages));
        foreach (var part in new[] { circular.Issuer, "祁优专〔2023〕5号", circular.Title, "市直相关单位、各乡镇（街道）、祁阳高新区：", "报：" + circular.ReportTo, AppTime.DocumentDate(circular.IssueDate!.Value) + "印发" })
            Assert.Contains(Flat(part), text);
        Assert.All(doc.Rankings, r => Assert.Contains(r.UnitName, text));
        // Columns beyond the printable width would go to pages of their own: every header line carries the first and the last column.
        var headerLines = pages.SelectMany(p => p.Split('\n')).Where(l => l.Contains("名次") || l.Contains("备注")).ToList();
        Assert.NotEmpty(headerLines);
        Assert.All(headerLines, l => Assert.True(l.Contains("名次") && l.Contains("备注"), l));
        Assert.All(pages, p => Assert.Contains("—", p));   // the page number on every page
        output.WriteLine($"{pages.Length} pages");
    }

    private static string Flat(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    private static string Folder()
    {
        var dir = Path.Combine(BrowserFixture.ScreenshotDirectory, "circular-pdf", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
