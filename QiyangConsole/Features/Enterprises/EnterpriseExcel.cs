using ClosedXML.Excel;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Infrastructure.Excel;

namespace QiyangConsole.Features.Enterprises;

public sealed record ImportRow(int Row, EnterpriseEdit Enterprise);

/// <summary>The enterprise import template, and reading a filled one back with every bad cell reported by row and column.</summary>
public static class EnterpriseExcel
{
    public static readonly (string Header, double Width)[] Columns =
        [("企业名称", 36), ("统一社会信用代码", 22), ("行业", 12), ("是否规上", 10), ("所在园区", 14), ("地址", 36), ("联系人", 10), ("联系电话", 16)];

    public static byte[] Template(IReadOnlyList<string> industries, IReadOnlyList<string> zones)
    {
        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add("企业名录");
        for (var c = 0; c < Columns.Length; c++)
        {
            ws.Cell(1, c + 1).Text(Columns[c].Header);
            ws.Column(c + 1).Width = Columns[c].Width;
        }
        ws.Row(1).Style.Font.Bold = true;
        ws.Column(2).Style.NumberFormat.Format = "@";
        ws.Column(8).Style.NumberFormat.Format = "@";
        var help = wb.Worksheets.Add("填写说明");
        help.Cell(1, 1).Text("行业（填以下之一）");
        for (var i = 0; i < industries.Count; i++) help.Cell(i + 2, 1).Text(industries[i]);
        help.Cell(1, 2).Text("所在园区（填以下之一）");
        for (var i = 0; i < zones.Count; i++) help.Cell(i + 2, 2).Text(zones[i]);
        help.Cell(1, 3).Text("是否规上：填“是”或“否”，空白视为否");
        help.Cell(2, 3).Text("统一社会信用代码：18 位，校验位须正确，例如 91440300708461136T");
        help.Cell(3, 3).Text("联系电话：11 位手机号或带区号的固定电话，例如 0746-3221234");
        help.Columns().Width = 28;
        return wb.ToBytes();
    }

    /// <summary>At most this many enterprises per file (the province's register is about 50,000).</summary>
    public const int MaxRows = 50_000;

    /// <summary>Reads the first sheet; rows whose cells are all empty are ignored. Cell-format problems are reported, not thrown.</summary>
    public static (List<ImportRow> Rows, List<ImportError> Errors) Read(Stream file)
    {
        var (wb, refused) = WorkbookGuard.Open(file);
        if (wb is null) return ([], [refused!]);
        using (wb)
        {
            var ws = wb.Worksheets.First();
            var errors = new List<ImportError>();
            for (var c = 0; c < Columns.Length; c++)
                if (ws.Cell(1, c + 1).Read() != Columns[c].Header)
                    errors.Add(new ImportError(1, Columns[c].Header, $"表头第 {c + 1} 列应为“{Columns[c].Header}”，请使用下载的模板"));
            if (errors.Count > 0) return ([], errors);
            var rows = new List<ImportRow>();
            var last = ws.LastRowUsed()?.RowNumber() ?? 1;
            if (last - 1 > MaxRows) return ([], [new ImportError(0, "-", $"文件有 {last - 1} 行数据，一次最多导入 {MaxRows} 行，请分批导入")]);
            for (var r = 2; r <= last; r++)
            {
                var cells = Enumerable.Range(1, Columns.Length).Select(c => ws.Cell(r, c).Read()).ToArray();
                if (cells.All(string.IsNullOrEmpty)) continue;
                var above = cells[3] is "是" or "规上";
                // A bad flag is reported and the row still read, so its other cells are checked too (the row is not imported).
                if (!above && cells[3] is not ("" or "否" or "规下")) errors.Add(new ImportError(r, "是否规上", $"“{cells[3]}”应填“是”或“否”"));
                rows.Add(new ImportRow(r, new EnterpriseEdit
                {
                    Name = cells[0], CreditCode = cells[1], Industry = cells[2], IsAboveSize = above, Zone = cells[4], Address = cells[5], ContactPerson = cells[6], ContactPhone = cells[7],
                }));
            }
            return (rows, errors);
        }
    }

    /// <summary>Every problem of every row: field checks, codes repeated within the file, codes already registered.</summary>
    public static List<ImportError> Validate(IReadOnlyList<ImportRow> rows, IReadOnlyCollection<string> industries, IReadOnlyCollection<string> zones, IReadOnlySet<string> registeredCodes)
    {
        var errors = new List<ImportError>();
        var seen = new Dictionary<string, int>();
        foreach (var (row, e) in rows)
        {
            var problems = EnterpriseChecks.Problems(e, industries, zones).Select(p => new ImportError(row, p.Field, p.Reason)).ToList();
            errors.AddRange(problems);
            var code = CreditCode.Normalize(e.CreditCode);
            // A row bad for another reason does not claim its code: a later good row with it may still be imported.
            if (problems.Count > 0) continue;
            if (registeredCodes.Contains(code)) errors.Add(new ImportError(row, "统一社会信用代码", $"统一社会信用代码 {code} 已登记，不能重复导入"));
            else if (seen.TryGetValue(code, out var first)) errors.Add(new ImportError(row, "统一社会信用代码", $"统一社会信用代码 {code} 与第 {first} 行重复"));
            else seen[code] = row;
        }
        return errors;
    }
}
