using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Evaluation.Export;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Excel;
using QiyangConsole.Tests.Support;
using Xl = DocumentFormat.OpenXml.Spreadsheet;

namespace QiyangConsole.Tests.Data.Evaluation;

/// <summary>
/// The May 2023 circular of the demo data as a Word document and a workbook, opened again with DocumentFormat.OpenXml
/// and ClosedXML: the GB/T 9704 page (size, margins, grid), the fonts and sizes, and the text of each part.
/// </summary>
public class CircularDocumentTests
{
    private const string Issuer = "祁阳市打好优化发展环境持久仗工作专班";

    [DbFact]
    public async Task The_word_circular_is_an_A4_gongwen_with_every_part_in_its_font_and_size()
    {
        var (doc, circular) = await MayAsync();
        using var word = Open(CircularWord.Build(CircularParts.From(doc), preprinted: false));
        var body = word.MainDocumentPart!.Document.Body!;
        // valid WordprocessingML, as Word reads it (the floating 版记's tblpPr in its place in tblPr and so on)
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2013).Validate(word)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var section = body.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal((2098, 1984, 1587u, 1474u), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
        var grid = section.GetFirstChild<DocGrid>()!;
        Assert.Equal(DocGridValues.Lines, grid.Type!.Value);   // lines only: 28 characters come from the runs' −5 twips
        Assert.Equal(579, grid.LinePitch!.Value);
        Assert.Null(grid.CharacterSpace);

        var paragraphs = body.Elements<Paragraph>().ToList();
        var texts = paragraphs.Select(p => p.InnerText).ToList();

        // 版头: 35 mm of space, the red mark, two lines, the number with the red rule 4 mm under it.
        Assert.Equal("1984", paragraphs[0].ParagraphProperties!.SpacingBetweenLines!.Line!.Value);
        Assert.Equal("", texts[0]);
        var mark = paragraphs[1];
        Assert.Equal(Issuer, mark.InnerText);
        AssertRun(mark, "方正小标宋简体", "46", "E60012");
        Assert.Equal(JustificationValues.Center, mark.ParagraphProperties!.Justification!.Val!.Value);
        var number = paragraphs.Single(p => p.InnerText == "祁优专〔2023〕5号");
        AssertRun(number, "仿宋_GB2312", "32", "000000");
        var rule = number.ParagraphProperties!.ParagraphBorders!.BottomBorder!;
        Assert.Equal(("E60012", 11u), (rule.Color!.Value!, rule.Space!.Value));
        Assert.Equal(JustificationValues.Center, number.ParagraphProperties.Justification!.Val!.Value);

        // 主体: title 2号 小标宋 two lines under the rule, 主送机关 after one blank line, then the body in 3号 仿宋.
        var title = paragraphs.Single(p => p.InnerText == circular.Title);
        AssertRun(title, "方正小标宋简体", "44", "000000");
        // on two lines, broken as GongwenTitle chooses: one run a line with a line break between
        Assert.Equal(["关于2023年5月全市优化发展环境", "工作考核排名情况的通报"], title.Elements<Run>().Where(r => r.InnerText.Length > 0).Select(r => r.InnerText));
        Assert.Single(title.Descendants<Break>());
        Assert.Equal(paragraphs.IndexOf(number) + 3, paragraphs.IndexOf(title));
        var mainTo = paragraphs[paragraphs.IndexOf(title) + 2];
        Assert.Equal("市直相关单位、各乡镇（街道）、祁阳高新区：", mainTo.InnerText);
        Assert.Null(mainTo.ParagraphProperties!.Indentation);   // 居左顶格
        var summary = paragraphs.Single(p => p.InnerText == circular.Summary);
        AssertRun(summary, "仿宋_GB2312", "32", "000000");
        Assert.Equal("640", summary.ParagraphProperties!.Indentation!.FirstLine!.Value);
        Assert.All(summary.Descendants<RunProperties>(), r => Assert.Equal(-5, r.Spacing!.Val!.Value));   // 315 twips a character: 28 on a line
        Assert.Equal(("579", LineSpacingRuleValues.Exact), (summary.ParagraphProperties.SpacingBetweenLines!.Line!.Value, summary.ParagraphProperties.SpacingBetweenLines.LineRule!.Value));
        AssertRun(paragraphs.Single(p => p.InnerText == "一、考核排名情况"), "黑体", "32", "000000");
        AssertRun(paragraphs.Single(p => p.InnerText == "二、通报批评"), "黑体", "32", "000000");
        var subheadings = paragraphs.Where(p => p.InnerText.StartsWith('（')).ToList();
        Assert.Equal(["（一）市直单位排名情况", "（二）乡镇街道排名情况", "（三）园区排名情况"], subheadings.Select(p => p.InnerText));
        foreach (var s in subheadings) AssertRun(s, "楷体_GB2312", "32", "000000");
        Assert.Contains($"对以下排名后进单位予以通报批评：{string.Join("、", doc.CriticisedUnits)}。", string.Join("", texts));

        // The ranking tables: as wide as the text area, the rows as ranked, lagging units shaded.
        var tables = body.Elements<Table>().ToList();
        Assert.Equal(4, tables.Count);   // three groups and the 版记
        var groups = doc.Rankings.GroupBy(r => r.GroupName).ToList();
        for (var g = 0; g < groups.Count; g++)
        {
            var rows = tables[g].Elements<TableRow>().ToList();
            Assert.Equal(GongwenLayout.TableHeaders, rows[0].Elements<TableCell>().Select(c => c.InnerText));
            Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
            Assert.Equal(groups[g].Select(r => r.UnitName), rows.Skip(1).Select(r => r.Elements<TableCell>().ElementAt(1).InnerText));
            Assert.Equal(groups[g].Select(r => r.IsLagging ? "排名后进" : ""), rows.Skip(1).Select(r => r.Elements<TableCell>().Last().InnerText));
            Assert.Equal(groups[g].Select(r => r.IsLagging), rows.Skip(1).Select(r => r.Descendants<Shading>().Any()));
            Assert.Equal(8845, tables[g].GetFirstChild<TableGrid>()!.Elements<GridColumn>().Sum(c => int.Parse(c.Width!.Value!)));
            AssertRun(rows[1].Elements<TableCell>().ElementAt(1).Elements<Paragraph>().Single(), "仿宋_GB2312", "24", "000000");
        }

        // 署名 and 成文日期: the 18-character name cannot be centred over a date four characters from the right (it would
        // stand 2 characters beyond the margin): it stands two characters (2 × 320 twips) from the right and the date is
        // centred under it, (18 − 6) / 2 + 2 = 8 characters from the right.
        var date = AppTime.DocumentDate(circular.IssueDate!.Value);
        Assert.Equal("2023年6月7日", date);
        var dateParagraph = paragraphs.Single(p => p.InnerText == date);
        Assert.Equal(JustificationValues.Right, dateParagraph.ParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal("2560", dateParagraph.ParagraphProperties.Indentation!.Right!.Value);
        var signature = paragraphs[paragraphs.IndexOf(dateParagraph) - 1];
        Assert.Equal(Issuer, signature.InnerText);
        Assert.Equal("640", signature.ParagraphProperties!.Indentation!.Right!.Value);
        Assert.NotNull(signature.ParagraphProperties.KeepNext);   // name and date on one page
        AssertRun(signature, "仿宋_GB2312", "32", "000000");

        // 版记: thick first and last rules, thin rule above the printing line; 4号 仿宋. A table floating to the foot of the
        // text area (its last rule on the lower edge), anchored to the name, which is kept with the date: on the last page.
        var closing = tables[^1].Elements<TableRow>().ToList();
        Assert.Same(tables[^1], signature.PreviousSibling());
        Assert.Same(dateParagraph, body.ChildElements[^2]);
        var position = tables[^1].GetFirstChild<TableProperties>()!.TablePositionProperties!;
        Assert.Equal((VerticalAnchorValues.Margin, VerticalAlignmentValues.Bottom), (position.VerticalAnchor!.Value, position.TablePositionYAlignment!.Value));
        Assert.Equal((HorizontalAnchorValues.Page, 1587), (position.HorizontalAnchor!.Value, position.TablePositionX!.Value));
        // 抄送/报 one character in on both sides; a second line starts under the first name after the colon (280 + 2 × 280).
        var copyIndent = closing[0].Descendants<Indentation>().Single();
        Assert.Equal(("840", "560", "280"), (copyIndent.Left!.Value, copyIndent.Hanging!.Value, copyIndent.Right!.Value));
        Assert.Equal([$"报：{circular.ReportTo}", $"{circular.PrintedBy}{date}印发"], closing.Select(r => r.InnerText));
        Assert.DoesNotContain(closing, r => r.InnerText.StartsWith("发：", StringComparison.Ordinal));
        Assert.Equal([8u], Borders<TopBorder>(closing[0]));
        Assert.Equal([6u, 6u], Borders<TopBorder>(closing[^1]));
        Assert.Equal([8u, 8u], Borders<BottomBorder>(closing[^1]));
        Assert.Empty(Borders<BottomBorder>(closing[0]));
        var printCells = closing[^1].Elements<TableCell>().ToList();
        Assert.Equal((circular.PrintedBy, $"{date}印发"), (printCells[0].InnerText, printCells[1].InnerText));
        Assert.Equal((JustificationValues.Left, JustificationValues.Right), (Justified(printCells[0]), Justified(printCells[1])));
        Assert.Equal(8845, closing[0].Elements<TableCell>().Single().TableCellProperties!.TableCellWidth!.Width!.Value is { } w ? int.Parse(w) : 0);
        foreach (var p in closing.SelectMany(r => r.Descendants<Paragraph>())) AssertRun(p, "仿宋_GB2312", "28", "000000");

        // 页码: 4号 宋体 "— n —", odd pages right and even pages left, one character in.
        Assert.NotNull(word.MainDocumentPart.DocumentSettingsPart!.Settings.GetFirstChild<EvenAndOddHeaders>());
        var footers = section.Elements<FooterReference>().ToDictionary(f => f.Type!.Value, f => ((FooterPart)word.MainDocumentPart.GetPartById(f.Id!.Value!)).Footer);
        var odd = footers[HeaderFooterValues.Default].Descendants<Paragraph>().Single();
        var even = footers[HeaderFooterValues.Even].Descendants<Paragraph>().Single();
        Assert.Equal((JustificationValues.Right, "280"), (odd.ParagraphProperties!.Justification!.Val!.Value, odd.ParagraphProperties.Indentation!.Right!.Value));
        Assert.Equal((JustificationValues.Left, "280"), (even.ParagraphProperties!.Justification!.Val!.Value, even.ParagraphProperties.Indentation!.Left!.Value));
        foreach (var footer in new[] { odd, even })
        {
            Assert.Equal("— 1 —", footer.InnerText);
            Assert.Equal(" PAGE ", footer.Descendants<SimpleField>().Single().Instruction!.Value);
            AssertRun(footer, "宋体", "28", "000000");
        }
    }

    [DbFact]
    public async Task On_pre_printed_paper_the_header_space_stays_and_only_the_mark_and_rule_are_not_printed()
    {
        var (doc, circular) = await MayAsync();
        using var printed = Open(CircularWord.Build(CircularParts.From(doc), preprinted: false));
        using var blank = Open(CircularWord.Build(CircularParts.From(doc), preprinted: true));

        var full = printed.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        var bare = blank.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        var titleAt = full.FindIndex(p => p.InnerText == circular.Title);
        Assert.Equal(titleAt, bare.FindIndex(p => p.InnerText == circular.Title));
        // Every paragraph above the title takes the same height in both: the title lands on the same line.
        Assert.Equal(full.Take(titleAt).Select(Height), bare.Take(titleAt).Select(Height));
        Assert.Equal(1984 + GongwenLayout.MarkLine(Issuer) + 2 * 579, bare.Take(4).Sum(p => int.Parse(Height(p))));
        Assert.DoesNotContain(bare.Take(titleAt), p => p.InnerText.Contains(Issuer));
        Assert.Contains(full.Take(titleAt), p => p.InnerText == Issuer);
        var number = bare.Single(p => p.InnerText == "祁优专〔2023〕5号");
        var rule = number.ParagraphProperties!.ParagraphBorders!.BottomBorder!;
        Assert.Equal("FFFFFF", rule.Color!.Value);   // drawn in white: same space, nothing printed over the paper's red rule
        Assert.Equal(11u, rule.Space!.Value);
        // The rest is the same document.
        Assert.Equal(full.Skip(titleAt).Select(p => p.InnerText), bare.Skip(titleAt).Select(p => p.InnerText));
        Assert.Contains(bare, p => p.InnerText == Issuer);   // the signature is still printed
    }

    [DbFact]
    public async Task The_workbook_prints_at_100_percent_within_the_156_mm_text_area()
    {
        var (doc, circular) = await MayAsync();
        var bytes = CircularWorkbook.Bytes(doc, false);

        using (var wb = new XLWorkbook(new MemoryStream(bytes)))
        {
            var ws = wb.Worksheet(1);
            var setup = ws.PageSetup;
            Assert.Equal(100, setup.Scale);
            Assert.Equal((0, 0), (setup.PagesWide, setup.PagesTall));
            Assert.Equal(XLPaperSize.A4Paper, setup.PaperSize);
            Assert.Equal((37.0, 35.0, 28.0, 26.0), (Math.Round(setup.Margins.Top * 25.4, 1), Math.Round(setup.Margins.Bottom * 25.4, 1), Math.Round(setup.Margins.Left * 25.4, 1), Math.Round(setup.Margins.Right * 25.4, 1)));
            var widthMm = Enumerable.Range(1, 8).Sum(c => ExcelColumns.Mm(ws.Column(c).Width));
            Assert.InRange(widthMm, 145, 156);
            Assert.Equal(0, ws.LastColumnUsed()!.ColumnNumber() > 8 ? 1 : 0);

            Assert.Equal(22d, ws.Cell(1, 1).Style.Font.FontSize);   // the mark: 18 characters and one spare in the 148 mm of the columns
            Assert.Equal(22d, ws.Cell(5, 1).Style.Font.FontSize);
            Assert.Equal("方正小标宋简体", ws.Cell(5, 1).Style.Font.FontName);
            var texts = ws.CellsUsed().Select(c => (c.Address.RowNumber, Text: c.GetString(), Size: c.Style.Font.FontSize, Font: c.Style.Font.FontName)).ToList();
            Assert.Equal(16d, texts.Single(t => t.Text == "　　" + circular.Summary).Size);
            Assert.Equal(16d, texts.Single(t => t.Text == "市直相关单位、各乡镇（街道）、祁阳高新区：").Size);
            Assert.All(texts.Where(t => t.Text == "名次"), t => Assert.Equal(12d, t.Size));
            Assert.Equal(14d, texts.Single(t => t.Text.EndsWith("印发", StringComparison.Ordinal)).Size);
            Assert.True(ws.Cell(texts.Single(t => t.Text.StartsWith("报：", StringComparison.Ordinal)).RowNumber, 1).Style.Alignment.WrapText);
            Assert.True(setup.DifferentOddEvenPagesOnHF);
        }

        // The file itself: no fitToPage, scale 100, and the stored column widths (Excel's pixels) within 156 mm.
        using var sheet = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var worksheet = sheet.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.NotEqual(true, worksheet.GetFirstChild<Xl.SheetProperties>()?.PageSetupProperties?.FitToPage?.Value);
        Assert.Equal(100u, worksheet.GetFirstChild<Xl.PageSetup>()!.Scale!.Value);
        var defaultFont = sheet.WorkbookPart.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Xl.Font>().First();
        Assert.Equal(("Arial", 11d), (defaultFont.GetFirstChild<Xl.FontName>()!.Val!.Value, defaultFont.GetFirstChild<Xl.FontSize>()!.Val!.Value));
        var pixels = worksheet.GetFirstChild<Xl.Columns>()!.Elements<Xl.Column>().Where(c => c.Min!.Value <= 8)
            .Sum(c => ExcelColumns.Pixels(c.Width!.Value) * (Math.Min(8, c.Max!.Value) - c.Min!.Value + 1));
        Assert.InRange(pixels * 25.4 / 96, 145, 156);
    }

    [DbFact]
    public async Task The_issuer_code_is_a_parameter_and_reaches_a_database_seeded_before_it()
    {
        await using var db = await Seeds.SeededAsync(new EvaluationSeed(Seeds.Config()));
        await using (var ctx = db.CreateDbContext())
            await ctx.Parameters.Where(p => p.Key == CircularService.IssuerCodeKey).ExecuteDeleteAsync();
        db.SignIn("office", AppRoles.Office);
        var may = await MayIdAsync(db);
        Assert.Equal("〔2023〕5号", (await db.Get<CircularService>().DocumentAsync(may)).NumberText);

        await Seeds.Runner(db, Seeds.Config(), [AddedParametersSeed.CircularIssuerCode]).RunAsync();
        Assert.Equal("祁优专〔2023〕5号", (await db.Get<CircularService>().DocumentAsync(may)).NumberText);

        db.SignIn("sysadmin", AppRoles.SysAdmin);
        var settings = db.Get<SettingsService>();
        var code = (await settings.ParametersAsync()).Single(p => p.Key == CircularService.IssuerCodeKey);
        Assert.Equal("发文机关代字", code.Name);
        var refused = await Assert.ThrowsAsync<DomainException>(() => settings.SaveParameterAsync(code.Key, "祁优专〔2023〕", code.Version));
        Assert.Contains("发文机关代字", refused.Message);
        await settings.SaveParameterAsync(code.Key, "祁优办", code.Version);
        db.SignIn("office", AppRoles.Office);
        var doc = await db.Get<CircularService>().DocumentAsync(may);
        Assert.Equal("祁优办〔2023〕5号", doc.NumberText);
        using var word = Open(CircularWord.Build(CircularParts.From(doc), false));
        Assert.Contains(word.MainDocumentPart!.Document.Body!.Elements<Paragraph>(), p => p.InnerText == "祁优办〔2023〕5号");

        // Running the step again keeps the edited value.
        await using (var ctx = db.CreateDbContext())
            await ctx.SeedRecords.Where(r => r.Name == "system/parameters+circular-issuer-code").ExecuteDeleteAsync();
        await Seeds.Runner(db, Seeds.Config(), [AddedParametersSeed.CircularIssuerCode]).RunAsync();
        Assert.Equal("祁优办", await db.Get<SettingsService>().ParameterAsync(CircularService.IssuerCodeKey));
    }

    internal static async Task<(CircularDocument Doc, Circular Circular)> MayAsync()
    {
        await using var db = await Seeds.SeededAsync(new EvaluationSeed(Seeds.Config()));
        db.SignIn("office", AppRoles.Office);
        var may = await MayIdAsync(db);
        var doc = await db.Get<CircularService>().DocumentAsync(may);
        await using var ctx = db.CreateDbContext();
        return (doc, await ctx.Circulars.AsNoTracking().SingleAsync(c => c.PeriodId == may));
    }

    private static async Task<int> MayIdAsync(TestDb db)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.EvaluationPeriods.Where(p => p.Year == 2023 && p.Month == 5).Select(p => p.Id).SingleAsync();
    }

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    private static string Height(Paragraph p) => p.ParagraphProperties!.SpacingBetweenLines!.Line!.Value!;

    private static List<uint> Borders<T>(TableRow row) where T : BorderType => row.Descendants<T>().Select(b => b.Size!.Value).ToList();

    private static JustificationValues Justified(TableCell cell) => cell.Descendants<Justification>().Single().Val!.Value;

    /// <summary>Every run of the paragraph with text is set in this font (East Asian and Latin), size (half-points) and colour.</summary>
    private static void AssertRun(Paragraph p, string font, string halfPoints, string color)
    {
        var runs = p.Descendants<Run>().Where(r => r.InnerText.Length > 0).ToList();
        Assert.NotEmpty(runs);
        foreach (var run in runs)
        {
            var props = run.RunProperties!;
            // 仿宋 text takes its digits from Times New Roman (half a character wide wherever it is opened); the rest their own font
            Assert.Equal((font, font == "仿宋_GB2312" ? "Times New Roman" : font), (props.RunFonts!.EastAsia!.Value, props.RunFonts.Ascii!.Value));
            Assert.Equal(halfPoints, props.FontSize!.Val!.Value);
            Assert.Equal(color, props.Color!.Val!.Value);
        }
    }
}
