using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Evaluation;

/// <summary>The year's circulars on the overview: units criticised and heads who made statements, counted from records.</summary>
public sealed class EvaluationFigures(IDbContextFactory<AppDbContext> factory) : IDashboardFigures
{
    public int Order => 30;

    public async Task<IReadOnlyList<Figure>> FiguresAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var year = await db.Circulars.Where(c => c.IssuedAt != null).MaxAsync(c => (int?)c.Year, ct);
        if (year is not { } y) return [];
        var criticised = await db.CircularCriticisedUnits.Where(x => db.Circulars.Any(c => c.Id == x.CircularId && c.Year == y && c.IssuedAt != null))
            .Select(x => x.UnitId).Distinct().CountAsync(ct);
        var circulars = await db.Circulars.CountAsync(c => c.Year == y && c.IssuedAt != null, ct);
        return [new Figure($"{y}年通报批评后进单位", criticised.ToString(), $"{circulars} 期月度通报", "/evaluation", MudBlazor.Icons.Material.Outlined.Campaign)];
    }
}
