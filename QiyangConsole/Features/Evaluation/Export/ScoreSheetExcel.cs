using System.Globalization;
using ClosedXML.Excel;
using QiyangConsole.Features.Evaluation.Rules;
using QiyangConsole.Infrastructure.Excel;

namespace QiyangConsole.Features.Evaluation.Export;

/// <summary>The month's score-sheet template, and reading a filled one back with every bad cell reported.</summary>
public static class ScoreSheetExcel
{
    private const int HeaderRow = 2;
    private const int FirstIndicatorColumn = 3;

    public static XLWorkbook Template(ScoreSheet sheet)
    {
        var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add("评分表");
        var entered = Entered(sheet);
        ws.Range(1, 1, 1, FirstIndicatorColumn - 1 + entered.Count).Merge().FirstCell()
            .Text($"{sheet.Period.Year}年{sheet.Period.Month}月考核评分表（请勿修改表头和单位名称；空白表示不导入该项）");
        ws.Cell(HeaderRow, 1).Text("考核单位");
        ws.Cell(HeaderRow, 2).Text("考核组别");
        for (var i = 0; i < entered.Count; i++)
            ws.Cell(HeaderRow, FirstIndicatorColumn + i).Text(HeaderOf(entered[i]));
        var row = HeaderRow + 1;
        foreach (var unit in sheet.Units)
        {
            ws.Cell(row, 1).Text(unit.Name);
            ws.Cell(row, 2).Text(unit.GroupName);
            for (var i = 0; i < entered.Count; i++)
                if (sheet.Cells.TryGetValue((unit.Id, entered[i].Id), out var cell) && cell.Points is { } p)
                    ws.Cell(row, FirstIndicatorColumn + i).Number(p, "0.##");
            row++;
        }
        ws.Row(HeaderRow).Style.Font.Bold = true;
        ws.Column(1).Width = 30;
        ws.Column(2).Width = 12;
        for (var i = 0; i < entered.Count; i++) ws.Column(FirstIndicatorColumn + i).Width = 22;
        ws.SheetView.FreezeRows(HeaderRow);
        return wb;
    }

    /// <summary>Reads a filled template; returns the values, or the list of every refused cell (then nothing is to be saved).</summary>
    public static (List<ScoreInput> Inputs, List<ImportError> Errors) Read(Stream file, ScoreSheet sheet)
    {
        var errors = new List<ImportError>();
        var inputs = new List<ScoreInput>();
        var (wb, refused) = WorkbookGuard.Open(file);
        if (wb is null) return ([], [refused!]);
        using (wb)
        {
            var ws = wb.Worksheets.First();
            var byHeader = Entered(sheet).ToDictionary(HeaderOf);
            var columns = new Dictionary<int, IndicatorRule>();
            var lastColumn = ws.LastColumnUsed()?.ColumnNumber() ?? 0;
            if (ws.Cell(HeaderRow, 1).Read() != "考核单位") errors.Add(new ImportError(HeaderRow, "A", "表头应为“考核单位”，请使用下载的模板"));
            for (var c = FirstIndicatorColumn; c <= lastColumn; c++)
            {
                var header = ws.Cell(HeaderRow, c).Read();
                if (header.Length == 0) continue;
                if (byHeader.TryGetValue(header, out var indicator)) columns[c] = indicator;
                else errors.Add(new ImportError(HeaderRow, Letter(c), $"无法识别的指标列“{header}”"));
            }
            var units = sheet.Units.ToDictionary(u => u.Name);
            var seen = new Dictionary<string, int>();
            var lastRow = ws.LastRowUsed()?.RowNumber() ?? HeaderRow;
            for (var r = HeaderRow + 1; r <= lastRow; r++)
            {
                var name = ws.Cell(r, 1).Read();
                var rowEmpty = name.Length == 0 && columns.Keys.All(c => ws.Cell(r, c).Read().Length == 0);
                if (rowEmpty) continue;
                if (name.Length == 0) { errors.Add(new ImportError(r, "A", "缺少单位名称")); continue; }
                if (!units.TryGetValue(name, out var unit)) { errors.Add(new ImportError(r, "A", $"单位“{name}”不存在或不参加考核")); continue; }
                if (seen.TryGetValue(name, out var first)) { errors.Add(new ImportError(r, "A", $"单位“{name}”与第 {first} 行重复")); continue; }
                seen[name] = r;
                foreach (var (c, indicator) in columns)
                {
                    var xl = ws.Cell(r, c);
                    var text = xl.Read();
                    if (text.Length == 0) continue;
                    if (Points(xl, text) is not { } points)
                    {
                        errors.Add(new ImportError(r, Letter(c), $"“{text}”不是数字"));
                        continue;
                    }
                    if (Scoring.Check(indicator, points, unit.Name) is { } error) { errors.Add(new ImportError(r, Letter(c), error)); continue; }
                    int? version = sheet.Cells.TryGetValue((unit.Id, indicator.Id), out var cell) ? cell.Version : null;
                    inputs.Add(new ScoreInput(unit.Id, indicator.Id, points, version));
                }
            }
            if (errors.Count == 0 && inputs.Count == 0) errors.Add(new ImportError(HeaderRow + 1, "-", "文件中没有可导入的分值"));
        }
        return (errors.Count == 0 ? inputs : [], errors);
    }

    /// <summary>
    /// A cell's number: a number cell as stored, text (or a formula's last result) parsed. A value beyond any score (1E+300)
    /// becomes the largest decimal, which the range check then refuses, rather than overflowing.
    /// </summary>
    private static decimal? Points(IXLCell cell, string text)
    {
        if (!cell.HasFormula && cell.DataType == XLDataType.Number) return FromDouble(cell.GetDouble());
        if (decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var points)) return points;
        return double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) ? FromDouble(value) : null;
    }

    private static decimal? FromDouble(double value) =>
        double.IsNaN(value) ? null : Math.Abs(value) < 1e15 ? (decimal)value : value > 0 ? decimal.MaxValue : decimal.MinValue;

    private static List<IndicatorRule> Entered(ScoreSheet sheet) => sheet.Indicators.Where(i => i.Source == ScoreSource.Entered).ToList();

    private static string HeaderOf(IndicatorRule i) =>
        string.Create(CultureInfo.InvariantCulture, $"{i.Name}（{i.Kind.Name()} 0-{i.MaxPoints:0.##}）");

    private static string Letter(int column) => XLHelper.GetColumnLetterFromNumber(column);
}
