using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Dashboard;

public sealed record Figure(string Label, string Value, string? Note = null, string? Link = null, string? Icon = null);

/// <summary>
/// An area's contribution to the overview: figures computed from its records. They may depend on the user's data scope
/// only (all data, or the user's own records or unit): the overview keeps them per scope for a short time (<see cref="FigureCache"/>).
/// </summary>
public interface IDashboardFigures
{
    int Order { get; }
    Task<IReadOnlyList<Figure>> FiguresAsync(CancellationToken ct);
}

public sealed class DashboardService(IEnumerable<IDashboardFigures> sources, FigureCache cache, CurrentUser user)
{
    /// <summary>The business figures; the three administrators (三员) hold no business role and see none.</summary>
    public Task<IReadOnlyList<Figure>> FiguresAsync(CancellationToken ct = default) =>
        !Features.Administration.AppRoles.Business.Any(user.IsInRole) ? Task.FromResult<IReadOnlyList<Figure>>([]) :
        cache.GetAsync<IReadOnlyList<Figure>>("dashboard:" + FigureCache.ScopeOf(user), async () =>
        {
            var all = new List<Figure>();
            foreach (var source in sources.OrderBy(s => s.Order)) all.AddRange(await source.FiguresAsync(ct));
            return all.AsReadOnly();
        });
}
