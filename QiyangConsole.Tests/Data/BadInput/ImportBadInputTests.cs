using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Evaluation.Export;
using QiyangConsole.Infrastructure.Excel;
using QiyangConsole.Tests.Data.Enterprises;

namespace QiyangConsole.Tests.Data.BadInput;

/// <summary>
/// Both imports (the enterprise register and the month's score sheet) fed bad files and bad cells: every refusal names the row
/// and column in Chinese and nothing is imported; a file that unpacks to more than the guard allows is refused before
/// ClosedXML loads it.
/// </summary>
public sealed class ImportBadInputTests(DemoDb demo) : BadInputTests(demo)
{
    private static readonly string[] Header = EnterpriseExcel.Columns.Select(c => c.Header).ToArray();
    private static int _code = 800_000;

    private static string Code() => Kit.Code(Interlocked.Increment(ref _code));

    /// <summary>The template's header, one good row (row 2), then <paramref name="bad"/> (row 3).</summary>
    private static byte[] Enterprises(params object?[] bad) =>
        Workbooks.Sheet("企业名录", Header, ["祁阳导入正确有限公司", Code(), "新材料", "否", null, "祁阳高新区", "张三", "13800000000"], bad);

    private static object?[] Row(string? name = "祁阳导入测试有限公司", object? code = null, string? industry = "新材料", string? above = "否", string? zone = null,
        string? address = null, string? person = null, object? phone = null) => [name, code ?? Code(), industry, above, zone, address, person, phone];

    /// <summary>The enterprise import of <paramref name="file"/>: nothing imported, an error of <paramref name="row"/> naming <paramref name="column"/>, the database untouched.</summary>
    private async Task<ImportError> EnterprisesRefused(byte[] file, int row, string column, string? reason = null)
    {
        await using var watch = await Refusal.Watch.StartAsync(Db);
        var report = await Get<EnterpriseImportService>().ImportAsync(new MemoryStream(file), validOnly: false);
        Assert.Equal(0, report.Imported);
        var error = Assert.Single(report.Errors, e => e.Row == row && e.Column == column);
        Refusal.Chinese(error.ToString());
        if (reason is not null) Assert.Contains(reason, error.Reason);
        await watch.AssertUnchangedAsync(error.ToString());
        return error;
    }

    private async Task<ScoreSheet> OpenSheetAsync()
    {
        var open = await Query(ctx => ctx.EvaluationPeriods.Where(p => p.Year == 2023 && p.State == PeriodState.Open).Select(p => (int?)p.Id).FirstOrDefaultAsync());
        var taken = await Query(ctx => ctx.EvaluationPeriods.Where(p => p.Year == 2023).Select(p => p.Month).ToListAsync());
        var id = open ?? await Get<EvaluationService>().CreatePeriodAsync(2023, Enumerable.Range(1, 12).First(m => !taken.Contains(m)));
        return await Get<ScoreService>().SheetAsync(id);
    }

    /// <summary>The month's template with <paramref name="fill"/> applied to its first unit's row (row 3) and first entered indicator's column (C).</summary>
    private async Task<(ScoreSheet Sheet, byte[] File)> ScoreFileAsync(Action<ClosedXML.Excel.IXLWorksheet> fill)
    {
        var sheet = await OpenSheetAsync();
        using var wb = ScoreSheetExcel.Template(sheet);
        fill(wb.Worksheet(1));
        return (sheet, wb.ToBytes());
    }

    private async Task<ImportError> ScoresRefused(byte[] file, int periodId, int row, string column, string? reason = null)
    {
        await using var watch = await Refusal.Watch.StartAsync(Db);
        var (imported, errors) = await Get<ScoreService>().ImportAsync(periodId, new MemoryStream(file));
        Assert.Equal(0, imported);
        var error = Assert.Single(errors, e => e.Row == row && e.Column == column);
        Refusal.Chinese(error.ToString());
        if (reason is not null) Assert.Contains(reason, error.Reason);
        await watch.AssertUnchangedAsync(error.ToString());
        return error;
    }

    private async Task ScoreCellRefused(Action<ClosedXML.Excel.IXLCell> cell, string reason)
    {
        var (sheet, file) = await ScoreFileAsync(ws => cell(ws.Cell(3, 3)));
        await ScoresRefused(file, sheet.Period.Id, 3, "C", reason);
    }

    /// <summary>Files that are not a workbook to load: every import refuses them, as a whole (row 0), before ClosedXML opens them.</summary>
    public static readonly Dictionary<string, (Func<byte[]> File, string Reason)> BadFiles = new()
    {
        ["empty"] = (() => [], "文件是空的"),
        ["text named .xlsx"] = (() => "企业名称,统一社会信用代码\n祁阳,123"u8.ToArray(), "不是有效的 Excel 工作簿"),
        ["markup named .xlsx"] = (() => "<script>alert(1)</script>"u8.ToArray(), "不是有效的 Excel 工作簿"),
        ["an old .xls (or an encrypted workbook)"] = (() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]], ".xls"),
        ["a PNG"] = (() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[64]], "不是有效的 Excel 工作簿"),
        ["a zip cut short"] = (() => Workbooks.Sheet("企业名录", Header)[..200], "不是有效的 Excel 工作簿"),
        ["a zip of other things"] = (() => Workbooks.Zip(2, 1000), "不是有效的 Excel 工作簿"),
        ["over 5 MB"] = (() => [0x50, 0x4B, 0x03, 0x04, .. new byte[WorkbookGuard.MaxFileBytes]], "5 MB"),
        ["a zip bomb: a real workbook whose sheet unpacks to 200 MB"] = (() => Workbooks.Bomb(Workbooks.Sheet("企业名录", Header), 200L << 20), "50 MB"),
        ["a zip bomb: 60 MB of zeros in 60 KB"] = (() => Workbooks.Zip(1, 60L << 20), "50 MB"),
        ["a zip bomb spread over parts: 30 × 2 MB"] = (() => Workbooks.Zip(30, 2L << 20), "50 MB"),
        ["a zip of 600 parts"] = (() => Workbooks.Zip(600, 1), "600"),
        ["a zip bomb that understates its size"] = (() => Workbooks.LyingZip(30L << 20, 1000), "不是有效的 Excel 工作簿"),
    };

    public static TheoryData<string> BadFileNames => [.. BadFiles.Keys];

    [Theory, MemberData(nameof(BadFileNames))]
    public async Task A_bad_file_is_refused_by_the_enterprise_import_before_it_is_loaded(string name)
    {
        Db.SignIn("office", AppRoles.Office);
        var (file, reason) = BadFiles[name];
        var bytes = file();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var error = await EnterprisesRefused(bytes, 0, "-", reason);
        // The bomb is never inflated: what was allocated is of the order of the upload, not of what it unpacks to.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 4 * bytes.Length + (16 << 20), $"{error}: allocated too much");
    }

    [Theory, MemberData(nameof(BadFileNames))]
    public async Task A_bad_file_is_refused_by_the_score_import_before_it_is_loaded(string name)
    {
        Db.SignIn("office", AppRoles.Office);
        var sheet = await OpenSheetAsync();
        var (file, reason) = BadFiles[name];
        await ScoresRefused(file(), sheet.Period.Id, 0, "-", reason);
    }

    [Fact]
    public void Dotnets_zip_reader_stops_at_the_declared_size_which_is_what_the_guard_relies_on()
    {
        using var zip = new ZipArchive(new MemoryStream(Workbooks.LyingZip(30L << 20, 1000)), ZipArchiveMode.Read);
        var entry = Assert.Single(zip.Entries);
        Assert.Equal(1000, entry.Length);
        using var part = entry.Open();
        var total = 0L;
        var buffer = new byte[1 << 16];
        try { for (int n; (n = part.Read(buffer)) > 0;) total += n; }
        catch (InvalidDataException) { }
        Assert.True(total <= 1000, $"inflated {total} bytes of a part declared as 1000");
    }

    public static readonly Cases<ImportBadInputTests> BadRows = new Cases<ImportBadInputTests>
    {
        ["name too long"] = t => t.EnterprisesRefused(Enterprises(Row(name: Corpus.TooLong(200))), 3, "企业名称", "200"),
        ["code wrong check character"] = t => t.EnterprisesRefused(Enterprises(Row(code: "91440300708461136X")), 3, "统一社会信用代码", "校验位"),
        ["code typed as a number"] = t => t.EnterprisesRefused(Enterprises(Row(code: 914403007084611360d)), 3, "统一社会信用代码"),
        ["code markup"] = t => t.EnterprisesRefused(Enterprises(Row(code: "<b>91440300708461136T</b>")), 3, "统一社会信用代码"),
        ["code formula"] = t => t.EnterprisesRefused(Enterprises(Row(code: "=1+1")), 3, "统一社会信用代码"),
        ["code registered"] = async t =>
        {
            var taken = await t.Query(ctx => ctx.Enterprises.Select(e => e.CreditCode).FirstAsync());
            await t.EnterprisesRefused(Enterprises(Row(code: taken)), 3, "统一社会信用代码", "已登记");
        },
        ["code twice in the file"] = async t =>
        {
            var code = Code();
            var file = Workbooks.Sheet("企业名录", Header, Row("祁阳甲有限公司", code), Row("祁阳乙有限公司", code.ToLowerInvariant()));
            await t.EnterprisesRefused(file, 3, "统一社会信用代码", "第 2 行");
        },
        ["industry unknown"] = t => t.EnterprisesRefused(Enterprises(Row(industry: "=HYPERLINK(\"http://evil.example\")")), 3, "行业", "行业字典"),
        ["above size neither yes nor no"] = t => t.EnterprisesRefused(Enterprises(Row(above: "也许")), 3, "是否规上"),
        ["zone unknown"] = t => t.EnterprisesRefused(Enterprises(Row(zone: "<script>alert(1)</script>")), 3, "所在园区"),
        ["address too long"] = t => t.EnterprisesRefused(Enterprises(Row(address: Corpus.TooLong(200))), 3, "地址", "200"),
        ["contact too long"] = t => t.EnterprisesRefused(Enterprises(Row(person: Corpus.TooLong(50))), 3, "联系人", "50"),
        ["phone letters"] = t => t.EnterprisesRefused(Enterprises(Row(phone: "call me")), 3, "联系电话"),
        ["phone negative number"] = t => t.EnterprisesRefused(Enterprises(Row(phone: -13800000000d)), 3, "联系电话"),
        ["a header changed"] = t => t.EnterprisesRefused(Workbooks.Sheet("企业名录", ["=企业名称", .. Header[1..]], Row()), 1, "企业名称"),
        ["a formula in a cell"] = t => t.EnterprisesRefused(Workbooks.WithFormula(Enterprises(Row()), "B3", "WEBSERVICE(\"http://evil.example\")", "#VALUE!"), 3, "统一社会信用代码"),
        ["too many rows"] = async t =>
        {
            var rows = Enumerable.Range(0, EnterpriseExcel.MaxRows + 1).Select(i => new object?[] { "祁阳批量有限公司" }).Prepend(Header).ToArray();
            await t.EnterprisesRefused(Workbooks.Sheet("企业名录", rows), 0, "-", $"{EnterpriseExcel.MaxRows}");
        },
        ["score: not a number"] = t => t.ScoreCellRefused(c => c.Text("九十"), "不是数字"),
        ["score: markup"] = t => t.ScoreCellRefused(c => c.Text("<b>20</b>"), "不是数字"),
        ["score: formula text"] = t => t.ScoreCellRefused(c => c.Text("=20"), "不是数字"),
        ["score: negative"] = t => t.ScoreCellRefused(c => c.SetValue(-1), "0 至"),
        ["score: over the cap"] = t => t.ScoreCellRefused(c => c.SetValue(100), "0 至"),
        ["score: three decimals"] = t => t.ScoreCellRefused(c => c.SetValue(1.005), "两位小数"),
        ["score: 1E+300"] = t => t.ScoreCellRefused(c => c.SetValue(1e300), "0 至"),
        ["score: 1E+300 as text"] = t => t.ScoreCellRefused(c => c.Text("1E+300"), "0 至"),
        ["score: a formula over the cap"] = async t =>
        {
            var (sheet, file) = await t.ScoreFileAsync(ws => ws.Cell(3, 3).SetValue(1));
            await t.ScoresRefused(Workbooks.WithFormula(file, "C3", "A1*1000", "1000", number: true), sheet.Period.Id, 3, "C", "0 至");
        },
        ["score: a formula ClosedXML cannot evaluate"] = async t =>
        {
            var (sheet, file) = await t.ScoreFileAsync(ws => ws.Cell(3, 3).SetValue(1));
            await t.ScoresRefused(Workbooks.WithFormula(file, "C3", "WEBSERVICE(\"http://evil.example\")", "#VALUE!"), sheet.Period.Id, 3, "C", "不是数字");
        },
        ["score: unknown unit"] = async t =>
        {
            var (sheet, file) = await t.ScoreFileAsync(ws => { ws.Cell(3, 1).Text("<script>alert(1)</script>"); ws.Cell(3, 3).SetValue(1); });
            await t.ScoresRefused(file, sheet.Period.Id, 3, "A", "不存在");
        },
        ["score: unit twice"] = async t =>
        {
            var (sheet, file) = await t.ScoreFileAsync(ws => { ws.Cell(4, 1).Text(ws.Cell(3, 1).GetString()); ws.Cell(3, 3).SetValue(1); ws.Cell(4, 3).SetValue(2); });
            await t.ScoresRefused(file, sheet.Period.Id, 4, "A", "第 3 行");
        },
        ["score: values without a unit"] = async t =>
        {
            var (sheet, file) = await t.ScoreFileAsync(ws => { ws.Cell(3, 1).Clear(); ws.Cell(3, 3).SetValue(1); });
            await t.ScoresRefused(file, sheet.Period.Id, 3, "A", "单位名称");
        },
        ["score: unknown indicator column"] = async t =>
        {
            var (sheet, file) = await t.ScoreFileAsync(ws => ws.Cell(2, ws.LastColumnUsed()!.ColumnNumber() + 1).Text("=SUM(A1)"));
            var error = Assert.Single((await t.Get<ScoreService>().ImportAsync(sheet.Period.Id, new MemoryStream(file))).Errors);
            Assert.Equal(2, error.Row);
            Assert.Contains("无法识别的指标列“=SUM(A1)”", error.Reason);
        },
    }
    .Each("blank name", Corpus.Blank.Where(b => b is not (null or "")), (t, v) => t.EnterprisesRefused(Enterprises(Row(name: v)), 3, "企业名称"))
    .Each("blank code", Corpus.Blank.Where(b => b is not (null or "")), (t, v) => t.EnterprisesRefused(Enterprises(Row(code: v)), 3, "统一社会信用代码"));

    public static TheoryData<string> BadRowNames => BadRows.Names;

    [Theory, MemberData(nameof(BadRowNames))]
    public async Task A_bad_cell_is_refused_naming_row_and_column_with_nothing_imported(string name)
    {
        Db.SignIn("office", AppRoles.Office);
        await BadRows[name](this);
    }

    [Fact]
    public async Task Odd_text_and_formula_results_are_imported_as_typed_never_evaluated()
    {
        Db.SignIn("office", AppRoles.Office);
        var rows = Corpus.Odd.Select(v => Row(name: v, address: v, person: Infrastructure.TextLimit.Cut(v, 50))).Prepend(Header).ToArray();
        var file = Workbooks.WithFormula(Workbooks.Sheet("企业名录", rows), "A2", "WEBSERVICE(\"http://evil.example\")", "祁阳公式结果有限公司");
        var report = await Get<EnterpriseImportService>().ImportAsync(new MemoryStream(file), validOnly: false);
        Assert.Empty(report.Errors);
        Assert.Equal(Corpus.Odd.Length, report.Imported);
        var names = await Query(ctx => ctx.Enterprises.Select(e => e.Name).ToListAsync());
        Assert.Contains("祁阳公式结果有限公司", names); // the result Excel saved, not the formula and not an evaluation
        foreach (var v in Corpus.Odd.Skip(1)) Assert.Contains(v, names);
    }
}
