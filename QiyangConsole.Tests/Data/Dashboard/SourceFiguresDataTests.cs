using Microsoft.AspNetCore.Identity;
using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Exchanges;
using QiyangConsole.Features.Projects;
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

    [Fact]
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

    [Fact]
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

    [Fact]
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
}
