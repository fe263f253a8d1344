using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Features.Exchanges.Rules;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Exchanges;

/// <summary>
/// The period's exchange events, problems solved (resolved in the period), callbacks and their satisfaction, counted from
/// records, as the lists they link to show them to the user: a unit sees the problems and callbacks of its unit (the events
/// list is the zone's for every unit, so is the figure, with the events the unit attended or got problems from in the note); a steward, who opens none of
/// these lists, sees the problems its enterprises raised that were solved, without a link.
/// </summary>
public sealed class ExchangeFigures(IDbContextFactory<AppDbContext> factory, CurrentUser user) : IDashboardFigures
{
    public int Order => 50;

    public async Task<IReadOnlyList<Figure>> FiguresAsync(Period period, CancellationToken ct)
    {
        var reach = user.Reach;
        await using var db = await factory.CreateDbContextAsync(ct);
        var (from, to) = (period.From, period.To);
        var solvedProblems = db.Problems.Where(p => p.ResolvedOn >= from && p.ResolvedOn <= to);
        if (!reach.WholeZone && !reach.IsLiaison)
        {
            if (!reach.IsSteward) return [];
            var me = reach.Steward;
            var theirs = await solvedProblems.CountAsync(p => db.Enterprises.Any(e => e.Id == p.EnterpriseId && e.StewardId == me), ct);
            return [new Figure("我的企业问题解决", theirs.ToString(), "本人管家企业反映的问题，期内办结", null, MudBlazor.Icons.Material.Outlined.FactCheck)];
        }
        var events = db.ExchangeEvents.Where(e => e.Date >= from && e.Date <= to);
        var callbacks = db.Callbacks.Where(c => c.CalledOn >= from && c.CalledOn <= to);
        var eventsNote = "早茶会、园区夜话";
        if (!reach.WholeZone)
        {
            var unit = reach.Unit;
            solvedProblems = solvedProblems.Where(p => p.UnitId == unit);
            callbacks = callbacks.Where(c => c.UnitId == unit);
            var marker = $",{unit},";
            // The unit's part: events it attended, or whose problems were assigned to it (the demo records no attendance).
            var involved = await events.CountAsync(e => ("," + e.UnitIds + ",").Contains(marker) || db.Problems.Any(p => p.EventId == e.Id && p.UnitId == unit), ct);
            eventsNote = $"全区 · 涉及本单位 {involved} 次";
        }
        var eventCount = await events.CountAsync(ct);
        var solved = await solvedProblems.CountAsync(ct);
        var ratings = await callbacks.GroupBy(c => c.Rating).Select(g => new { Rating = g.Key, Count = g.Count() }).ToListAsync(ct);
        var called = ratings.Sum(r => r.Count);
        var satisfied = ratings.Where(r => !Ratings.IsBad(r.Rating)).Sum(r => r.Count);
        var mine = reach.WholeZone ? "" : "本单位 · ";
        return
        [
            new Figure("政企交流活动", eventCount.ToString(), eventsNote, period.Link("/exchanges"), MudBlazor.Icons.Material.Outlined.Forum),
            new Figure("解决问题", solved.ToString(), $"{mine}问题清单办结", period.Link("/exchanges/problems?resolved=true"), MudBlazor.Icons.Material.Outlined.FactCheck),
            new Figure("回访办事企业和群众", called.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), $"{mine}满意度 {Ratings.Percent(Ratings.Rate(satisfied, called))}", period.Link("/callbacks"), MudBlazor.Icons.Material.Outlined.Phone),
        ];
    }
}
