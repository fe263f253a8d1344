using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Dashboard;

namespace QiyangConsole.Features.Evaluation;

/// <summary>
/// The period's circulars and review meetings on the overview, counted from records: the units named for criticism in the
/// circulars issued in the period (each unit once), and the city leaders and heads of units who made statements (表态发言).
/// </summary>
public sealed class EvaluationFigures(IDbContextFactory<AppDbContext> factory) : IDashboardFigures
{
    public int Order => 30;

    public async Task<IReadOnlyList<Figure>> FiguresAsync(Period period, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var issued = db.Circulars.Where(c => c.IssuedAt != null && c.IssueDate >= period.From && c.IssueDate <= period.To);
        var circulars = await issued.CountAsync(ct);
        var criticised = await db.CircularCriticisedUnits.Where(x => issued.Any(c => c.Id == x.CircularId)).Select(x => x.UnitId).Distinct().CountAsync(ct);
        var statements = db.Statements.Where(s => s.HeldOn >= period.From && s.HeldOn <= period.To);
        var leaders = await statements.Where(s => s.LeaderId != null).Select(s => s.LeaderId).Distinct().CountAsync(ct);
        var heads = await statements.Where(s => s.UnitId != null).Select(s => s.UnitId).Distinct().CountAsync(ct);
        return
        [
            new Figure("通报批评后进单位", criticised.ToString(), $"{circulars} 期月度通报", period.Link("/evaluation"), MudBlazor.Icons.Material.Outlined.Campaign),
            new Figure("表态发言", $"{leaders + heads}", $"市级领导 {leaders} 名 · 单位主要负责人 {heads} 名", period.Link("/evaluation/statements"), MudBlazor.Icons.Material.Outlined.RecordVoiceOver),
        ];
    }
}
