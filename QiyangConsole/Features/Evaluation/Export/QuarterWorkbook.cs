using ClosedXML.Excel;
using QiyangConsole.Infrastructure.Excel;

namespace QiyangConsole.Features.Evaluation.Export;

/// <summary>季度点评表: one row per unit with its three months, sum, average, rank, comment and statement.</summary>
public static class QuarterWorkbook
{
    public static XLWorkbook Build(int year, int quarter, IReadOnlyList<QuarterRow> rows)
    {
        var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add($"{year}年第{quarter}季度");
        var months = Rules.QuarterRules.MonthsOf(quarter).ToList();
        string[] headers = ["考核组别", "单位", .. months.Select(m => $"{m}月总分"), "季度合计", "月均分", "季度名次", "后进月数", "点评意见", "表态发言", "发言人"];
        ws.Range(1, 1, 1, headers.Length).Merge().FirstCell().Text($"{year}年第{quarter}季度优化发展环境工作考核点评表");
        ws.Row(1).Style.Font.FontSize = 16;
        ws.Row(1).Style.Font.Bold = true;
        for (var c = 0; c < headers.Length; c++) ws.Cell(2, c + 1).Text(headers[c]);
        ws.Row(2).Style.Font.Bold = true;
        var r = 3;
        foreach (var row in rows)
        {
            var c = 1;
            ws.Cell(r, c++).Text(row.GroupName);
            ws.Cell(r, c++).Text(row.UnitName);
            foreach (var m in months)
            {
                if (row.Months.TryGetValue(m, out var month)) ws.Cell(r, c).Number(month.Total);
                c++;
            }
            ws.Cell(r, c++).Number(row.Result.Sum);
            ws.Cell(r, c++).Number(row.Result.Average);
            ws.Cell(r, c++).SetValue(row.Result.Rank);
            ws.Cell(r, c++).SetValue(row.Result.LaggingMonths);
            ws.Cell(r, c++).Text(row.Comment);
            ws.Cell(r, c++).Text(row.MustMakeStatement ? "是" : "");
            ws.Cell(r, c).Text(row.StatementBy);
            r++;
        }
        double[] widths = [10, 28, .. months.Select(_ => 9.0), 10, 9, 9, 9, 36, 9, 12];
        for (var i = 0; i < widths.Length; i++) ws.Column(i + 1).Width = widths[i];
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        ws.PageSetup.FitToPages(1, 0);
        ws.PageSetup.SetRowsToRepeatAtTop(2, 2);
        return wb;
    }
}
