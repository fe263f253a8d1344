using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Features.WorkItems;
using QiyangConsole.Features.WorkItems.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Dashboard;

/// <summary>The overview's charts over the demo: their numbers are the records', in the period and in the user's scope.</summary>
public class ChartDataTests
{
    private static readonly Period BySource = new(new DateOnly(2023, 1, 1), new DateOnly(2023, 5, 18));

    [DbFact]
    public async Task The_office_sees_the_zone_and_a_unit_only_its_own_problems_and_callbacks()
    {
        await using var db = await SourceFiguresDataTests.DemoAsync();
        db.SignIn("office", AppRoles.Office);
        var zone = (await db.Get<ChartService>().ChartsAsync(BySource)).ToDictionary(c => c.Title);
        Assert.Equal(new[] { "1月", "2月", "3月", "4月", "5月" }, zone["签约投资按月"].Labels);
        Assert.Equal(155.46, Math.Round(zone["签约投资按月"].Series[0].Data.Sum(), 2));
        await using var ctx = db.CreateDbContext();
        var raised = await ctx.Problems.CountAsync(p => p.RaisedOn >= BySource.From && p.RaisedOn <= BySource.To);
        Assert.Equal(raised, zone["问题按类别和状态"].Series.Sum(s => s.Data.Sum()));
        Assert.Equal(await ctx.Problems.CountAsync(p => p.RaisedOn >= BySource.From && p.RaisedOn <= BySource.To && p.ResolvedOn != null),
            zone["问题按类别和状态"].Series.Single(s => s.Name == "已解决").Data.Sum());
        var march = zone["回访满意度按月"].Series[0].Data[2];
        var marchCalls = await ctx.Callbacks.Where(c => c.CalledOn.Month == 3).Select(c => c.Rating).ToListAsync();
        Assert.Equal(Math.Round(100.0 * marchCalls.Count(r => r >= QiyangConsole.Features.Exchanges.Rating.Basic) / marchCalls.Count, 1), march);

        var natural = await ctx.Units.Where(u => u.Name == "市自然资源局").Select(u => u.Id).SingleAsync();
        db.SignIn("unit", AppRoles.Unit, natural, "市自然资源局");
        var unit = (await db.Get<ChartService>().ChartsAsync(BySource)).ToDictionary(c => c.Title);
        Assert.DoesNotContain("签约投资按月", unit.Keys);
        Assert.Equal(await ctx.Problems.CountAsync(p => p.UnitId == natural && p.RaisedOn >= BySource.From && p.RaisedOn <= BySource.To),
            unit["问题按类别和状态"].Series.Sum(s => s.Data.Sum()));
        Assert.True(unit["问题按类别和状态"].Series.Sum(s => s.Data.Sum()) < zone["问题按类别和状态"].Series.Sum(s => s.Data.Sum()));

        // The unit's place in its group in each issued month; the office has no such chart (it is not a unit).
        Assert.DoesNotContain("本单位组内名次按月", zone.Keys);
        var issued = await ctx.Rankings.Where(r => r.UnitId == natural)
            .Join(ctx.EvaluationPeriods.Where(p => p.Year == 2023 && p.Month <= 5 && p.State == QiyangConsole.Features.Evaluation.PeriodState.Issued), r => r.PeriodId, p => p.Id, (r, p) => new { p.Month, r.Rank })
            .ToListAsync();
        Assert.NotEmpty(issued);
        var trend = unit["本单位组内名次按月"].Series.Single().Data;
        Assert.Equal(Enumerable.Range(1, 5).Select(m => (double)(issued.SingleOrDefault(x => x.Month == m)?.Rank ?? 0)), trend);
    }

    internal const string Lights = "重点工作灯色按月";

    /// <summary>
    /// Work items handled through the service on their own days: A (市自然资源局) due 02-15, its extension to 04-28 asked on
    /// 02-10 and approved on 03-06; B (same unit) due 03-31 and closed on 03-20; C (市交通运输局) due 02-28 and left open;
    /// D (市自然资源局) registered on 04-03, due 05-19. The chart's columns are their lights at each month's end (05-18, today, for May).
    /// </summary>
    [DbFact]
    public async Task Work_items_by_light_at_each_months_end_follow_extensions_and_close_outs()
    {
        await using var db = await SourceFiguresDataTests.DemoAsync();
        var (natural, transport) = await ItemsOverTimeAsync(db);

        db.SignIn("office", AppRoles.Office);
        var zone = (await db.Get<ChartService>().ChartsAsync(BySource)).Single(c => c.Title == Lights);
        Assert.Equal(new[] { "当月销号", "绿灯", "黄灯", "红灯" }, zone.Series.Select(s => s.Name));
        //                       1月           2月            3月           4月           5月 (05-18)
        Assert.Equal(new double[] { 0, 0, 1, 0, 0 }, Series(zone, "当月销号"));
        Assert.Equal(new double[] { 3, 1, 1, 1, 0 }, Series(zone, "绿灯"));
        Assert.Equal(new double[] { 0, 1, 0, 0, 1 }, Series(zone, "黄灯"));
        Assert.Equal(new double[] { 0, 1, 1, 2, 2 }, Series(zone, "红灯"));

        db.SignIn("unit", AppRoles.Unit, natural, "市自然资源局");
        var unit = (await db.Get<ChartService>().ChartsAsync(BySource)).Single(c => c.Title == Lights);
        Assert.Equal(new double[] { 0, 0, 1, 0, 0 }, Series(unit, "当月销号"));
        Assert.Equal(new double[] { 2, 1, 1, 1, 0 }, Series(unit, "绿灯"));
        Assert.Equal(new double[] { 0, 0, 0, 0, 1 }, Series(unit, "黄灯"));
        Assert.Equal(new double[] { 0, 1, 0, 1, 1 }, Series(unit, "红灯"));

        db.SignIn("unit", AppRoles.Unit, transport, "市交通运输局");
        var other = (await db.Get<ChartService>().ChartsAsync(BySource)).Single(c => c.Title == Lights);
        Assert.Equal(new double[] { 1, 0, 0, 0, 0 }, Series(other, "绿灯"));
        Assert.Equal(new double[] { 0, 1, 1, 1, 1 }, Series(other, "红灯").Zip(Series(other, "黄灯"), (r, y) => r + y));
    }

    /// <summary>
    /// The demo's work items as well (created days and weeks before today, some closed): the chart equals the lights computed
    /// item by item from the full records, for the zone and for a unit, over a year that runs past today; and today's column
    /// is what the board shows (the stored lights the morning job keeps).
    /// </summary>
    [DbFact]
    public async Task The_lights_chart_equals_the_lights_computed_record_by_record()
    {
        await using var db = await SourceFiguresDataTests.DemoAsync();
        var (natural, _) = await ItemsOverTimeAsync(db);
        await Seeds.Runner(db, Seeds.Config(), new ISeedStep[] { new WorkItemSeed(Seeds.Config(), db.Clock) }).RunAsync();
        var year = Period.Year(2023);

        db.SignIn("office", AppRoles.Office);
        await AssertRecordByRecordAsync(db, year, null);
        db.SignIn("unit", AppRoles.Unit, natural, "市自然资源局");
        await AssertRecordByRecordAsync(db, year, natural);

        // Today's column (May, as at 05-18) against the board's stored lights, refreshed as the morning job does.
        await db.Get<WorkItemLightsJob>().RunAsync();
        db.SignIn("office", AppRoles.Office);
        var chart = (await db.Get<ChartService>().ChartsAsync(year)).Single(c => c.Title == Lights);
        await using var ctx = db.CreateDbContext();
        var stored = await ctx.WorkItems.Where(i => i.State != WorkItemState.Closed).GroupBy(i => i.Light).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.True(stored.Values.Sum() > 10, "the demo's open items are counted");
        Assert.Equal(stored.GetValueOrDefault(WarningLight.Red), Series(chart, "红灯")[4]);
        Assert.Equal(stored.GetValueOrDefault(WarningLight.Yellow), Series(chart, "黄灯")[4]);
        Assert.Equal(stored.GetValueOrDefault(WarningLight.Green), Series(chart, "绿灯")[4]);
        Assert.All(Enumerable.Range(5, 7), m => Assert.Equal(0, chart.Series.Sum(s => s.Data[m])));
    }

    internal static double[] Series(Chart chart, string name) => chart.Series.Single(s => s.Name == name).Data;

    internal static async Task AssertRecordByRecordAsync(TestDb db, Period period, int? unitId)
    {
        await using var ctx = db.CreateDbContext();
        var items = await ctx.WorkItems.AsNoTracking().Where(i => unitId == null || i.LeadUnitId == unitId).ToListAsync();
        var approved = (await ctx.Extensions.AsNoTracking().Where(e => e.State == ExtensionState.Approved).ToListAsync()).ToLookup(e => e.WorkItemId);
        var cal = await db.Get<CalendarService>().GetAsync();
        var today = db.Clock.Today();
        var chart = (await db.Get<ChartService>().ChartsAsync(period)).Single(c => c.Title == Lights);
        var months = period.Months();
        for (var m = 0; m < months.Count; m++)
        {
            var day = new[] { months[m].AddMonths(1).AddDays(-1), period.To, today }.Min();
            var counts = new Dictionary<string, int> { ["当月销号"] = 0, ["绿灯"] = 0, ["黄灯"] = 0, ["红灯"] = 0 };
            if (day >= months[m])
                foreach (var item in items.Where(i => DateOnly.FromDateTime(AppTime.ToLocal(i.CreatedAt)) <= day))
                {
                    if (item.ClosedOn >= months[m] && item.ClosedOn <= day) { counts["当月销号"]++; continue; }
                    if (item.ClosedOn <= day) continue;
                    var deadline = approved[item.Id].Where(e => DateOnly.FromDateTime(AppTime.ToLocal(e.DecidedAt!.Value)) <= day)
                        .OrderBy(e => e.DecidedAt).LastOrDefault()?.RequestedDeadline ?? item.Deadline;
                    var light = WarningLights.OnCalendar(day, deadline, false, 3, cal.CountWorkingDays);
                    counts[light.Name()]++;
                }
            foreach (var (name, count) in counts)
                Assert.True(count == Series(chart, name)[m], $"{months[m]:yyyy-MM} {name}: {count} by the records, {Series(chart, name)[m]} on the chart");
        }
        Assert.True(chart.Series.Sum(s => s.Data.Sum()) > 0);
    }

    /// <summary>Items A–D of the test above, handled on their days; the clock ends on the source's date (2023-05-18).</summary>
    private static async Task<(int Natural, int Transport)> ItemsOverTimeAsync(TestDb db)
    {
        int natural, transport;
        await using (var ctx = db.CreateDbContext())
        {
            natural = await ctx.Units.Where(u => u.Name == "市自然资源局").Select(u => u.Id).SingleAsync();
            transport = await ctx.Units.Where(u => u.Name == "市交通运输局").Select(u => u.Id).SingleAsync();
        }
        var items = db.Get<WorkItemService>();
        void Office() => db.SignIn("office", AppRoles.Office);
        void Liaison() => db.SignIn("unit", AppRoles.Unit, natural, "市自然资源局");
        WorkItemEdit Edit(string title, int unit, DateOnly deadline) => new() { Title = title, Source = "会议", Urgency = Urgency.Normal, LeadUnitId = unit, ResponsibleLeader = "市政府分管副市长", Deadline = deadline };

        db.Clock.Now = new DateTimeOffset(2023, 1, 10, 9, 0, 0, TimeSpan.FromHours(8));
        Office();
        var a = await items.CreateAsync(Edit("甲：清理批而未供土地", natural, new DateOnly(2023, 2, 15)));
        var b = await items.CreateAsync(Edit("乙：不动产登记一窗受理", natural, new DateOnly(2023, 3, 31)));
        var c = await items.CreateAsync(Edit("丙：园区道路微循环", transport, new DateOnly(2023, 2, 28)));
        foreach (var id in new[] { a, b, c }) await items.AssignAsync(id);
        Liaison();
        await items.AcceptAsync(a);
        await items.AcceptAsync(b);

        db.Clock.Now = new DateTimeOffset(2023, 2, 10, 10, 0, 0, TimeSpan.FromHours(8));
        await items.RequestExtensionAsync(a, new DateOnly(2023, 4, 28), "评估机构进场时间推迟");
        db.Clock.Now = new DateTimeOffset(2023, 3, 6, 16, 0, 0, TimeSpan.FromHours(8));
        Office();
        await using (var ctx = db.CreateDbContext())
            await items.DecideExtensionAsync(await ctx.Extensions.Where(e => e.WorkItemId == a).Select(e => e.Id).SingleAsync(), true, null);

        db.Clock.Now = new DateTimeOffset(2023, 3, 20, 10, 0, 0, TimeSpan.FromHours(8));
        Liaison();
        await items.SubmitCloseOutAsync(b, "已办结，佐证材料已上传");
        Office();
        await items.ApproveCloseOutAsync(b);

        db.Clock.Now = new DateTimeOffset(2023, 4, 3, 9, 0, 0, TimeSpan.FromHours(8));
        await items.CreateAsync(Edit("丁：工业用地弹性出让", natural, new DateOnly(2023, 5, 19)));

        db.Clock.Now = new DateTimeOffset(2023, 5, 18, 9, 0, 0, TimeSpan.FromHours(8));
        return (natural, transport);
    }
}
