using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Features.Exchanges.Rules;

namespace QiyangConsole.Features.Exchanges;

/// <summary>Exchange events and problems solved, callbacks and satisfaction, counted from records for the latest year with events.</summary>
public sealed class ExchangeFigures(IDbContextFactory<AppDbContext> factory) : IDashboardFigures
{
    public int Order => 50;

    public async Task<IReadOnlyList<Figure>> FiguresAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var latest = await db.ExchangeEvents.MaxAsync(e => (DateOnly?)e.Date, ct);
        if (latest is not { } last) return [];
        var year = last.Year;
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var events = await db.ExchangeEvents.CountAsync(e => e.Date >= from && e.Date <= to, ct);
        var solved = await db.Problems.CountAsync(p => p.RaisedOn >= from && p.RaisedOn <= to && p.ResolvedOn != null, ct);
        var ratings = await db.Callbacks.Where(c => c.CalledOn >= from && c.CalledOn <= to).GroupBy(c => c.Rating).Select(g => new { Rating = g.Key, Count = g.Count() }).ToListAsync(ct);
        var called = ratings.Sum(r => r.Count);
        var satisfied = ratings.Where(r => !Ratings.IsBad(r.Rating)).Sum(r => r.Count);
        return
        [
            new Figure($"{year}年政企交流活动", events.ToString(), $"解决问题 {solved} 个", "/exchanges", MudBlazor.Icons.Material.Outlined.Forum),
            new Figure($"{year}年回访", called.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), $"满意度 {Ratings.Percent(Ratings.Rate(satisfied, called))}", "/callbacks", MudBlazor.Icons.Material.Outlined.Phone),
        ];
    }
}
