using ClosedXML.Excel;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Excel;

namespace QiyangConsole.Features.Evaluation.Export;

/// <summary>
/// The circular as a sheet laid out after GB/T 9704-2012 as far as a sheet allows: red issuer line,
/// number, red rule, title in 小标宋 22 pt, body in 仿宋 16 pt, the ranking with lagging units
/// highlighted, the criticised units, issuer and date, and the closing block (版记) on A4.
/// </summary>
public static class CircularWorkbook
{
    public const string TitleFont = "方正小标宋简体";
    public const string BodyFont = "仿宋_GB2312";
    public const string TableFont = "宋体";
    public static readonly XLColor Red = XLColor.FromHtml("#E60012");
    public static readonly XLColor LaggingFill = XLColor.FromHtml("#FDE2E2");
    private const int Columns = 8;
    public static readonly string[] Headers = ["名次", "考核单位", "指标得分", "加分", "扣分", "总分", "较上月", "备注"];

    public static XLWorkbook Build(CircularDocument doc, bool blankHeader)
    {
        var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add("通报");
        ws.Style.Font.FontName = BodyFont;
        double[] widths = [7, 30, 11, 8, 8, 10, 9, 12];
        for (var i = 0; i < widths.Length; i++) ws.Column(i + 1).Width = widths[i];
        var row = 1;

        if (blankHeader)
        {
            // Pre-printed red-header paper carries the issuer and the red rule; the number is still printed.
            ws.Row(1).Height = 60;
            Line(ws, 2, doc.NumberText ?? "", BodyFont, 16, XLColor.Black, XLAlignmentHorizontalValues.Center);
            ws.Row(3).Height = 10;
            row = 4;
        }
        else
        {
            Line(ws, row, doc.Circular.Issuer, TitleFont, 26, Red, XLAlignmentHorizontalValues.Center).Row(row).Height = 60;
            row++;
            Line(ws, row, doc.NumberText ?? "", BodyFont, 16, XLColor.Black, XLAlignmentHorizontalValues.Center);
            row++;
            var rule = ws.Range(row, 1, row, Columns);
            rule.Style.Border.BottomBorder = XLBorderStyleValues.Thick;
            rule.Style.Border.BottomBorderColor = Red;
            ws.Row(row).Height = 10;
            row++;
        }
        row++;
        var title = Line(ws, row, doc.Circular.Title, TitleFont, 22, XLColor.Black, XLAlignmentHorizontalValues.Center);
        title.Cell(row, 1).Style.Alignment.WrapText = true;
        ws.Row(row).Height = 60;
        row += 2;
        row = Paragraph(ws, row, doc.Circular.Summary);

        foreach (var group in doc.Rankings.GroupBy(r => r.GroupName))
        {
            row++;
            Line(ws, row, $"{group.Key}排名情况", BodyFont, 16, XLColor.Black, XLAlignmentHorizontalValues.Left).Cell(row, 1).Style.Font.Bold = true;
            row++;
            var headerRow = row;
            for (var c = 0; c < Columns; c++) ws.Cell(row, c + 1).Text(Headers[c]);
            var header = ws.Range(row, 1, row, Columns);
            header.Style.Font.Bold = true;
            header.Style.Fill.BackgroundColor = XLColor.FromHtml("#F2F2F2");
            if (ws.PageSetup.FirstRowToRepeatAtTop == 0) ws.PageSetup.SetRowsToRepeatAtTop(headerRow, headerRow);
            foreach (var r in group)
            {
                row++;
                ws.Cell(row, 1).SetValue(r.Rank);
                ws.Cell(row, 2).Text(r.UnitName);
                ws.Cell(row, 3).SetValue(r.IndicatorPoints);
                ws.Cell(row, 4).SetValue(r.Bonus);
                ws.Cell(row, 5).SetValue(r.Deductions);
                ws.Cell(row, 6).SetValue(r.Total);
                ws.Cell(row, 7).Text(r.Change switch { null => "—", > 0 => $"↑{r.Change}", < 0 => $"↓{-r.Change}", _ => "持平" });
                ws.Cell(row, 8).Text(r.IsLagging ? "排名后进" : "");
                if (r.IsLagging) ws.Range(row, 1, row, Columns).Style.Fill.BackgroundColor = LaggingFill;
            }
            // One format for the points columns of the whole table: a style per cell is what made ClosedXML slow at 2,000 rows.
            if (row > headerRow) ws.Range(headerRow + 1, 3, row, 6).Style.NumberFormat.Format = "0.00";
            var table = ws.Range(headerRow, 1, row, Columns);
            table.Style.Font.FontName = TableFont;
            table.Style.Font.FontSize = 12;
            table.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
            table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
            row++;
        }

        row++;
        row = Paragraph(ws, row, doc.CriticisedUnits.Count == 0 ? "本月无通报批评单位。"
            : $"对以下排名后进单位予以通报批评：{string.Join("、", doc.CriticisedUnits)}。请被通报单位认真查摆问题，限期整改到位。");

        if (doc.Amendments.Count > 0)
        {
            row++;
            Line(ws, row, "更正", BodyFont, 16, Red, XLAlignmentHorizontalValues.Left).Cell(row, 1).Style.Font.Bold = true;
            row++;
            foreach (var a in doc.Amendments)
                row = Paragraph(ws, row, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{a.UnitName}“{a.IndicatorName}”由 {a.OldPoints:0.##} 分更正为 {a.NewPoints:0.##} 分。原因：{a.Reason}。{a.Effect}（{a.By}，{AppTime.Stamp(a.At)}）"));
        }

        row += 2;
        Line(ws, row, doc.Circular.Issuer, BodyFont, 16, XLColor.Black, XLAlignmentHorizontalValues.Right);
        row++;
        Line(ws, row, doc.Circular.IssueDate is { } d ? AppTime.DocumentDate(d) : "", BodyFont, 16, XLColor.Black, XLAlignmentHorizontalValues.Right);
        row += 2;

        // 版记: between two rules, 抄送 / 报 / 发 and the printing line.
        var closingStart = row;
        foreach (var (label, value) in new[] { ("抄送", doc.Circular.CopyTo), ("报", doc.Circular.ReportTo), ("发", doc.Circular.DistributeTo) })
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            Line(ws, row, $"{label}：{value}", BodyFont, 14, XLColor.Black, XLAlignmentHorizontalValues.Left).Cell(row, 1).Style.Alignment.WrapText = true;
            ws.Row(row).Height = 40;
            row++;
        }
        Line(ws, row, $"{doc.Circular.PrintedBy}　　{(doc.Circular.IssueDate is { } p ? AppTime.DocumentDate(p) : "")}印发", BodyFont, 14, XLColor.Black, XLAlignmentHorizontalValues.Left);
        ws.Range(closingStart, 1, closingStart, Columns).Style.Border.TopBorder = XLBorderStyleValues.Thin;
        ws.Range(row, 1, row, Columns).Style.Border.BottomBorder = XLBorderStyleValues.Thin;

        var setup = ws.PageSetup;
        setup.PaperSize = XLPaperSize.A4Paper;
        setup.PageOrientation = XLPageOrientation.Portrait;
        setup.FitToPages(1, 0);
        setup.CenterHorizontally = true;
        setup.Margins.Top = 1.46; setup.Margins.Bottom = 1.38; setup.Margins.Left = 1.1; setup.Margins.Right = 1.02;
        setup.Footer.Center.AddText("— &P —");
        return wb;
    }

    private static IXLWorksheet Line(IXLWorksheet ws, int row, string? text, string font, double size, XLColor color, XLAlignmentHorizontalValues align)
    {
        var range = ws.Range(row, 1, row, Columns).Merge();
        range.FirstCell().Text(text);
        range.Style.Font.FontName = font;
        range.Style.Font.FontSize = size;
        range.Style.Font.FontColor = color;
        range.Style.Alignment.Horizontal = align;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        return ws;
    }

    /// <summary>A body paragraph (仿宋 16 pt, indented two characters) in a merged, wrapped row sized to its length.</summary>
    private static int Paragraph(IXLWorksheet ws, int row, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return row;
        Line(ws, row, "　　" + text, BodyFont, 16, XLColor.Black, XLAlignmentHorizontalValues.Left);
        ws.Cell(row, 1).Style.Alignment.WrapText = true;
        ws.Row(row).Height = Math.Max(1, Math.Ceiling(text.Length / 30.0)) * 22;
        return row + 1;
    }
}
