using QiyangConsole.Features.Enterprises.Rules;
using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Infrastructure.Excel;

namespace QiyangConsole.Tests.Unit.Enterprises;

/// <summary>
/// The enterprise import: <see cref="EnterpriseExcel.Read"/> on workbooks built in memory (header, blank rows, 是否规上, text kept as text)
/// and <see cref="EnterpriseExcel.Validate"/> with <see cref="EnterpriseChecks"/> (every bad row by row, column and reason).
/// </summary>
public sealed class EnterpriseImportTests
{
    // Valid codes (their check characters are verified in CreditCodeTests).
    private const string CodeA = "91440300708461136T";
    private const string CodeB = "9144030071526726XG";
    private const string CodeC = "91350100M000100Y43";
    private const string CodeD = "91110000100000000R";
    private const string CodeE = "92431181MA4L12345X";

    private const string NotExcel = "文件不是有效的 Excel 工作簿（.xlsx）";

    private static readonly string[] Header = EnterpriseExcel.Columns.Select(c => c.Header).ToArray();
    private static readonly string[] Industries = ["制造业", "服务业", "农业"];
    private static readonly string[] Zones = ["祁阳经开区", "浯溪工业园"];
    private static readonly HashSet<string> NoneRegistered = [];

    /// <summary>An .xlsx with <paramref name="header"/> in row 1 and <paramref name="rows"/> from row 2; null cells are left untouched, text is written as text.</summary>
    private static byte[] Bytes(string?[] header, string?[][] rows)
    {
        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add("企业名录");
        for (var c = 0; c < header.Length; c++)
            if (header[c] is { } h) ws.Cell(1, c + 1).Text(h);
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
                if (rows[r][c] is { } v) ws.Cell(r + 2, c + 1).Text(v);
        using var stream = new MemoryStream();
        wb.SaveAs(stream);
        return stream.ToArray();
    }

    private static MemoryStream WorkbookWithHeader(string?[] header, params string?[][] rows) => new(Bytes(header, rows));

    /// <summary>The template's header and these rows.</summary>
    private static MemoryStream Workbook(params string?[][] rows) => new(Bytes(Header, rows));

    /// <summary>A row of the template's eight columns: 企业名称, 统一社会信用代码, 行业, 是否规上, 所在园区, 地址, 联系人, 联系电话.</summary>
    private static string?[] Row(string? name, string? code, string? industry = "制造业", string? above = "否", string? zone = null, string? address = null, string? person = null, string? phone = null) =>
        [name, code, industry, above, zone, address, person, phone];

    private static (List<ImportRow> Rows, List<ImportError> Errors) Read(MemoryStream stream)
    {
        using (stream) return EnterpriseExcel.Read(stream);
    }

    private static EnterpriseEdit Edit(string? name, string? code, string? industry = "制造业", string? phone = null, string? zone = null) =>
        new() { Name = name, CreditCode = code, Industry = industry, ContactPhone = phone, Zone = zone };

    // ---- Read ----------------------------------------------------------------------------------

    [Fact]
    public void A_good_file_reads_back_every_field()
    {
        var (rows, errors) = Read(Workbook(
            Row("湖南坤能新材料有限公司", CodeA, "制造业", "是", "祁阳经开区", "祁阳市浯溪街道工业大道 8 号", "张三", "13812345678"),
            Row("祁阳示例服务有限公司", CodeB, "服务业", "否", "", "", "", "0746-1234567"),
            Row(" 永州样本农业合作社 ", " 91350100m000100y43 ", "农业", null, null, null, "李四", "07461234567")));

        Assert.Empty(errors);
        Assert.Equal([2, 3, 4], rows.Select(r => r.Row));

        var a = rows[0].Enterprise;
        Assert.Equal("湖南坤能新材料有限公司", a.Name);
        Assert.Equal(CodeA, a.CreditCode);
        Assert.Equal("制造业", a.Industry);
        Assert.True(a.IsAboveSize);
        Assert.Equal("祁阳经开区", a.Zone);
        Assert.Equal("祁阳市浯溪街道工业大道 8 号", a.Address);
        Assert.Equal("张三", a.ContactPerson);
        Assert.Equal("13812345678", a.ContactPhone);

        var b = rows[1].Enterprise;
        Assert.Equal("祁阳示例服务有限公司", b.Name);
        Assert.Equal(CodeB, b.CreditCode);
        Assert.Equal("服务业", b.Industry);
        Assert.False(b.IsAboveSize);
        Assert.Equal("", b.Zone);
        Assert.Equal("", b.Address);
        Assert.Equal("", b.ContactPerson);
        Assert.Equal("0746-1234567", b.ContactPhone);

        // Cells are trimmed but not otherwise changed (the code is normalized later, by the checks and on save).
        var c = rows[2].Enterprise;
        Assert.Equal("永州样本农业合作社", c.Name);
        Assert.Equal("91350100m000100y43", c.CreditCode);
        Assert.Equal("农业", c.Industry);
        Assert.False(c.IsAboveSize); // blank 是否规上 counts as 否
        Assert.Equal("", c.Zone);
        Assert.Equal("", c.Address);
        Assert.Equal("李四", c.ContactPerson);
        Assert.Equal("07461234567", c.ContactPhone); // the leading 0 survives: written as text

        Assert.Empty(EnterpriseExcel.Validate(rows, Industries, Zones, NoneRegistered));
    }

    [Theory]
    [InlineData("是", true)]
    [InlineData("规上", true)]
    [InlineData(" 是 ", true)]
    [InlineData("否", false)]
    [InlineData("规下", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsAboveSize_is_read_from_是_or_否(string? cell, bool expected)
    {
        var (rows, errors) = Read(Workbook(Row("湖南坤能新材料有限公司", CodeA, above: cell)));

        Assert.Empty(errors);
        Assert.Equal(expected, Assert.Single(rows).Enterprise.IsAboveSize);
    }

    [Theory]
    [InlineData("Y")]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("是的")]
    [InlineData("规模以上")]
    public void A_bad_是否规上_is_reported_with_its_row_and_the_rest_of_the_row_is_still_read_for_checking(string cell)
    {
        var (rows, errors) = Read(Workbook(
            Row("湖南坤能新材料有限公司", CodeA, above: "是"),
            Row("祁阳示例服务有限公司", CodeB, above: cell),
            Row("永州样本农业合作社", CodeC, above: "否")));

        Assert.Equal(new[] { new ImportError(3, "是否规上", $"“{cell}”应填“是”或“否”") }, errors);
        // The row stays in the list so Validate reports its other problems too; the import skips it because of the error above.
        Assert.Equal([2, 3, 4], rows.Select(r => r.Row));
        Assert.False(rows[1].Enterprise.IsAboveSize);
    }

    [Fact]
    public void Blank_rows_are_ignored_but_keep_the_numbering()
    {
        var (rows, errors) = Read(Workbook(
            Row("湖南坤能新材料有限公司", CodeA),
            [null, null, null, null, null, null, null, null],          // row 3: never touched
            ["  ", " ", "", "   ", null, "", " ", ""],                 // row 4: only spaces
            Row("祁阳示例服务有限公司", CodeB),
            [null, null, null, null, null, null, null, null]));        // row 6: trailing

        Assert.Empty(errors);
        Assert.Equal([2, 5], rows.Select(r => r.Row));
        Assert.Equal(["湖南坤能新材料有限公司", "祁阳示例服务有限公司"], rows.Select(r => r.Enterprise.Name));
    }

    [Fact]
    public void A_header_only_file_has_no_rows_and_no_errors()
    {
        var (rows, errors) = Read(Workbook());

        Assert.Empty(rows);
        Assert.Empty(errors);
    }

    [Fact]
    public void Header_cells_are_trimmed()
    {
        var padded = Header.Select(h => $" {h}  ").ToArray();
        var (rows, errors) = Read(WorkbookWithHeader(padded, Row("湖南坤能新材料有限公司", CodeA)));

        Assert.Empty(errors);
        Assert.Single(rows);
    }

    [Theory]
    [InlineData(1, "名称", "企业名称")]
    [InlineData(3, "所属行业", "行业")]
    [InlineData(4, "规上", "是否规上")]
    [InlineData(8, null, "联系电话")] // the column is missing
    public void A_wrong_header_is_one_error_at_row_1_naming_the_column(int column, string? written, string expected)
    {
        var header = (string?[])Header.Clone();
        header[column - 1] = written;

        var (rows, errors) = Read(WorkbookWithHeader(header, Row("湖南坤能新材料有限公司", CodeA)));

        Assert.Equal(new[] { new ImportError(1, expected, $"表头第 {column} 列应为“{expected}”，请使用下载的模板") }, errors);
        Assert.Empty(rows); // nothing is read from a file with a wrong header
    }

    [Fact]
    public void Swapped_columns_are_reported_one_error_each()
    {
        string?[] header = ["企业名称", "行业", "统一社会信用代码", "是否规上", "所在园区", "地址", "联系人", "联系电话"];

        var (rows, errors) = Read(WorkbookWithHeader(header, Row("湖南坤能新材料有限公司", CodeA)));

        Assert.Equal(new[]
        {
            new ImportError(1, "统一社会信用代码", "表头第 2 列应为“统一社会信用代码”，请使用下载的模板"),
            new ImportError(1, "行业", "表头第 3 列应为“行业”，请使用下载的模板"),
        }, errors);
        Assert.Empty(rows);
    }

    [Fact]
    public void An_empty_sheet_misses_every_header()
    {
        var (rows, errors) = Read(WorkbookWithHeader(new string?[8]));

        Assert.Equal(Header.Select((h, i) => new ImportError(1, h, $"表头第 {i + 1} 列应为“{h}”，请使用下载的模板")), errors);
        Assert.Empty(rows);
    }

    [Fact]
    public void A_csv_file_is_not_a_workbook()
    {
        var csv = new MemoryStream(Encoding.UTF8.GetBytes("企业名称,统一社会信用代码,行业\r\n湖南坤能新材料有限公司,91440300708461136T,制造业\r\n"));

        var (rows, errors) = Read(csv);

        Assert.Equal(new[] { new ImportError(0, "-", NotExcel) }, errors);
        Assert.Empty(rows);
    }

    [Fact]
    public void An_empty_file_is_not_a_workbook()
    {
        var (rows, errors) = Read(new MemoryStream());

        Assert.Equal(new[] { new ImportError(0, "-", "文件是空的，请选择填写好的 Excel 工作簿（.xlsx）") }, errors);
        Assert.Empty(rows);
    }

    [Fact]
    public void A_zip_that_is_not_xlsx_is_not_a_workbook()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(archive.CreateEntry("企业名录.txt").Open()))
            writer.Write("湖南坤能新材料有限公司");
        zip.Position = 0;

        var (rows, errors) = Read(zip);

        Assert.Equal(new[] { new ImportError(0, "-", NotExcel) }, errors);
        Assert.Empty(rows);
    }

    [Fact]
    public void Formula_looking_text_is_read_as_text_not_evaluated()
    {
        var bytes = Bytes(Header, [Row("=1+1", CodeA, address: "+86 祁阳", person: "-张三", phone: "@13812345678")]);
        using (var wb = new XLWorkbook(new MemoryStream(bytes)))
        {
            var ws = wb.Worksheet(1);
            Assert.False(ws.Cell(2, 1).HasFormula);
            Assert.Equal("=1+1", ws.Cell(2, 1).GetString());
        }

        var (rows, errors) = Read(new MemoryStream(bytes));

        Assert.Empty(errors);
        var e = Assert.Single(rows).Enterprise;
        Assert.Equal("=1+1", e.Name); // not "2"
        Assert.Equal("+86 祁阳", e.Address);
        Assert.Equal("-张三", e.ContactPerson);
        Assert.Equal("@13812345678", e.ContactPhone);
    }

    [Fact]
    public void The_template_has_the_right_header_and_no_data_rows()
    {
        var template = EnterpriseExcel.Template(Industries, Zones);
        using (var wb = new XLWorkbook(new MemoryStream(template)))
        {
            Assert.Equal("企业名录", wb.Worksheet(1).Name);
            var help = wb.Worksheet("填写说明");
            Assert.Equal(Industries, Enumerable.Range(2, Industries.Length).Select(r => help.Cell(r, 1).GetString()));
            Assert.Equal(Zones, Enumerable.Range(2, Zones.Length).Select(r => help.Cell(r, 2).GetString()));
        }

        var (rows, errors) = Read(new MemoryStream(template));

        Assert.Empty(errors);
        Assert.Empty(rows); // the example code sits in the instructions sheet, so an unedited template imports nothing by mistake
    }

    // ---- Validate ------------------------------------------------------------------------------

    [Fact]
    public void Validate_reports_every_bad_row_with_row_column_and_reason()
    {
        List<ImportRow> rows =
        [
            new(2, Edit("湖南坤能新材料有限公司", CodeA, phone: "13812345678")),
            new(3, Edit("  ", CodeB)),
            new(4, Edit("祁阳示例服务有限公司", "91440300708461136A")),
            new(5, Edit("永州样本农业合作社", CodeC, industry: "采矿业")),
            new(6, Edit("祁阳示例电子有限公司", CodeD, phone: "12345")),
            new(7, Edit("湖南坤能新材料有限公司（重复）", " 91440300708461136t ")),
            new(8, Edit("已登记企业", CodeE)),
            new(9, Edit("祁阳示例物流有限公司", "914403007084611")),
        ];

        var errors = EnterpriseExcel.Validate(rows, Industries, Zones, new HashSet<string> { CodeE });

        Assert.Equal(new[]
        {
            new ImportError(3, "企业名称", "企业名称不能为空"),
            new ImportError(4, "统一社会信用代码", "统一社会信用代码校验位错误（第 18 位应为“T”）"),
            new ImportError(5, "行业", "行业“采矿业”不在行业字典中"),
            new ImportError(6, "联系电话", "联系电话“12345”应为 11 位手机号或带区号的固定电话"),
            new ImportError(7, "统一社会信用代码", "统一社会信用代码 91440300708461136T 与第 2 行重复"),
            new ImportError(8, "统一社会信用代码", "统一社会信用代码 92431181MA4L12345X 已登记，不能重复导入"),
            new ImportError(9, "统一社会信用代码", "统一社会信用代码应为 18 位，现为 15 位"),
        }, errors);
    }

    [Fact]
    public void A_row_with_many_problems_reports_each_in_field_order()
    {
        List<ImportRow> rows = [new(2, Edit("", "", industry: " ", phone: "abc", zone: "不存在的园区"))];

        var errors = EnterpriseExcel.Validate(rows, Industries, Zones, NoneRegistered);

        Assert.Equal(new[]
        {
            new ImportError(2, "企业名称", "企业名称不能为空"),
            new ImportError(2, "统一社会信用代码", "统一社会信用代码不能为空"),
            new ImportError(2, "行业", "请选择行业"),
            new ImportError(2, "所在园区", "园区“不存在的园区”不在园区字典中"),
            new ImportError(2, "联系电话", "联系电话“abc”应为 11 位手机号或带区号的固定电话"),
        }, errors);
    }

    [Fact]
    public void Every_repeat_names_the_first_row()
    {
        List<ImportRow> rows =
        [
            new(2, Edit("甲", CodeA)),
            new(3, Edit("乙", CodeB)),
            new(4, Edit("丙", CodeA)),
            new(5, Edit("丁", "9144 0300 7084 6113 6T")),
            new(6, Edit("戊", CodeB.ToLowerInvariant())),
        ];

        var errors = EnterpriseExcel.Validate(rows, Industries, Zones, NoneRegistered);

        Assert.Equal(new[]
        {
            new ImportError(4, "统一社会信用代码", $"统一社会信用代码 {CodeA} 与第 2 行重复"),
            new ImportError(5, "统一社会信用代码", $"统一社会信用代码 {CodeA} 与第 2 行重复"),
            new ImportError(6, "统一社会信用代码", $"统一社会信用代码 {CodeB} 与第 3 行重复"),
        }, errors);
    }

    [Fact]
    public void A_registered_code_is_reported_on_every_row_not_as_a_repeat()
    {
        List<ImportRow> rows = [new(2, Edit("甲", CodeE)), new(3, Edit("乙", CodeE))];

        var errors = EnterpriseExcel.Validate(rows, Industries, Zones, new HashSet<string> { CodeE });

        Assert.Equal(new[]
        {
            new ImportError(2, "统一社会信用代码", $"统一社会信用代码 {CodeE} 已登记，不能重复导入"),
            new ImportError(3, "统一社会信用代码", $"统一社会信用代码 {CodeE} 已登记，不能重复导入"),
        }, errors);
    }

    [Theory]
    [InlineData("13812345678")]
    [InlineData("19900000000")]
    [InlineData(" 13812345678 ")]
    [InlineData("0746-1234567")]
    [InlineData("07461234567")]
    [InlineData("010-12345678")]
    [InlineData("")]
    [InlineData(null)]
    public void Good_phones_pass(string? phone) =>
        Assert.Empty(EnterpriseExcel.Validate([new(2, Edit("甲", CodeA, phone: phone))], Industries, Zones, NoneRegistered));

    [Theory]
    [InlineData("12345", "12345")]
    [InlineData("1381234567", "1381234567")]       // 10 digits
    [InlineData("138123456789", "138123456789")]   // 12 digits
    [InlineData("12812345678", "12812345678")]     // no 12x mobile numbers
    [InlineData("0746-123456", "0746-123456")]     // 6-digit local number
    [InlineData("+8613812345678", "+8613812345678")]
    [InlineData("138 1234 5678", "138 1234 5678")]
    [InlineData(" abc ", "abc")]                   // quoted trimmed
    public void Bad_phones_are_reported(string phone, string quoted) =>
        Assert.Equal(
            new[] { new ImportError(2, "联系电话", $"联系电话“{quoted}”应为 11 位手机号或带区号的固定电话") },
            EnterpriseExcel.Validate([new(2, Edit("甲", CodeA, phone: phone))], Industries, Zones, NoneRegistered));

    [Fact]
    public void Names_are_limited_to_200_characters()
    {
        List<ImportRow> rows = [new(2, Edit(new string('企', 200), CodeA)), new(3, Edit(new string('企', 201), CodeB))];

        Assert.Equal(
            new[] { new ImportError(3, "企业名称", "企业名称不能超过 200 个字") },
            EnterpriseExcel.Validate(rows, Industries, Zones, NoneRegistered));
    }

    [Fact]
    public void Industry_and_zone_are_trimmed_and_zones_are_not_checked_without_a_zone_list()
    {
        List<ImportRow> rows = [new(2, Edit("甲", CodeA, industry: " 制造业 ", zone: " 祁阳经开区 ")), new(3, Edit("乙", CodeB, zone: "任意园区"))];

        Assert.Equal(
            new[] { new ImportError(3, "所在园区", "园区“任意园区”不在园区字典中") },
            EnterpriseExcel.Validate(rows, Industries, Zones, NoneRegistered));
        Assert.Empty(EnterpriseExcel.Validate(rows, Industries, [], NoneRegistered));
    }

    [Fact]
    public void EnterpriseChecks_Problem_is_the_first_problem_or_null()
    {
        Assert.Null(EnterpriseChecks.Problem(Edit("甲", CodeA), Industries, Zones));
        Assert.Equal("企业名称不能为空", EnterpriseChecks.Problem(Edit(null, "bad", industry: null), Industries, Zones));
        Assert.Equal("统一社会信用代码应为 18 位，现为 3 位", EnterpriseChecks.Problem(Edit("甲", "bad", industry: null), Industries, Zones));
        Assert.Equal("请选择行业", EnterpriseChecks.Problem(Edit("甲", CodeA, industry: null), Industries, Zones));
    }
}
