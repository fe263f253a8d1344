using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Projects;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Projects;

/// <summary>
/// The register and its figures at any size: the figures are counts and sums of the rows themselves (computed in SQL),
/// a page is exactly the rows of the whole list sorted, and SQLite reads each page in order from an index.
/// </summary>
public sealed class ProjectRegisterScaleTests
{
    private static readonly DateOnly Today = new(2023, 5, 18); // the test clock

    [DbFact]
    public async Task The_figures_are_the_counts_and_sums_of_the_register_rows()
    {
        await using var db = await SeededWithMoreAsync();
        var (all, nodes) = await ReadAllAsync(db);

        var t = await db.Get<ProjectFigures>().TotalsAsync();

        var year = all.Where(p => p.SignedOn is not null).Max(p => p.SignedOn!.Value.Year);
        var signed = all.Where(p => p.SignedOn?.Year == year).ToList();
        var landed = all.Where(p => p.LandedOn?.Year == year).ToList();
        Assert.Equal(year, t.Year);
        Assert.Equal(signed.Count, t.Signed);
        Assert.Equal(Math.Round(signed.Sum(p => p.InvestmentWan), 2), t.SignedWan);
        Assert.Equal(landed.Count, t.Landed);
        Assert.Equal(Math.Round(landed.Sum(p => p.InvestmentWan), 2), t.LandedWan);
        Assert.Equal(all.Count(p => p.IsKey && p.Stage != ProjectStage.Terminated), t.Key);
        Assert.Equal(nodes.Count(n => n.DoneOn is null && n.DueOn < Today), t.OverdueNodes);
        Assert.Equal(signed.GroupBy(p => p.SignedOn!.Value.Month).OrderBy(g => g.Key).Select(g => new MonthSigned(g.Key, g.Count(), Math.Round(g.Sum(p => p.InvestmentWan), 2))), t.ByMonth);
        Assert.Equal(all.GroupBy(p => p.Stage).OrderBy(g => g.Key).Select(g => new StageCount(g.Key, g.Count())), t.ByStage);
    }

    [DbFact]
    public async Task A_page_of_the_register_is_that_page_of_all_matching_rows_sorted()
    {
        await using var db = await SeededWithMoreAsync();
        var (all, nodes) = await ReadAllAsync(db);
        db.SignIn("office", AppRoles.Office);
        var projects = db.Get<ProjectService>();
        var leader = all.GroupBy(p => p.ContactLeaderId).OrderByDescending(g => g.Count()).First().Key;
        var overdue = nodes.Where(n => n.DoneOn is null && n.DueOn < Today).Select(n => n.ProjectId).ToHashSet();
        var cases = new (ProjectQuery Query, Func<Project, bool> Matches)[]
        {
            (new(), _ => true),
            (new(Stage: ProjectStage.Producing), p => p.Stage == ProjectStage.Producing),
            (new(Key: true), p => p.IsKey),
            (new(Industry: "新材料"), p => p.Industry == "新材料"),
            (new(Region: "省内", InvestorType: "其他"), p => p.OriginRegion == "省内" && p.InvestorType == "其他"),
            (new(LeaderId: leader), p => p.ContactLeaderId == leader),
            (new(OverdueOnly: true), p => overdue.Contains(p.Id)),
            (new(Text: "规模测试项目1"), p => p.Name.Contains("规模测试项目1")),
            (new(Text: "坤能"), p => p.Name.Contains("坤能") || p.Investor.Contains("坤能")),
        };
        Assert.NotEmpty(overdue);

        foreach (var (query, matches) in cases)
        {
            var expected = all.Where(matches).OrderByDescending(p => p.SignedOn ?? p.NegotiatingOn).ThenByDescending(p => p.Id).Select(p => p.Id).ToList();
            Assert.True(expected.Count > 0, query.ToString());
            foreach (var skip in new[] { 0, 7, expected.Count - 3 })
            {
                var (rows, total) = await projects.ListAsync(query, Math.Max(0, skip), 7);
                Assert.Equal(expected.Count, total);
                Assert.Equal(expected.Skip(Math.Max(0, skip)).Take(7), rows.Select(r => r.Id));
            }
        }
        // Each row's overdue nodes are that project's own.
        var (page, _) = await projects.ListAsync(new ProjectQuery(OverdueOnly: true), 0, 50);
        Assert.All(page, r => Assert.Equal(nodes.Count(n => n.ProjectId == r.Id && n.DoneOn is null && n.DueOn < Today), r.OverdueNodes));
    }

    [Fact]
    public async Task Each_page_of_the_register_is_read_in_order_from_an_index_and_counted_without_reading_the_table()
    {
        await using var db = await TestDb.CreateAsync(); // the plan does not depend on the amount of data
        db.SignIn("office", AppRoles.Office);
        var projects = db.Get<ProjectService>();
        foreach (var query in new ProjectQuery[]
        {
            new(), new(Stage: ProjectStage.Signed), new(Industry: "新材料"), new(Region: "省内"), new(InvestorType: "央企"), new(LeaderId: "leader"),
            new(Key: true), new(Sort: "investment"), new(Sort: "name"), new(Sort: "stage"),
        })
        {
            var plans = await db.PlansOf(() => projects.ListAsync(query, 40, 20));
            var page = Assert.Single(plans, p => p.Sql.Contains("LIMIT"));
            Assert.False(page.SortsAll, $"{query}: {page}");
            Assert.All(plans, p => Assert.False(p.ScansTable("p"), $"{query}: {p}"));
        }
        // The figures: counts and sums from indexes, no project read.
        var figures = await db.PlansOf(() => db.Get<ProjectFigures>().TotalsAsync());
        Assert.All(figures, p => Assert.False(p.ScansTable("p"), p.ToString()));
    }

    private static async Task<TestDb> SeededWithMoreAsync()
    {
        var db = await Seeds.SeededAsync(new ChecklistTemplateSeed(), new ProjectSeed(Seeds.Config()));
        // Amounts with cents over every month of the year and each stage, some nodes open past due, beside the demo register.
        await using var ctx = db.CreateDbContext();
        var leaders = await ctx.Projects.Select(p => p.ContactLeaderId).Distinct().ToListAsync();
        var unit = await ctx.Projects.Select(p => p.LeadUnitId).FirstAsync();
        for (var i = 0; i < 60; i++)
        {
            var stage = (ProjectStage)new[] { 0, 1, 2, 3, 4, 9 }[i % 6];
            var negotiating = new DateOnly(2022, 1, 3).AddDays(i * 9);
            DateOnly? signed = stage is ProjectStage.Negotiating or ProjectStage.Terminated ? null : negotiating.AddDays(20 + i % 5);
            var p = new Project
            {
                Name = $"规模测试项目{i:00}", Investor = $"湖南规模测试{i % 7}有限公司", Industry = i % 3 == 0 ? "新材料" : "先进装备制造",
                OriginRegion = i % 4 == 0 ? "省内" : "长三角", InvestorType = i % 5 == 0 ? "其他" : "行业龙头", InvestmentWan = 3_000m + i * 731.37m,
                Stage = stage, NegotiatingOn = negotiating, SignedOn = signed, LandedOn = stage >= ProjectStage.Landed && signed is { } s ? s.AddDays(15) : null,
                TerminatedOn = stage == ProjectStage.Terminated ? negotiating.AddDays(40) : null, ContactLeaderId = leaders[i % leaders.Count], LeadUnitId = unit,
            };
            ctx.Projects.Add(p);
            await ctx.SaveChangesAsync();
            ctx.PlanNodes.Add(new PlanNode { ProjectId = p.Id, Name = "节点", DueOn = negotiating.AddDays(30), DoneOn = i % 3 == 0 ? null : negotiating.AddDays(25) });
        }
        await ctx.SaveChangesAsync();
        return db;
    }

    private static async Task<(List<Project> Projects, List<PlanNode> Nodes)> ReadAllAsync(TestDb db)
    {
        await using var ctx = db.CreateDbContext();
        return (await ctx.Projects.AsNoTracking().ToListAsync(), await ctx.PlanNodes.AsNoTracking().ToListAsync());
    }
}
