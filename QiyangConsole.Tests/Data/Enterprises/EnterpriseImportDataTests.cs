using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Excel;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Enterprises;

/// <summary>The Excel import: all or nothing, or only the good rows on request; only the Office imports.</summary>
public sealed class EnterpriseImportDataTests
{
    private static readonly string[] Header = EnterpriseExcel.Columns.Select(c => c.Header).ToArray();

    [DbFact]
    public async Task A_good_file_imports_every_row()
    {
        await using var db = await Seeds.SeededAsync(new ParkZoneSeed());
        var file = Workbook(Header,
            Row("祁阳导入新材料有限公司", Kit.Code(1), "新材料", "是", "科技工业园", "祁阳高新区科技工业园湘江路 1 号", "张三", "13874600001"),
            Row("祁阳导入电子科技有限公司", Kit.Code(2).ToLowerInvariant(), "电子信息", "否", "高新区核心区", null, null, "0746-3221234"),
            Row("祁阳导入物流有限公司", Kit.Code(3), "现代物流", null));

        // Only the Office imports.
        foreach (var (name, role) in new[] { ("viewer", AppRoles.Viewer), ("leader", AppRoles.Leader), ("steward", AppRoles.Steward), ("unit", AppRoles.Unit) })
        {
            db.SignIn(name, role);
            await Kit.RefusedAsync(() => db.Get<EnterpriseImportService>().ImportAsync(new MemoryStream(file), false), DomainException.Forbidden);
            await Kit.RefusedAsync(() => db.Get<EnterpriseImportService>().ImportAsync(new MemoryStream(file), true), DomainException.Forbidden);
        }
        Assert.Equal(0, await CountAsync(db));

        Kit.AsOffice(db);
        var report = await db.Get<EnterpriseImportService>().ImportAsync(new MemoryStream(file), false);
        Assert.Equal(3, report.Imported);
        Assert.Empty(report.Errors);
        Assert.Empty(report.SkippedRows);
        Assert.False(report.ValidOnly);
        Assert.Equal(3, await CountAsync(db));

        await using (var ctx = db.CreateDbContext())
        {
            var list = await ctx.Enterprises.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
            Assert.Equal(["祁阳导入新材料有限公司", "祁阳导入电子科技有限公司", "祁阳导入物流有限公司"], list.Select(e => e.Name));
            Assert.Equal([Kit.Code(1), Kit.Code(2), Kit.Code(3)], list.Select(e => e.CreditCode));
            Assert.Equal([true, false, false], list.Select(e => e.IsAboveSize));
            Assert.Equal(["新材料", "电子信息", "现代物流"], list.Select(e => e.Industry));
            Assert.Equal(["科技工业园", "高新区核心区", null], list.Select(e => e.Zone));
            Assert.Equal("祁阳高新区科技工业园湘江路 1 号", list[0].Address);
            Assert.Null(list[1].Address);
            Assert.Equal("张三", list[0].ContactPerson);
            Assert.Equal("13874600001", list[0].ContactPhone);
            Assert.Equal("0746-3221234", list[1].ContactPhone);
            Assert.All(list, e => Assert.Null(e.StewardId));
        }

        // The same file again: every row is already registered, nothing is imported.
        var again = await db.Get<EnterpriseImportService>().ImportAsync(new MemoryStream(file), false);
        Assert.Equal(0, again.Imported);
        Assert.Equal(
            [
                new ImportError(2, "统一社会信用代码", $"统一社会信用代码 {Kit.Code(1)} 已登记，不能重复导入"),
                new ImportError(3, "统一社会信用代码", $"统一社会信用代码 {Kit.Code(2)} 已登记，不能重复导入"),
                new ImportError(4, "统一社会信用代码", $"统一社会信用代码 {Kit.Code(3)} 已登记，不能重复导入"),
            ], again.Errors);
        Assert.Equal(3, await CountAsync(db));

        // A wrong header, an empty file and a file that is not a workbook import nothing.
        var badHeader = (string[])Header.Clone();
        badHeader[2] = "所属行业";
        var wrongHeader = await db.Get<EnterpriseImportService>().ImportAsync(new MemoryStream(Workbook(badHeader, Row("祁阳表头错误有限公司", Kit.Code(4), "新材料"))), true);
        Assert.Equal(0, wrongHeader.Imported);
        Assert.Equal([new ImportError(1, "行业", "表头第 3 列应为“行业”，请使用下载的模板")], wrongHeader.Errors);
        var empty = await db.Get<EnterpriseImportService>().ImportAsync(new MemoryStream(Workbook(Header)), true);
        Assert.Equal(0, empty.Imported);
        Assert.Equal([new ImportError(0, "-", "文件中没有企业数据")], empty.Errors);
        var notExcel = await db.Get<EnterpriseImportService>().ImportAsync(new MemoryStream("企业名称,统一社会信用代码"u8.ToArray()), true);
        Assert.Equal(0, notExcel.Imported);
        Assert.Equal([new ImportError(0, "-", "文件不是有效的 Excel 工作簿（.xlsx）")], notExcel.Errors);
        Assert.Equal(3, await CountAsync(db));
    }

    [DbFact]
    public async Task A_file_with_bad_rows_imports_nothing_unless_only_the_valid_rows_are_asked_for()
    {
        await using var db = await Seeds.SeededAsync(new ParkZoneSeed());
        Kit.AsOffice(db);
        var registered = Kit.Code(10);
        await db.Get<EnterpriseService>().SaveAsync(new EnterpriseEdit { Name = "祁阳已登记实业有限公司", CreditCode = registered, Industry = "建材" });
        Assert.Equal(1, await CountAsync(db));

        string a = Kit.Code(11), b = Kit.Code(12), c = Kit.Code(13), d = Kit.Code(14), e = Kit.Code(15), f = Kit.Code(17), checkOf16 = Kit.Code(16);
        var wrongCheck = checkOf16[..17] + (checkOf16[17] == '0' ? "1" : "0");
        var file = Workbook(Header,
            Row("祁阳甲新材料有限公司", a, "新材料", "是", "科技工业园"),          // 2 good
            Row("祁阳乙电子有限公司", wrongCheck, "电子信息"),                    // 3 bad check character
            Row("祁阳丙食品有限公司", b, "食品加工"),                              // 4 good
            Row("祁阳丁食品有限公司", a, "食品加工"),                              // 5 the code of row 2 again
            Row("祁阳戊建材有限公司", registered, "建材"),                         // 6 already registered
            Row(null, d, "建材"),                                                  // 7 no name
            Row("祁阳己地产有限公司", e, "房地产"),                                // 8 not an industry of the dictionary
            Row("祁阳庚物流有限公司", c, "现代物流", "否", "黎家坪片区"),          // 9 good
            Row("祁阳辛纺织有限公司", f, "纺织服装", "可能"));                    // 10 是否规上 neither 是 nor 否
        List<ImportError> expected =
        [
            new(3, "统一社会信用代码", $"统一社会信用代码校验位错误（第 18 位应为“{checkOf16[17]}”）"),
            new(5, "统一社会信用代码", $"统一社会信用代码 {a} 与第 2 行重复"),
            new(6, "统一社会信用代码", $"统一社会信用代码 {registered} 已登记，不能重复导入"),
            new(7, "企业名称", "企业名称不能为空"),
            new(8, "行业", "行业“房地产”不在行业字典中"),
            new(10, "是否规上", "“可能”应填“是”或“否”"),
        ];

        // All or nothing: every problem reported, nothing written.
        var report = await db.Get<EnterpriseImportService>().ImportAsync(new MemoryStream(file), false);
        Assert.Equal(0, report.Imported);
        Assert.False(report.ValidOnly);
        Assert.Equal(expected, report.Errors);
        Assert.Equal([3, 5, 6, 7, 8, 10], report.SkippedRows);
        Assert.Equal(1, await CountAsync(db));

        // Only the valid rows: 甲, 丙 and 庚, the bad rows listed as skipped.
        var validOnly = await db.Get<EnterpriseImportService>().ImportAsync(new MemoryStream(file), true);
        Assert.Equal(3, validOnly.Imported);
        Assert.True(validOnly.ValidOnly);
        Assert.Equal(expected, validOnly.Errors);
        Assert.Equal([3, 5, 6, 7, 8, 10], validOnly.SkippedRows);
        Assert.Equal(4, await CountAsync(db));
        await using var ctx = db.CreateDbContext();
        var imported = await ctx.Enterprises.AsNoTracking().Where(x => x.CreditCode != registered).OrderBy(x => x.Id).ToListAsync();
        Assert.Equal(["祁阳甲新材料有限公司", "祁阳丙食品有限公司", "祁阳庚物流有限公司"], imported.Select(x => x.Name));
        Assert.Equal([a, b, c], imported.Select(x => x.CreditCode));
        Assert.Equal("祁阳已登记实业有限公司", (await ctx.Enterprises.AsNoTracking().SingleAsync(x => x.CreditCode == registered)).Name);
    }

    [DbFact]
    public async Task An_import_logs_each_new_enterprise_as_a_save_logs_it()
    {
        await using var db = await Seeds.SeededAsync(new ParkZoneSeed());
        Kit.AsOffice(db);
        // One enterprise through the form: what the operation log keeps of a save.
        await db.Get<EnterpriseService>().SaveAsync(new EnterpriseEdit { Name = "祁阳表单登记有限公司", CreditCode = Kit.Code(30), Industry = "建材" });
        var file = Workbook(Header,
            Row("祁阳导入甲有限公司", Kit.Code(31), "新材料", "是", "科技工业园", "湘江路 1 号", "张三", "13874600001"),
            Row("祁阳导入乙有限公司", Kit.Code(32), "电子信息"));
        Assert.Equal(2, (await db.Get<EnterpriseImportService>().ImportAsync(new MemoryStream(file), false)).Imported);

        await using var ctx = db.CreateDbContext();
        var enterprises = await ctx.Enterprises.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        var log = await ctx.AuditEntries.AsNoTracking().Where(a => a.Entity == nameof(Enterprise)).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(enterprises.Select(e => e.Id.ToString()), log.Select(a => a.EntityKey));
        Assert.All(log, a => Assert.Equal(("新增", "office"), (a.Action, a.UserName)));
        Assert.All(log, a => Assert.Null(a.OldValues));
        var saved = System.Text.Json.JsonDocument.Parse(log[0].NewValues!).RootElement;
        for (var i = 1; i < log.Count; i++)
        {
            var imported = System.Text.Json.JsonDocument.Parse(log[i].NewValues!).RootElement;
            // The same fields as a save writes, with the row's own values and the key the database gave it.
            Assert.Equal(saved.EnumerateObject().Select(p => p.Name).Order(), imported.EnumerateObject().Select(p => p.Name).Order());
            Assert.Equal(enterprises[i].Id, imported.GetProperty("Id").GetInt32());
            Assert.Equal(enterprises[i].Name, imported.GetProperty("Name").GetString());
            Assert.Equal(enterprises[i].CreditCode, imported.GetProperty("CreditCode").GetString());
        }
        Assert.Equal("湘江路 1 号", System.Text.Json.JsonDocument.Parse(log[1].NewValues!).RootElement.GetProperty("Address").GetString());
    }

    private static async Task<int> CountAsync(TestDb db)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Enterprises.CountAsync();
    }

    /// <summary>A row of the template's eight columns: 企业名称, 统一社会信用代码, 行业, 是否规上, 所在园区, 地址, 联系人, 联系电话.</summary>
    private static string?[] Row(string? name, string? code, string? industry, string? above = "否", string? zone = null, string? address = null, string? person = null, string? phone = null) =>
        [name, code, industry, above, zone, address, person, phone];

    /// <summary>An .xlsx with the header in row 1 and the rows from row 2; null cells are left empty, text written as text.</summary>
    private static byte[] Workbook(string[] header, params string?[][] rows)
    {
        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add("企业名录");
        for (var col = 0; col < header.Length; col++) ws.Cell(1, col + 1).Text(header[col]);
        for (var r = 0; r < rows.Length; r++)
            for (var col = 0; col < rows[r].Length; col++)
                if (rows[r][col] is { } v) ws.Cell(r + 2, col + 1).Text(v);
        return wb.ToBytes();
    }
}
