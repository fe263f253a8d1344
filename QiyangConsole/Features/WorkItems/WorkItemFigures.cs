using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.WorkItems;

/// <summary>
/// The supervision board at a glance: the work items due in the period, those closed (销号) and the lights of the open ones.
/// The board is public (实时公开) to every role, so the figure is the zone's for everyone, as its list; the note says so to
/// those who otherwise see their own records.
/// </summary>
public sealed class WorkItemFigures(IDbContextFactory<AppDbContext> factory, CurrentUser user) : IDashboardFigures
{
    public int Order => 20;

    public async Task<IReadOnlyList<Figure>> FiguresAsync(Period period, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var due = db.WorkItems.Where(i => i.Deadline >= period.From && i.Deadline <= period.To);
        var lights = await due.Where(i => i.State != WorkItemState.Closed).GroupBy(i => i.Light).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var closed = await due.CountAsync(i => i.State == WorkItemState.Closed, ct);
        int Count(WarningLight l) => lights.FirstOrDefault(x => x.Key == l)?.Count ?? 0;
        return [new Figure("期内到期重点工作", (lights.Sum(l => l.Count) + closed).ToString(), $"{(user.Reach.WholeZone ? "" : "全区公开栏 · ")}已销号 {closed} · 在办：红灯 {Count(WarningLight.Red)} · 黄灯 {Count(WarningLight.Yellow)} · 绿灯 {Count(WarningLight.Green)}", period.Link("/work-items"), MudBlazor.Icons.Material.Outlined.Assignment)];
    }
}
