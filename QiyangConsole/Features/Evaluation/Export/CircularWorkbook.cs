using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Excel;

namespace QiyangConsole.Features.Evaluation.Export;

/// <summary>
/// The circular as a sheet laid out after GB/T 9704-2012 as far as a sheet allows: red issuer line, 发文字号 with the
/// issuer's code, red rule, title in 小标宋 22 pt, 主送机关, body in 仿宋 16 pt, the ranking with lagging units
/// highlighted, the criticised units, issuer and date, and the 版记 between thick rules on A4. The columns sum to the
/// 156 mm text area, so it prints at 100 %: the sizes on paper are the sizes named here.
/// </summary>
public static class CircularWorkbook
{
    public const string TitleFont = GongwenLayout.TitleFont;
    public const string BodyFont = GongwenLayout.BodyFont;
    public const string TableFont = "宋体";
    public static readonly XLColor Red = XLColor.FromHtml("#" + GongwenLayout.Red);
    public static readonly XLColor LaggingFill = XLColor.FromHtml("#FDE2E2");
    private const int Columns = 8;
    public static readonly string[] Headers = ["名次", "考核单位", "指标得分", "加分", "扣分", "总分", "较上月", "备注"];

    /// <summary>
    /// Column widths in mm: 148 of the 156 mm text area (the unit column holds 11 characters of 12 pt). The spare 8 mm
    /// absorb LibreOffice, which measures Arial's digits unrounded (8.16 px, not Excel's 8) and so widens columns by 2 %.
    /// </summary>
    public static readonly double[] ColumnsMm = [11, 48, 18, 11, 11, 17, 14, 18];

    /// <summary>Characters of 3号 (16 pt) on one line of the text area, and of 2号 (22 pt) for the title.</summary>
    private static int PerLine(double points) => (int)Math.Floor(GongwenLayout.TextWidthMm / (points * 25.4 / 72));

    /// <summary>
    /// The file to download: the workbook with Arial 11 as its default font. The default font is the unit of column
    /// widths; ClosedXML always writes Calibri, which LibreOffice and WPS on Linux replace by fonts with wider digits,
    /// pushing the last columns onto pages of their own. Arial's digits measure the same everywhere (Liberation Sans).
    /// </summary>
    public static byte[] Bytes(CircularDocument doc, bool blankHeader)
    {
        using var wb = Build(doc, blankHeader);
        var stream = new MemoryStream();
        wb.SaveAs(stream);
        using (var file = SpreadsheetDocument.Open(stream, true))
        {
            var styles = file.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
            var font = styles.Fonts!.Elements<Font>().First();
            font.GetFirstChild<FontName>()!.Val = ExcelColumns.DefaultFont;
            font.GetFirstChild<FontSize>()!.Val = ExcelColumns.DefaultFontSize;
            styles.Save();
        }
        return stream.ToArray();
    }

    public static XLWorkbook Build(CircularDocument doc, bool blankHeader)
    {
        var parts = CircularParts.From(doc);
        var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add("通报");
        // The text lines' ranges are merged last: ClosedXML 0.95 checks every value written against every merged range,
        // which took a third of the build once the table's styles were set in one pass (dotnet-trace, 2,000 rows).
        var merges = new List<IXLRange>();
        ws.Style.Font.FontName = BodyFont;
        for (var i = 0; i < ColumnsMm.Length; i++) ws.Column(i + 1).Width = ExcelColumns.Width(ColumnsMm[i]);
        var row = 1;
        // The mark on one line within the columns (one character spare), at most the size the Word document gives it.
        var markSize = Math.Min(GongwenLayout.MarkSize(parts.Mark) / 2.0, Math.Floor(ColumnsMm.Sum() * 72 / 25.4 / (GongwenLayout.WidthInChars(parts.Mark) + 1)));

        if (blankHeader)
        {
            // Pre-printed red-header paper carries the issuer and the red rule; the number is still printed.
            ws.Row(1).Height = 60;
            Line(ws, merges, 2, parts.Number, BodyFont, 16, XLColor.Black, XLAlignmentHorizontalValues.Center);
            ws.Row(3).Height = 10;
            row = 4;
        }
        else
        {
            Line(ws, merges, row, parts.Mark, TitleFont, markSize, Red, XLAlignmentHorizontalValues.Center).Row(row).Height = 60;
            row++;
            Line(ws, merges, row, parts.Number, BodyFont, 16, XLColor.Black, XLAlignmentHorizontalValues.Center);
            row++;
            var rule = ws.Range(row, 1, row, Columns);
            rule.Style.Border.BottomBorder = XLBorderStyleValues.Thick;
            rule.Style.Border.BottomBorderColor = Red;
            ws.Row(row).Height = 10;
            row++;
        }
        row++;
        // The title's lines as the Word document breaks them (GongwenTitle), one cell with line feeds.
        var titleLines = GongwenTitle.Lines(parts.Title);
        var title = Line(ws, merges, row, string.Join("\n", titleLines), TitleFont, 22, XLColor.Black, XLAlignmentHorizontalValues.Center);
        title.Cell(row, 1).Style.Alignment.WrapText = true;
        ws.Row(row).Height = titleLines.Sum(l => Lines(l, PerLine(22))) * 30;
        row += 2;
        if (parts.MainTo is { } mainTo)
        {
            Line(ws, merges, row, mainTo, BodyFont, 16, XLColor.Black, XLAlignmentHorizontalValues.Left).Cell(row, 1).Style.Alignment.WrapText = true;
            ws.Row(row).Height = Lines(mainTo, PerLine(16)) * 22;
            row++;
        }
        row = Paragraph(ws, merges, row, doc.Circular.Summary);

        foreach (var group in doc.Rankings.GroupBy(r => r.GroupName))
        {
            row++;
            Line(ws, merges, row, $"{group.Key}排名情况", BodyFont, 16, XLColor.Black, XLAlignmentHorizontalValues.Left).Cell(row, 1).Style.Font.Bold = true;
            row++;
            var headerRow = row;
            for (var c = 0; c < Columns; c++) ws.Cell(row, c + 1).Text(Headers[c]);
            var header = ws.Range(row, 1, row, Columns);
            var laggingRows = new List<int>();
            var quoted = new List<IXLCell>();   // names such as “=…” keep their quote prefix through the table's style
            if (ws.PageSetup.FirstRowToRepeatAtTop == 0) ws.PageSetup.SetRowsToRepeatAtTop(headerRow, headerRow);
            foreach (var r in group)
            {
                row++;
                ws.Cell(row, 1).SetValue(r.Rank);
                if (ws.Cell(row, 2).Text(r.UnitName).Style.IncludeQuotePrefix) quoted.Add(ws.Cell(row, 2));
                ws.Cell(row, 3).SetValue(r.IndicatorPoints);
                ws.Cell(row, 4).SetValue(r.Bonus);
                ws.Cell(row, 5).SetValue(r.Deductions);
                ws.Cell(row, 6).SetValue(r.Total);
                ws.Cell(row, 7).Text(CircularParts.ChangeText(r.Change));
                ws.Cell(row, 8).Text(r.IsLagging ? "排名后进" : "");
                if (r.IsLagging) laggingRows.Add(row);
            }
            // The table's look is set on one cell and given to every cell of the table in one pass, then the points
            // columns and the lagging rows: ClosedXML 0.95 walks every cell for each property set on a range, and its
            // InsideBorder alone took a third of the time at 2,000 rows (profiled with dotnet-trace).
            var table = ws.Range(headerRow, 1, row, Columns);
            table.Style = TableStyle(ws.Cell(headerRow, 1).Style);
            if (row > headerRow)
            {
                var points = ws.Range(headerRow + 1, 3, row, 6);
                points.Style = TableStyle(ws.Cell(headerRow + 1, 3).Style).NumberFormat.SetFormat("0.00");
            }
            header.Style.Font.Bold = true;
            header.Style.Fill.BackgroundColor = XLColor.FromHtml("#F2F2F2");
            foreach (var lagging in laggingRows) ws.Range(lagging, 1, lagging, Columns).Style.Fill.BackgroundColor = LaggingFill;
            foreach (var cell in quoted) cell.Style.IncludeQuotePrefix = true;
            row++;
        }

        row++;
        row = Paragraph(ws, merges, row, CircularParts.CriticisedText(doc.CriticisedUnits));

        if (doc.Amendments.Count > 0)
        {
            row++;
            Line(ws, merges, row, "更正", BodyFont, 16, Red, XLAlignmentHorizontalValues.Left).Cell(row, 1).Style.Font.Bold = true;
            row++;
            foreach (var a in doc.Amendments)
                row = Paragraph(ws, merges, row, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{a.UnitName}“{a.IndicatorName}”由 {a.OldPoints:0.##} 分更正为 {a.NewPoints:0.##} 分。原因：{a.Reason}。{a.Effect}（{a.By}，{AppTime.Stamp(a.At)}）"));
        }

        // 发文机关署名 centred over 成文日期, the date four characters from the right: a merged block of columns 5–8 at most.
        row += 2;
        Line(ws, merges, row, parts.Signature, BodyFont, 16, XLColor.Black, XLAlignmentHorizontalValues.Right);
        row++;
        Line(ws, merges, row, parts.Date, BodyFont, 16, XLColor.Black, XLAlignmentHorizontalValues.Right).Cell(row, 1).Style.Alignment.Indent = 4;
        row += 2;

        // 版记: thick rule above the first line and below the last, thin rule between 抄送/报 and the printing line.
        var closingStart = row;
        foreach (var line in parts.CopyLines)
        {
            Line(ws, merges, row, line, BodyFont, 14, XLColor.Black, XLAlignmentHorizontalValues.Left).Cell(row, 1).Style.Alignment.WrapText = true;
            ws.Cell(row, 1).Style.Alignment.Indent = 1;
            ws.Row(row).Height = Lines(line, PerLine(14) - 2) * 20;
            row++;
        }
        Line(ws, merges, row, parts.PrintLine, BodyFont, 14, XLColor.Black, XLAlignmentHorizontalValues.Left).Cell(row, 1).Style.Alignment.Indent = 1;
        ws.Range(closingStart, 1, closingStart, Columns).Style.Border.TopBorder = XLBorderStyleValues.Medium;
        if (row > closingStart) ws.Range(row, 1, row, Columns).Style.Border.TopBorder = XLBorderStyleValues.Thin;
        ws.Range(row, 1, row, Columns).Style.Border.BottomBorder = XLBorderStyleValues.Medium;

        foreach (var range in merges) range.Merge();

        var setup = ws.PageSetup;
        setup.PaperSize = XLPaperSize.A4Paper;
        setup.PageOrientation = XLPageOrientation.Portrait;
        setup.Scale = 100;   // never fit-to-page: fonts print at their size
        setup.CenterHorizontally = true;
        setup.Margins.Top = GongwenLayout.TopMm / 25.4; setup.Margins.Bottom = GongwenLayout.BottomMm / 25.4;
        setup.Margins.Left = GongwenLayout.LeftMm / 25.4; setup.Margins.Right = GongwenLayout.RightMm / 25.4;
        setup.Margins.Footer = (GongwenLayout.BottomMm - 12) / 25.4;
        // 页码 4号 on the outer side: odd pages right, even pages left.
        setup.DifferentOddEvenPagesOnHF = true;
        setup.Footer.Right.AddText("&\"宋体\"&14— &P —", XLHFOccurrence.OddPages);
        setup.Footer.Left.AddText("&\"宋体\"&14— &P —", XLHFOccurrence.EvenPages);
        return wb;
    }

    /// <summary>A table cell: 宋体 12 pt, centred both ways, wrapped (a longer name wraps inside its column instead of widening the table), thin rules all round.</summary>
    private static IXLStyle TableStyle(IXLStyle style)
    {
        style.Font.FontName = TableFont;
        style.Font.FontSize = 12;
        style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        style.Alignment.WrapText = true;
        style.Border.TopBorder = style.Border.BottomBorder = style.Border.LeftBorder = style.Border.RightBorder = XLBorderStyleValues.Thin;
        return style;
    }

    private static int Lines(string text, int perLine) => Math.Max(1, (int)Math.Ceiling(GongwenLayout.WidthInChars(text) / Math.Max(1, perLine)));

    /// <summary>A line of text across the columns, in a range merged at the end of <see cref="Build"/> (<paramref name="merges"/>).</summary>
    private static IXLWorksheet Line(IXLWorksheet ws, List<IXLRange> merges, int row, string? text, string font, double size, XLColor color, XLAlignmentHorizontalValues align)
    {
        var range = ws.Range(row, 1, row, Columns);
        merges.Add(range);
        range.FirstCell().Text(text);
        range.Style.Font.FontName = font;
        range.Style.Font.FontSize = size;
        range.Style.Font.FontColor = color;
        range.Style.Alignment.Horizontal = align;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        return ws;
    }

    /// <summary>A body paragraph (仿宋 16 pt, indented two characters) in a merged, wrapped row sized to the lines it takes in 156 mm.</summary>
    private static int Paragraph(IXLWorksheet ws, List<IXLRange> merges, int row, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return row;
        Line(ws, merges, row, "　　" + text, BodyFont, 16, XLColor.Black, XLAlignmentHorizontalValues.Left);
        ws.Cell(row, 1).Style.Alignment.WrapText = true;
        ws.Row(row).Height = Lines("　　" + text, PerLine(16) - 1) * 22;
        return row + 1;
    }
}

/// <summary>
/// Excel's column width: characters of the workbook's default font's widest digit, here Arial 11 (8 px at 96 dpi; the
/// same in LibreOffice, whose Liberation Sans has Arial's metrics, and in WPS). ClosedXML's <c>Width</c> is written into
/// the file 0.710625 larger (its padding); Excel turns the stored width into whole pixels (ECMA-376 §18.3.1.13).
/// </summary>
public static class ExcelColumns
{
    public const string DefaultFont = "Arial";
    public const double DefaultFontSize = 11;
    private const double DigitPx = 8, PxPerMm = 96 / 25.4, ClosedXmlOffset = 0.710625;

    /// <summary>The ClosedXML width (to 1/256) of a column that prints at most this many mm.</summary>
    public static double Width(double mm) => Math.Floor((mm * PxPerMm / DigitPx - ClosedXmlOffset) * 256) / 256;

    /// <summary>How wide a column of this ClosedXML width prints, in mm.</summary>
    public static double Mm(double width) => Pixels(width + ClosedXmlOffset) / PxPerMm;

    /// <summary>Pixels of a width as stored in the file.</summary>
    public static double Pixels(double storedWidth) => Math.Truncate((256 * storedWidth + Math.Truncate(128 / DigitPx)) / 256 * DigitPx);
}
