using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Evaluation;

/// <summary>
/// The period's circulars and review meetings on the overview, counted from records: the units named for criticism in the
/// circulars issued in the period (each unit once), and the city leaders and heads of units who made statements (表态发言).
/// A unit sees its own: the circulars that named it (its months and places are on /evaluation/mine) and its head's
/// statements (the statements list is for overseers: no link). A steward, who is no unit, sees none.
/// </summary>
public sealed class EvaluationFigures(IDbContextFactory<AppDbContext> factory, CurrentUser user) : IDashboardFigures
{
    public int Order => 30;

    public async Task<IReadOnlyList<Figure>> FiguresAsync(Period period, CancellationToken ct)
    {
        var reach = user.Reach;
        if (!reach.WholeZone && !reach.IsLiaison) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var issued = db.Circulars.Where(c => c.IssuedAt != null && c.IssueDate >= period.From && c.IssueDate <= period.To);
        var circulars = await issued.CountAsync(ct);
        var statements = db.Statements.Where(s => s.HeldOn >= period.From && s.HeldOn <= period.To);
        if (!reach.WholeZone) return await UnitAsync(db, reach.Unit, issued, circulars, statements, ct);
        var criticised = await db.CircularCriticisedUnits.Where(x => issued.Any(c => c.Id == x.CircularId)).Select(x => x.UnitId).Distinct().CountAsync(ct);
        var leaders = await statements.Where(s => s.LeaderId != null).Select(s => s.LeaderId).Distinct().CountAsync(ct);
        var heads = await statements.Where(s => s.UnitId != null).Select(s => s.UnitId).Distinct().CountAsync(ct);
        return
        [
            new Figure("通报批评后进单位", criticised.ToString(), $"{circulars} 期月度通报", period.Link("/evaluation"), MudBlazor.Icons.Material.Outlined.Campaign),
            new Figure("表态发言", $"{leaders + heads}", $"市级领导 {leaders} 名 · 单位主要负责人 {heads} 名", period.Link("/evaluation/statements"), MudBlazor.Icons.Material.Outlined.RecordVoiceOver),
        ];
    }

    private static async Task<IReadOnlyList<Figure>> UnitAsync(AppDbContext db, int unit, IQueryable<Circular> issued, int circulars, IQueryable<Statement> statements, CancellationToken ct)
    {
        var named = await db.CircularCriticisedUnits.CountAsync(x => x.UnitId == unit && issued.Any(c => c.Id == x.CircularId), ct);
        var spoke = await statements.CountAsync(s => s.UnitId == unit, ct);
        return
        [
            new Figure("本单位被通报批评", named.ToString(), $"次 · 期内共 {circulars} 期月度通报", "/evaluation/mine", MudBlazor.Icons.Material.Outlined.Campaign),
            new Figure("本单位表态发言", spoke.ToString(), "次 · 单位主要负责人", null, MudBlazor.Icons.Material.Outlined.RecordVoiceOver),
        ];
    }
}
