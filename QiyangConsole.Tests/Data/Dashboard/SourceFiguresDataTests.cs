using Microsoft.AspNetCore.Identity;
using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Exchanges;
using QiyangConsole.Features.Projects;
using QiyangConsole.Features.WorkItems;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Dashboard;

/// <summary>
/// The overview over the whole demo, for the source's own period (2023-01-01 … 2023-05-18, the date of the source): each
/// figure the source gives comes out of the records, and the list each figure links to, filtered by the same period, holds
/// as many. Later in the year the figures have grown.
/// </summary>
public class SourceFiguresDataTests
{
    private static readonly Period BySource = new(new DateOnly(2023, 1, 1), new DateOnly(2023, 5, 18));

    internal static async Task<TestDb> DemoAsync()
    {
        var db = await TestDb.CreateAsync();
        db.Clock.Now = new DateTimeOffset(2023, 5, 18, 9, 0, 0, TimeSpan.FromHours(8));
        var config = Seeds.Config();
        await Seeds.Runner(db, config, new ISeedStep[]
        {
            new ChecklistTemplateSeed(), new ProjectSeed(config), new KeyProjectSeed(config), new ParkZoneSeed(), new ServiceContactSeed(config),
            new EnterpriseSeed(config, new PasswordHasher<AppUser>(), new UpperInvariantLookupNormalizer(), db.Clock),
            new ExchangeSeed(config), new EvaluationSeed(config),
        }).RunAsync();
        return db;
    }

    [DbFact]
    public async Task Counting_the_records_of_2023_up_to_the_sources_date_gives_the_sources_figures()
    {
        await using var db = await DemoAsync();
        db.SignIn("office", AppRoles.Office);
        var figures = (await db.Get<DashboardService>().FiguresAsync(BySource)).ToDictionary(f => f.Label);

        // 今年来，已签约项目 42 个，总投资额 155.46 亿元，其中已落地项目 14 个，计划投资额 18.7 亿元。
        Assert.Equal("42", figures["签约项目"].Value);
        Assert.Contains("155.46 亿元", figures["签约项目"].Note);
        Assert.Equal("14", figures["落地项目"].Value);
        Assert.Contains("18.70 亿元", figures["落地项目"].Note);
        // 今年来，对 19 个排名后进单位给予全市通报批评，2 名市级领导和 6 个单位主要负责人……作表态发言。
        Assert.Equal("19", figures["通报批评后进单位"].Value);
        Assert.Equal("8", figures["表态发言"].Value);
        Assert.Equal("市级领导 2 名 · 单位主要负责人 6 名", figures["表态发言"].Note);
        // 今年来，已举办政企交流活动 10 次，解决问题 87 个。
        Assert.Equal("10", figures["政企交流活动"].Value);
        Assert.Equal("87", figures["解决问题"].Value);
        // 今年来，已回访办事企业和群众 1000 余人次，群众满意度达 99.2%。
        var called = int.Parse(figures["回访办事企业和群众"].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(called, 1001, 1099);
        Assert.Equal("满意度 99.2%", figures["回访办事企业和群众"].Note);
        // 2022 年以来，成功为园区企业办结代办事项 180 余件。
        Assert.InRange(int.Parse(figures["办结代办事项"].Value), 181, 189);

        // Each figure links to its list with the period.
        foreach (var f in figures.Values.Where(f => f.Label is not ("考核单位" or "工作日历" or "企业管家覆盖率" or "办结代办事项")))
            Assert.EndsWith("from=2023-01-01&to=2023-05-18", f.Link);
        Assert.EndsWith("from=2022-01-01&to=2023-05-18", figures["办结代办事项"].Link);
    }

    [DbFact]
    public async Task The_lists_behind_the_figures_filtered_by_the_same_period_hold_as_many()
    {
        await using var db = await DemoAsync();
        db.SignIn("office", AppRoles.Office);
        var figures = (await db.Get<DashboardService>().FiguresAsync(BySource)).ToDictionary(f => f.Label, f => f.Value);
        int N(string label) => int.Parse(figures[label], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(N("签约项目"), (await db.Get<ProjectService>().ListAsync(new ProjectQuery(From: BySource.From, To: BySource.To), 0, 10)).Total);
        Assert.Equal(N("落地项目"), (await db.Get<ProjectService>().ListAsync(new ProjectQuery(From: BySource.From, To: BySource.To, ByLanded: true), 0, 10)).Total);
        Assert.Equal(N("通报批评后进单位"), (await db.Get<StatementService>().CriticisedAsync(BySource)).Count);
        Assert.Equal(N("政企交流活动"), (await db.Get<ExchangeService>().EventsAsync(BySource)).Count);
        Assert.Equal(N("解决问题"), (await db.Get<ProblemService>().ListAsync(new ProblemQuery(From: BySource.From, To: BySource.To, ByResolved: true), 0, 10)).Total);
        Assert.Equal(N("回访办事企业和群众"), (await db.Get<CallbackService>().ListAsync(null, null, 0, 10, BySource)).Total);
        var since2022 = new Period(HelpMatterService.CountFrom, BySource.To);
        Assert.Equal(N("办结代办事项"), (await db.Get<HelpMatterService>().ListAsync(new HelpMatterQuery(Mode: HelpMode.Proxy, State: HelpState.Finished, FinishedFrom: since2022.From, FinishedTo: since2022.To), 0, 10)).Total);
    }

    [DbFact]
    public async Task Later_records_are_dated_later_so_the_years_figures_are_larger()
    {
        await using var db = await DemoAsync();
        db.SignIn("office", AppRoles.Office);
        var dashboard = db.Get<DashboardService>();
        var source = (await dashboard.FiguresAsync(BySource)).ToDictionary(f => f.Label, f => f.Value);
        var year = (await dashboard.FiguresAsync(Period.Year(2023))).ToDictionary(f => f.Label, f => f.Value);
        foreach (var label in new[] { "通报批评后进单位", "表态发言", "政企交流活动", "解决问题", "回访办事企业和群众", "办结代办事项" })
            Assert.True(int.Parse(year[label].Replace(",", "")) > int.Parse(source[label].Replace(",", "")), $"{label}: {source[label]} by the source's date, {year[label]} in the year");

        // A quarter and a month are periods too: the first quarter holds six events and two circulars (issued 02-06 and
        // 03-07: nine units, 市水利局 in both); March holds one circular (five units).
        var q1 = (await dashboard.FiguresAsync(Period.Quarter(2023, 1))).ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("6", q1["政企交流活动"]);
        Assert.Equal("9", q1["通报批评后进单位"]);
        Assert.Equal("5", (await dashboard.FiguresAsync(Period.Month(2023, 3))).Single(f => f.Label == "通报批评后进单位").Value);
    }

    /// <summary>
    /// A unit's overview follows its reach, and each figure with a link equals the list it links to, for that unit: the
    /// problems and callbacks of its unit; the events and the work-item board, zone-wide lists for every unit, zone-wide
    /// (and their notes say so); the projects it leads and its own criticisms and statements, whose lists it cannot open.
    /// </summary>
    [DbFact]
    public async Task A_units_figures_are_its_own_and_equal_the_lists_it_sees()
    {
        await using var db = await DemoAsync();
        await Seeds.Runner(db, Seeds.Config(), new ISeedStep[] { new WorkItemSeed(Seeds.Config(), db.Clock) }).RunAsync();
        db.SignIn("office", AppRoles.Office);
        var zone = (await db.Get<DashboardService>().FiguresAsync(BySource)).ToDictionary(f => f.Label);
        await using var ctx = db.CreateDbContext();
        var natural = await ctx.Units.Where(u => u.Name == "市自然资源局").Select(u => u.Id).SingleAsync();
        db.SignIn("unit", AppRoles.Unit, natural, "市自然资源局");
        var mine = (await db.Get<DashboardService>().FiguresAsync(BySource)).ToDictionary(f => f.Label);
        int N(string label) => int.Parse(mine[label].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);

        // Lists open to the unit, filtered by the period: the figure is their count for this user.
        Assert.Equal(N("解决问题"), (await db.Get<ProblemService>().ListAsync(new ProblemQuery(From: BySource.From, To: BySource.To, ByResolved: true), 0, 10)).Total);
        Assert.Equal(await ctx.Problems.CountAsync(p => p.UnitId == natural && p.ResolvedOn >= BySource.From && p.ResolvedOn <= BySource.To), N("解决问题"));
        Assert.InRange(N("解决问题"), 1, int.Parse(zone["解决问题"].Value) - 1);
        Assert.Equal(N("回访办事企业和群众"), (await db.Get<CallbackService>().ListAsync(null, null, 0, 10, BySource)).Total);
        Assert.InRange(N("回访办事企业和群众"), 1, 999);
        Assert.StartsWith("本单位 · 满意度 ", mine["回访办事企业和群众"].Note);
        Assert.Equal(N("政企交流活动"), (await db.Get<ExchangeService>().EventsAsync(BySource)).Count);
        Assert.Equal(zone["政企交流活动"].Value, mine["政企交流活动"].Value);
        var fromProblems = await ctx.Problems.Where(p => p.UnitId == natural && p.EventId != null).Select(p => p.EventId).Distinct().ToListAsync();
        var involved = (await ctx.ExchangeEvents.Where(e => e.Date >= BySource.From && e.Date <= BySource.To).Select(e => new { e.Id, e.UnitIds }).ToListAsync())
            .Count(e => e.UnitIds.Split(',').Contains(natural.ToString()) || fromProblems.Contains(e.Id));
        Assert.InRange(involved, 1, N("政企交流活动"));
        Assert.Equal($"全区 · 涉及本单位 {involved} 次", mine["政企交流活动"].Note);
        var board = (await db.Get<WorkItemService>().BoardAsync(new BoardQuery(DueFrom: BySource.From, DueTo: BySource.To), 0, 10)).Total;
        Assert.True(board > 0, "demo work items fall due in the period");
        Assert.Equal(board, N("期内到期重点工作"));
        Assert.StartsWith("全区公开栏 · ", mine["期内到期重点工作"].Note);

        // Its own records, whose lists (the register, the circulars, the statements) are the overseers': no link but /evaluation/mine.
        var led = ctx.Projects.Where(p => p.LeadUnitId == natural);
        Assert.Equal(await led.CountAsync(p => p.SignedOn >= BySource.From && p.SignedOn <= BySource.To), N("签约项目"));
        Assert.Equal(await led.CountAsync(p => p.LandedOn >= BySource.From && p.LandedOn <= BySource.To), N("落地项目"));
        Assert.True(N("签约项目") < int.Parse(zone["签约项目"].Value));
        Assert.Null(mine["签约项目"].Link);
        Assert.StartsWith("本单位牵头 · ", mine["签约项目"].Note);
        var named = await ctx.CircularCriticisedUnits.CountAsync(x => x.UnitId == natural
            && ctx.Circulars.Any(c => c.Id == x.CircularId && c.IssuedAt != null && c.IssueDate >= BySource.From && c.IssueDate <= BySource.To));
        Assert.Equal(named, N("本单位被通报批评"));
        Assert.Equal("/evaluation/mine", mine["本单位被通报批评"].Link);
        Assert.Equal(await ctx.Statements.CountAsync(s => s.UnitId == natural && s.HeldOn >= BySource.From && s.HeldOn <= BySource.To), N("本单位表态发言"));
        Assert.DoesNotContain("通报批评后进单位", mine.Keys);
        Assert.DoesNotContain("表态发言", mine.Keys);
        // Every business figure's link opens for the role (the system facts of 考核单位 and 工作日历 link to pages the overview shows the link of only to those who may open them).
        Assert.All(mine.Values.Where(f => f.Link is not null && f.Label is not ("考核单位" or "工作日历")), f => Assert.True(QiyangConsole.Infrastructure.Auth.Access.MayOpen(f.Link!, r => r == AppRoles.Unit), $"{f.Label} links to {f.Link}"));

        // Another unit has other figures (the overview keeps one set per unit).
        var transport = await ctx.Units.Where(u => u.Name == "市交通运输局").Select(u => u.Id).SingleAsync();
        db.SignIn("unit2", AppRoles.Unit, transport, "市交通运输局");
        var theirs = (await db.Get<DashboardService>().FiguresAsync(BySource)).ToDictionary(f => f.Label);
        Assert.Equal(await ctx.Problems.CountAsync(p => p.UnitId == transport && p.ResolvedOn >= BySource.From && p.ResolvedOn <= BySource.To), int.Parse(theirs["解决问题"].Value));
        Assert.NotEqual(mine["回访办事企业和群众"].Value, theirs["回访办事企业和群众"].Value);
    }

    /// <summary>
    /// A steward's overview: its enterprises and visits (as its lists show them), the problems its enterprises raised that
    /// were solved, the public work-item board; none of the register's, the evaluation's or the units' figures.
    /// </summary>
    [DbFact]
    public async Task A_stewards_figures_are_its_own_and_equal_the_lists_it_sees()
    {
        await using var db = await DemoAsync();
        await using var ctx = db.CreateDbContext();
        var solvedByEnterprise = await ctx.Problems.Where(p => p.ResolvedOn >= BySource.From && p.ResolvedOn <= BySource.To && p.EnterpriseId != null)
            .Join(ctx.Enterprises.Where(e => e.StewardId != null), p => p.EnterpriseId, e => e.Id, (p, e) => e.StewardId!).ToListAsync();
        var steward = solvedByEnterprise.GroupBy(s => s).OrderByDescending(g => g.Count()).First();
        db.SignIn("steward", AppRoles.Steward, userId: steward.Key);
        var mine = (await db.Get<DashboardService>().FiguresAsync(BySource)).ToDictionary(f => f.Label);

        Assert.Equal(steward.Count().ToString(), mine["我的企业问题解决"].Value);
        Assert.Null(mine["我的企业问题解决"].Link);
        Assert.Equal(int.Parse(mine["我的企业"].Value), (await db.Get<EnterpriseService>().ListAsync(new EnterpriseQuery(), 0, 10)).Total);
        Assert.Equal(int.Parse(mine["我的走访"].Value), (await db.Get<VisitService>().ListAsync(new VisitQuery(From: BySource.From, To: BySource.To), 0, 10)).Total);
        Assert.StartsWith("全区公开栏 · ", mine["期内到期重点工作"].Note);
        foreach (var label in new[] { "签约项目", "落地项目", "通报批评后进单位", "本单位被通报批评", "表态发言", "政企交流活动", "解决问题", "回访办事企业和群众" })
            Assert.DoesNotContain(label, mine.Keys);
        // Every business figure's link opens for the role (the system facts of 考核单位 and 工作日历 link to pages the overview shows the link of only to those who may open them).
        Assert.All(mine.Values.Where(f => f.Link is not null && f.Label is not ("考核单位" or "工作日历")), f => Assert.True(QiyangConsole.Infrastructure.Auth.Access.MayOpen(f.Link!, r => r == AppRoles.Steward), $"{f.Label} links to {f.Link}"));
    }
}
