namespace QiyangConsole.Features.Dashboard;

public sealed record Figure(string Label, string Value, string? Note = null, string? Link = null, string? Icon = null);

/// <summary>An area's contribution to the overview: figures computed from its records.</summary>
public interface IDashboardFigures
{
    int Order { get; }
    Task<IReadOnlyList<Figure>> FiguresAsync(CancellationToken ct);
}

public sealed class DashboardService(IEnumerable<IDashboardFigures> sources)
{
    public async Task<List<Figure>> FiguresAsync(CancellationToken ct = default)
    {
        var all = new List<Figure>();
        foreach (var source in sources.OrderBy(s => s.Order)) all.AddRange(await source.FiguresAsync(ct));
        return all;
    }
}
