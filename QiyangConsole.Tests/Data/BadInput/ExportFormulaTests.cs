using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Evaluation.Export;
using QiyangConsole.Infrastructure.Excel;

namespace QiyangConsole.Tests.Data.BadInput;

/// <summary>
/// The workbooks built with ClosedXML (the import template, the circular, the score-sheet template, the quarter review) of
/// records whose text starts with =, +, - or @, as their endpoints build them: no formula anywhere, the text as typed.
/// </summary>
public sealed class ExportFormulaTests(DemoDb demo) : BadInputTests(demo)
{
    private const string UnitName = "=HYPERLINK(\"http://evil.example\",\"点我\")";

    private async Task<Features.Administration.Unit> RenamedUnitAsync()
    {
        await using var ctx = Db.CreateDbContext();
        var unit = await ctx.Units.Where(u => u.GroupId != null && u.IsActive).OrderBy(u => u.Id).FirstAsync();
        if (unit.Name != UnitName)
        {
            unit.Name = UnitName;
            await ctx.Units.Where(u => u.Id == unit.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Name, UnitName));
            await ctx.UnitGroups.Where(g => g.Id == unit.GroupId).ExecuteUpdateAsync(s => s.SetProperty(g => g.Name, "@组别"));
        }
        return unit;
    }

    private static byte[] Bytes(XLWorkbook wb)
    {
        using (wb) return wb.ToBytes();
    }

    [Fact]
    public async Task The_enterprise_import_template_writes_dictionary_labels_as_text()
    {
        Db.SignIn("sysadmin", AppRoles.SysAdmin);
        await Get<SettingsService>().SaveItemAsync(new DictionaryItem { Type = "industry", Label = "=1+1" });
        await Get<SettingsService>().SaveItemAsync(new DictionaryItem { Type = "park-zone", Label = "@园区" });
        Db.SignIn("office", AppRoles.Office);
        ExportFormulaHostTests.AssertTextNotFormulas(await Get<EnterpriseImportService>().TemplateAsync(), ["=1+1", "@园区"]);
    }

    [Fact]
    public async Task The_circular_writes_its_texts_and_unit_names_as_text()
    {
        Db.SignIn("office", AppRoles.Office);
        await RenamedUnitAsync();
        await using (var ctx = Db.CreateDbContext())
        {
            var issued = await ctx.EvaluationPeriods.Where(p => p.State == PeriodState.Issued).OrderByDescending(p => p.Month).Select(p => p.Id).FirstAsync();
            await ctx.Circulars.Where(c => c.PeriodId == issued).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Title, "=标题").SetProperty(c => c.Summary, "+摘要").SetProperty(c => c.ReportTo, "-市委").SetProperty(c => c.CopyTo, "@抄送"));
        }
        var period = await Query(ctx => ctx.EvaluationPeriods.Where(p => p.State == PeriodState.Issued).OrderByDescending(p => p.Month).Select(p => p.Id).FirstAsync());
        var doc = await Get<CircularService>().DocumentAsync(period);
        Assert.Contains(doc.Rankings, r => r.UnitName == UnitName);
        foreach (var blank in new[] { false, true })
        {
            var bytes = Bytes(CircularWorkbook.Build(doc, blank));
            ExportFormulaHostTests.AssertTextNotFormulas(bytes, [UnitName, "=标题"]);
            using var wb = new XLWorkbook(new MemoryStream(bytes));
            var texts = wb.Worksheet(1).CellsUsed().Select(c => c.GetString()).ToList();
            Assert.Contains(texts, t => t.Contains("+摘要"));
            Assert.Contains(texts, t => t.Contains("-市委"));
            Assert.Contains(texts, t => t.Contains("@抄送"));
        }
    }

    [Fact]
    public async Task The_score_sheet_template_writes_unit_group_and_indicator_names_as_text()
    {
        Db.SignIn("office", AppRoles.Office);
        await RenamedUnitAsync();
        var taken = await Query(ctx => ctx.EvaluationPeriods.Where(p => p.Year == 2023).Select(p => p.Month).ToListAsync());
        var open = await Query(ctx => ctx.EvaluationPeriods.Where(p => p.Year == 2023 && p.State == PeriodState.Open).Select(p => (int?)p.Id).FirstOrDefaultAsync())
            ?? await Get<EvaluationService>().CreatePeriodAsync(2023, Enumerable.Range(1, 12).First(m => !taken.Contains(m)));
        var sheet = await Get<ScoreService>().SheetAsync(open);
        var entered = sheet.Indicators.First(i => i.Source == ScoreSource.Entered);
        await Query(ctx => ctx.Indicators.Where(i => i.Id == entered.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Name, "-指标")));
        sheet = await Get<ScoreService>().SheetAsync(open);
        var header = sheet.Indicators.Where(i => i.Source == ScoreSource.Entered).Select(i => i.Name).First();
        Assert.Equal("-指标", header);
        var bytes = Bytes(ScoreSheetExcel.Template(sheet));
        ExportFormulaHostTests.AssertTextNotFormulas(bytes, [UnitName, "@组别"]);
        using var wb = new XLWorkbook(new MemoryStream(bytes));
        Assert.Contains(wb.Worksheet(1).Row(2).CellsUsed(), c => c.GetString().StartsWith("-指标（", StringComparison.Ordinal) && c.Style.IncludeQuotePrefix);
    }

    [Fact]
    public async Task The_quarter_review_writes_unit_names_comments_and_speakers_as_text()
    {
        Db.SignIn("office", AppRoles.Office);
        var unit = await RenamedUnitAsync();
        var rows = await Get<QuarterService>().ReviewAsync(2023, 1);
        var row = rows.Single(r => r.UnitId == unit.Id);
        (row.Comment, row.MustMakeStatement, row.StatementBy) = ("=点评+1", true, "+张三");
        await Get<QuarterService>().SaveAsync(2023, 1, row);
        rows = await Get<QuarterService>().ReviewAsync(2023, 1);
        ExportFormulaHostTests.AssertTextNotFormulas(Bytes(QuarterWorkbook.Build(2023, 1, rows)), [UnitName, "@组别", "=点评+1", "+张三"]);
    }
}
