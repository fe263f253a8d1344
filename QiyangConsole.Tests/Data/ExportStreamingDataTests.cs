using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Exchanges;
using QiyangConsole.Features.Projects;
using QiyangConsole.Features.WorkItems;
using QiyangConsole.Tests.Data.Enterprises;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data;

/// <summary>
/// The list exports read their rows from the database as they write them, on both engines: the query that gives the rows
/// must not go through EF's buffered reader (on PostgreSQL a split query is read whole into memory first: 200 MB for the visits of a
/// province).
/// </summary>
public sealed class ExportStreamingDataTests
{
    [DbFact]
    public async Task Every_list_export_reads_its_rows_as_the_database_sends_them()
    {
        await using var db = await EnterpriseDb.LightAsync();
        db.SignIn("office", AppRoles.Office);
        var exports = new (string Name, Func<IAsyncEnumerable<object>> Rows)[]
        {
            ("enterprises", () => db.Get<EnterpriseService>().StreamAsync(new EnterpriseQuery())),
            ("visits", () => db.Get<VisitService>().StreamAsync(new VisitQuery())),
            ("projects", () => db.Get<ProjectService>().StreamAsync(new ProjectQuery())),
            ("work items", () => db.Get<WorkItemService>().StreamAsync(new BoardQuery())),
            ("problems", () => db.Get<ProblemService>().StreamAsync(new ProblemQuery())),
        };
        foreach (var (name, rows) in exports)
        {
            var count = 0;
            var kinds = await ReaderKinds.OfAsync(async () => { await foreach (var _ in rows()) count++; });
            // The rows come from the last query (a setting may be read before, like any small lookup).
            var last = Assert.IsType<string>(kinds.LastOrDefault());
            Assert.False(last.Contains("Buffered"), $"{name}: rows read through {last}");
            Assert.Contains($"({count + 1} reads)", last); // each row, then the read that finds the end
            if (name is "enterprises" or "visits") Assert.True(count > 0, $"{name}: no rows in the test data");
        }
    }
}
