using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Dashboard;

public sealed record Figure(string Label, string Value, string? Note = null, string? Link = null, string? Icon = null);

/// <summary>
/// An area's contribution to the overview: figures computed from its records over a period. They may depend on the
/// user's data scope only (all data, or the user's own records or unit): the overview keeps them per scope and period for
/// a short time (<see cref="FigureCache"/>). Each figure links to the list behind it filtered by the same period.
/// </summary>
public interface IDashboardFigures
{
    int Order { get; }
    Task<IReadOnlyList<Figure>> FiguresAsync(Period period, CancellationToken ct);
}

public sealed class DashboardService(IEnumerable<IDashboardFigures> sources, FigureCache cache, CurrentUser user, IDbContextFactory<AppDbContext> factory, TimeProvider clock)
{
    /// <summary>The business figures; the three administrators (三员) hold no business role and see none.</summary>
    public Task<IReadOnlyList<Figure>> FiguresAsync(Period period, CancellationToken ct = default) =>
        !Features.Administration.AppRoles.Business.Any(user.IsInRole) ? Task.FromResult<IReadOnlyList<Figure>>([]) :
        cache.GetAsync<IReadOnlyList<Figure>>($"dashboard:{FigureCache.ScopeOf(user)}:{period.Query}", async () =>
        {
            var all = new List<Figure>();
            foreach (var source in sources.OrderBy(s => s.Order)) all.AddRange(await source.FiguresAsync(period, ct));
            return all.AsReadOnly();
        });

    /// <summary>The year the overview opens on: this year, or the latest year with signed projects or exchange events when this one has none (the demo data is 2023).</summary>
    public Task<int> DefaultYearAsync(CancellationToken ct = default) => cache.GetAsync("dashboard:year", async () =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = clock.Today();
        var start = new DateOnly(today.Year, 1, 1);
        if (await db.ExchangeEvents.AnyAsync(e => e.Date >= start, ct) || await db.Projects.AnyAsync(p => p.SignedOn >= start, ct)) return today.Year;
        var latest = new[] { await db.ExchangeEvents.MaxAsync(e => (DateOnly?)e.Date, ct), await db.Projects.MaxAsync(p => p.SignedOn, ct) }.Max();
        return latest?.Year ?? today.Year;
    });
}
