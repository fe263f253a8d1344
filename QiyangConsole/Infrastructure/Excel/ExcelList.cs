using ClosedXML.Excel;

namespace QiyangConsole.Infrastructure.Excel;

/// <summary>A list export: one header row repeated on every printed page, user text written as text, landscape A4.</summary>
public static class ExcelList
{
    public static byte[] Build(string sheetName, IReadOnlyList<(string Header, double Width)> columns, IEnumerable<object?[]> rows)
    {
        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add(sheetName);
        for (var c = 0; c < columns.Count; c++)
        {
            ws.Cell(1, c + 1).Text(columns[c].Header);
            ws.Column(c + 1).Width = columns[c].Width;
        }
        ws.Row(1).Style.Font.Bold = true;
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                var cell = ws.Cell(r, c + 1);
                switch (row[c])
                {
                    case null: break;
                    case decimal d: cell.Number(d, "#,##0.00"); break;
                    case int i: cell.SetValue(i); break;
                    case var other: cell.Text(other.ToString()); break;
                }
            }
            r++;
        }
        ws.SheetView.FreezeRows(1);
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        ws.PageSetup.FitToPages(1, 0);
        ws.PageSetup.SetRowsToRepeatAtTop(1, 1);
        return wb.ToBytes();
    }
}
