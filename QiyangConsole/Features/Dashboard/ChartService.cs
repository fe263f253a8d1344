using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Exchanges;
using QiyangConsole.Features.Exchanges.Rules;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Features.WorkItems;
using QiyangConsole.Features.WorkItems.Rules;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Dashboard;

/// <summary>One chart of the overview: its columns, its series, and the same numbers as a table (for those who read rather than look).</summary>
public sealed record Chart(string Title, string Unit, IReadOnlyList<string> Labels, IReadOnlyList<ChartLine> Series, string[]? Colours = null);

public sealed record ChartLine(string Name, double[] Data);

/// <summary>
/// The overview's charts over a period, in the user's scope as the lists have it: the whole zone sees signed investment by
/// month; a unit sees its own problems, callbacks and work items. Work items' lights over time are computed from the
/// records of the items alive in the period (<see cref="LightHistory"/>), as the lights are not stored day by day. Counts and sums in SQL, grouped by day, then by month here.
/// </summary>
public sealed class ChartService(IDbContextFactory<AppDbContext> factory, FigureCache cache, CurrentUser user, CalendarService calendar, SettingsService settings, TimeProvider clock)
{
    public Task<IReadOnlyList<Chart>> ChartsAsync(Period period, CancellationToken ct = default) =>
        cache.GetAsync<IReadOnlyList<Chart>>($"charts:{FigureCache.ScopeOf(user)}:{period.Query}", () => ReadAsync(period, ct));

    private async Task<IReadOnlyList<Chart>> ReadAsync(Period period, CancellationToken ct)
    {
        var reach = user.Reach;
        if (!reach.WholeZone && !reach.IsLiaison) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var (from, to) = (period.From, period.To);
        var months = period.Months();
        var labels = months.Select(m => months.Select(x => x.Year).Distinct().Count() > 1 ? $"{m.Year}-{m.Month:00}" : $"{m.Month}月").ToList();
        int Index(DateOnly d) => (d.Year - months[0].Year) * 12 + d.Month - months[0].Month;
        var charts = new List<Chart>();

        if (reach.WholeZone)
        {
            var signed = await db.Projects.Where(p => p.SignedOn >= from && p.SignedOn <= to).GroupBy(p => p.SignedOn)
                .Select(g => new { Day = g.Key!.Value, Wan = g.Sum(p => p.InvestmentWan) }).ToListAsync(ct);
            var yi = new double[months.Count];
            foreach (var d in signed) yi[Index(d.Day)] += (double)(d.Wan / Money.WanPerYi);
            charts.Add(new("签约投资按月", "亿元", labels, [new("签约投资", yi.Select(v => Math.Round(v, 2)).ToArray())]));
        }

        var histories = await WorkItemHistories.ReadAsync(db, from, to, reach.WholeZone ? null : reach.Unit, ct);
        var cal = await calendar.GetAsync(ct);
        var yellowDays = await settings.IntAsync("warning.yellowDays", 3);
        var lights = LightHistory.ByMonth(histories, from, to, clock.Today(), yellowDays, cal.CountWorkingDays);
        double[] Lights(Func<MonthLights, int> pick) => lights.Select(m => (double)pick(m)).ToArray();
        charts.Add(new("重点工作灯色按月", "项", labels,
        [
            new("当月销号", Lights(m => m.Closed)), new("绿灯", Lights(m => m.Green)), new("黄灯", Lights(m => m.Yellow)), new("红灯", Lights(m => m.Red)),
        ], ["#757575", "#2e7d32", "#f9a825", "#c62828"]));

        var problems = db.Problems.Where(p => p.RaisedOn >= from && p.RaisedOn <= to);
        if (!reach.WholeZone) problems = problems.Where(p => p.UnitId == reach.Unit);
        var byCategory = await problems.GroupBy(p => new { p.Category, Solved = p.ResolvedOn != null }).Select(g => new { g.Key.Category, g.Key.Solved, Count = g.Count() }).ToListAsync(ct);
        var categories = byCategory.Select(c => c.Category).Distinct().Order(StringComparer.Ordinal).ToList();
        double[] Problems(bool solved) => categories.Select(c => (double)byCategory.Where(x => x.Category == c && x.Solved == solved).Sum(x => x.Count)).ToArray();
        charts.Add(new("问题按类别和状态", "个", categories, [new("已解决", Problems(true)), new("未解决", Problems(false))]));

        var callbacks = db.Callbacks.Where(c => c.CalledOn >= from && c.CalledOn <= to);
        if (!reach.WholeZone) callbacks = callbacks.Where(c => c.UnitId == reach.Unit);
        var byDay = await callbacks.GroupBy(c => new { c.CalledOn, c.Rating }).Select(g => new { g.Key.CalledOn, g.Key.Rating, Count = g.Count() }).ToListAsync(ct);
        var rate = months.Select((_, i) =>
        {
            var month = byDay.Where(x => Index(x.CalledOn) == i).ToList();
            return Ratings.Rate(month.Where(x => !Ratings.IsBad(x.Rating)).Sum(x => x.Count), month.Sum(x => x.Count)) is { } r ? Math.Round((double)r * 100, 1) : 0;
        }).ToArray();
        charts.Add(new("回访满意度按月", "%", labels, [new("满意度", rate)]));

        // A unit's trend: its place in its group in each issued month of the period (0 where the month is not issued yet).
        if (reach.UnitId is { } unit)
        {
            var (firstMonth, lastMonth) = (months[0].Year * 100 + months[0].Month, months[^1].Year * 100 + months[^1].Month);
            var ranks = await db.Rankings.Where(r => r.UnitId == unit)
                .Join(db.EvaluationPeriods.Where(p => p.State == Evaluation.PeriodState.Issued), r => r.PeriodId, p => p.Id, (r, p) => new { p.Year, p.Month, r.Rank })
                .Where(x => x.Year * 100 + x.Month >= firstMonth && x.Year * 100 + x.Month <= lastMonth).ToListAsync(ct);
            if (ranks.Count > 0)
            {
                var data = new double[months.Count];
                foreach (var x in ranks) data[Index(new DateOnly(x.Year, x.Month, 1))] = x.Rank;
                charts.Add(new("本单位组内名次按月", "名", labels, [new("组内名次", data)]));
            }
        }
        return charts;
    }
}
