using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Dashboard;

namespace QiyangConsole.Features.WorkItems;

/// <summary>The supervision board at a glance: open items and their lights.</summary>
public sealed class WorkItemFigures(IDbContextFactory<AppDbContext> factory) : IDashboardFigures
{
    public int Order => 20;

    public async Task<IReadOnlyList<Figure>> FiguresAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var lights = await db.WorkItems.Where(i => i.State != WorkItemState.Closed).GroupBy(i => i.Light).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var closed = await db.WorkItems.CountAsync(i => i.State == WorkItemState.Closed, ct);
        int Count(WarningLight l) => lights.FirstOrDefault(x => x.Key == l)?.Count ?? 0;
        return [new Figure("在办重点工作", lights.Sum(l => l.Count).ToString(), $"红灯 {Count(WarningLight.Red)} · 黄灯 {Count(WarningLight.Yellow)} · 绿灯 {Count(WarningLight.Green)} · 已销号 {closed}", "/work-items", MudBlazor.Icons.Material.Outlined.Assignment)];
    }
}
