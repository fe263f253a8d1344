using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Exchanges;
using QiyangConsole.Features.Exchanges.Rules;
using QiyangConsole.Features.WorkItems;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Dashboard;

/// <summary>One chart of the overview: its columns, its series, and the same numbers as a table (for those who read rather than look).</summary>
public sealed record Chart(string Title, string Unit, IReadOnlyList<string> Labels, IReadOnlyList<ChartLine> Series);

public sealed record ChartLine(string Name, double[] Data);

/// <summary>
/// The overview's charts over a period, in the user's scope as the lists have it: the whole zone sees signed investment by
/// month; a unit sees its own problems, callbacks and work items. Counts and sums in SQL, grouped by day, then by month here.
/// </summary>
public sealed class ChartService(IDbContextFactory<AppDbContext> factory, FigureCache cache, CurrentUser user)
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

        var items = db.WorkItems.Where(i => i.Deadline >= from && i.Deadline <= to);
        if (!reach.WholeZone) items = items.Where(i => i.LeadUnitId == reach.Unit);
        var byLight = await items.GroupBy(i => new { i.Deadline, Closed = i.State == WorkItemState.Closed, i.Light }).Select(g => new { g.Key.Deadline, g.Key.Closed, g.Key.Light, Count = g.Count() }).ToListAsync(ct);
        double[] Lights(Func<bool, WarningLight, bool> pick)
        {
            var data = new double[months.Count];
            foreach (var x in byLight.Where(x => pick(x.Closed, x.Light))) data[Index(x.Deadline)] += x.Count;
            return data;
        }
        charts.Add(new("重点工作按办结时限月份与灯色", "项", labels,
        [
            new("已销号", Lights((c, _) => c)), new("绿灯", Lights((c, l) => !c && l == WarningLight.Green)),
            new("黄灯", Lights((c, l) => !c && l == WarningLight.Yellow)), new("红灯", Lights((c, l) => !c && l == WarningLight.Red)),
        ]));

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
