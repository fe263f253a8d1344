using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Features.Exchanges.Rules;

namespace QiyangConsole.Features.Exchanges;

/// <summary>The period's exchange events, problems solved (resolved in the period), callbacks and their satisfaction, counted from records.</summary>
public sealed class ExchangeFigures(IDbContextFactory<AppDbContext> factory) : IDashboardFigures
{
    public int Order => 50;

    public async Task<IReadOnlyList<Figure>> FiguresAsync(Period period, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var (from, to) = (period.From, period.To);
        var events = await db.ExchangeEvents.CountAsync(e => e.Date >= from && e.Date <= to, ct);
        var solved = await db.Problems.CountAsync(p => p.ResolvedOn >= from && p.ResolvedOn <= to, ct);
        var ratings = await db.Callbacks.Where(c => c.CalledOn >= from && c.CalledOn <= to).GroupBy(c => c.Rating).Select(g => new { Rating = g.Key, Count = g.Count() }).ToListAsync(ct);
        var called = ratings.Sum(r => r.Count);
        var satisfied = ratings.Where(r => !Ratings.IsBad(r.Rating)).Sum(r => r.Count);
        return
        [
            new Figure("政企交流活动", events.ToString(), "早茶会、园区夜话", period.Link("/exchanges"), MudBlazor.Icons.Material.Outlined.Forum),
            new Figure("解决问题", solved.ToString(), "问题清单办结", period.Link("/exchanges/problems?resolved=true"), MudBlazor.Icons.Material.Outlined.FactCheck),
            new Figure("回访办事企业和群众", called.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), $"满意度 {Ratings.Percent(Ratings.Rate(satisfied, called))}", period.Link("/callbacks"), MudBlazor.Icons.Material.Outlined.Phone),
        ];
    }
}
