using System.IO.Compression;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QiyangConsole.Data;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Features.Exchanges;
using QiyangConsole.Features.Projects;
using QiyangConsole.Features.WorkItems;
using QiyangConsole.Tests.Data.Enterprises;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.BadInput;

/// <summary>
/// Every streamed list export, downloaded as the office does, of records whose text starts with =, +, - or @: no cell of the
/// file is a formula, the text is there as typed, and it carries Excel's quote prefix so editing the cell keeps it text.
/// The records are added for the test and removed after it (the host is shared by the collection).
/// </summary>
[Collection(HostCollection.Name)]
public partial class ExportFormulaHostTests(HostFixture fixture)
{
    private const string Mark = "QYFX";

    public static TheoryData<string> Exports => ["enterprises", "cards", "visits", "projects", "work-items", "problems"];

    [Theory, MemberData(nameof(Exports))]
    public async Task A_list_export_writes_formula_looking_text_as_text(string export)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var added = await AddAsync(factory);
        try
        {
            var (url, expected) = export switch
            {
                "enterprises" => ($"/enterprises/export.xlsx?text={Mark}", new[] { added.EnterpriseName, "+QYFX行业", "@QYFX园区", "-QYFX地址", "=QYFX联系人", "+8613800000000" }),
                "cards" => ($"/enterprises/cards.xlsx?text={Mark}", [added.EnterpriseName, "-QYFX地址", "=QYFX部门（24小时）", "+张三 -0746"]),
                "visits" => ($"/visits/export.xlsx?enterprise={added.EnterpriseId}", [added.EnterpriseName, "=1+2 走访", "@SUM(A1) 问题"]),
                "projects" => ($"/projects/export.xlsx?text={Mark}", ["=QYFX项目", "+QYFX投资方", "-行业", "@地区"]),
                "work-items" => ($"/work-items/export.xlsx?text={Mark}", ["-QYFX事项", "=来源", "@领导", "+进展"]),
                _ => ($"/exchanges/problems.xlsx?text={Mark}", ["=QYFX企业", "+QYFX问题", "-用工", "@办理结果"]),
            };
            using var client = await AccessHostTests.SignedInClientAsync(fixture.Host.BaseUrl, "office");
            var response = await client.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
            AssertTextNotFormulas(await response.Content.ReadAsByteArrayAsync(), expected);
        }
        finally { await RemoveAsync(factory, added); }
    }

    /// <summary>No formula anywhere in the file, and each expected text in a cell, as typed, quote-prefixed.</summary>
    internal static void AssertTextNotFormulas(byte[] xlsx, IEnumerable<string> expected)
    {
        using (var zip = new ZipArchive(new MemoryStream(xlsx)))
            foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(sheet.Open());
                Assert.DoesNotMatch(FormulaElement(), reader.ReadToEnd());
            }
        using var wb = new XLWorkbook(new MemoryStream(xlsx));
        var cells = wb.Worksheets.SelectMany(ws => ws.CellsUsed()).ToList();
        Assert.All(cells, c => Assert.False(c.HasFormula, $"{c.Address} is a formula: {c.FormulaA1}"));
        foreach (var text in expected)
        {
            var cell = cells.FirstOrDefault(c => c.GetString() == text);
            Assert.True(cell is not null, $"“{text}” is not in any cell");
            Assert.True(cell.Style.IncludeQuotePrefix, $"“{text}” at {cell.Address} has no quote prefix");
        }
    }

    [GeneratedRegex("<(\\w+:)?f[ >/]")]
    private static partial Regex FormulaElement();

    private sealed record Added(int EnterpriseId, string EnterpriseName, int VisitId, int ContactId, int ProjectId, int WorkItemId, int ProblemId);

    private static async Task<Added> AddAsync(IDbContextFactory<AppDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var steward = await db.Users.Where(u => u.UserName == "steward").Select(u => u.Id).SingleAsync();
        var leader = await db.Users.Where(u => u.UserName == "leader").Select(u => u.Id).SingleAsync();
        var unit = await db.Units.Where(u => u.Name == "市自然资源局").Select(u => u.Id).SingleAsync();
        var today = DateOnly.FromDateTime(DateTime.Today);
        var enterprise = new Enterprise
        {
            Name = $"=HYPERLINK(\"http://evil.example\",\"{Mark}\")", CreditCode = Kit.Code(990_001), Industry = "+QYFX行业", Zone = "@QYFX园区", Address = "-QYFX地址",
            ContactPerson = "=QYFX联系人", ContactPhone = "+8613800000000", StewardId = steward, StewardSince = today.AddDays(-30),
        };
        db.Enterprises.Add(enterprise);
        var contact = new ServiceContact { Department = "=QYFX部门", Name = "+张三", Phone = "-0746", SortOrder = 999 };
        db.ServiceContacts.Add(contact);
        var project = new Project
        {
            Name = "=QYFX项目", Investor = "+QYFX投资方", Industry = "-行业", OriginRegion = "@地区", InvestorType = "其他", InvestmentWan = 100, NegotiatingOn = today.AddDays(-3),
            ContactLeaderId = leader, LeadUnitId = unit,
        };
        db.Projects.Add(project);
        var item = new WorkItem { Title = "-QYFX事项", Source = "=来源", ResponsibleLeader = "@领导", LeadUnitId = unit, State = WorkItemState.InProgress, Deadline = today.AddDays(30), CreatedAt = DateTime.UtcNow };
        db.WorkItems.Add(item);
        var problem = new Problem { EnterpriseName = "=QYFX企业", Description = "+QYFX问题", Category = "-用工", RaisedOn = today, Answer = "@办理结果" };
        db.Problems.Add(problem);
        await db.SaveChangesAsync();
        var visit = new Visit { EnterpriseId = enterprise.Id, StewardId = steward, VisitedOn = today.AddDays(-1), Duties = StewardDuties.Informant, Done = "=1+2 走访", ProblemsFound = "@SUM(A1) 问题", CreatedAt = DateTime.UtcNow };
        db.Visits.Add(visit);
        db.WorkItemUpdates.Add(new WorkItemUpdate { WorkItemId = item.Id, Kind = UpdateKind.Progress, At = DateTime.UtcNow, By = "测试", Text = "+进展" });
        await db.SaveChangesAsync();
        return new Added(enterprise.Id, enterprise.Name, visit.Id, contact.Id, project.Id, item.Id, problem.Id);
    }

    private static async Task RemoveAsync(IDbContextFactory<AppDbContext> factory, Added a)
    {
        await using var db = await factory.CreateDbContextAsync();
        await db.Visits.Where(v => v.Id == a.VisitId).ExecuteDeleteAsync();
        await db.Enterprises.Where(e => e.Id == a.EnterpriseId).ExecuteDeleteAsync();
        await db.ServiceContacts.Where(c => c.Id == a.ContactId).ExecuteDeleteAsync();
        await db.ProjectChecklist.Where(c => c.ProjectId == a.ProjectId).ExecuteDeleteAsync();
        await db.Projects.Where(p => p.Id == a.ProjectId).ExecuteDeleteAsync();
        await db.WorkItemUpdates.Where(u => u.WorkItemId == a.WorkItemId).ExecuteDeleteAsync();
        await db.WorkItems.Where(i => i.Id == a.WorkItemId).ExecuteDeleteAsync();
        await db.ProblemSteps.Where(s => s.ProblemId == a.ProblemId).ExecuteDeleteAsync();
        await db.Problems.Where(p => p.Id == a.ProblemId).ExecuteDeleteAsync();
    }
}
