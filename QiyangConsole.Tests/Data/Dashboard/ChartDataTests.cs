using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Dashboard;

namespace QiyangConsole.Tests.Data.Dashboard;

/// <summary>The overview's charts over the demo: their numbers are the records', in the period and in the user's scope.</summary>
public class ChartDataTests
{
    private static readonly Period BySource = new(new DateOnly(2023, 1, 1), new DateOnly(2023, 5, 18));

    [Fact]
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
}
