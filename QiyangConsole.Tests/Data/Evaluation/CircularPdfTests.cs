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
