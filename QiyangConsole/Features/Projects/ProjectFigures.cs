using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Projects;

public sealed record ProjectTotals(int Year, int Signed, decimal SignedWan, int Landed, decimal LandedWan, int Key, int OverdueNodes,
    IReadOnlyList<(int Month, int Signed, decimal Wan)> ByMonth, IReadOnlyList<(ProjectStage Stage, int Count)> ByStage);

/// <summary>The source's figures, computed from the register: projects signed in a year and their investment, those landed, key projects.</summary>
public sealed class ProjectFigures(IDbContextFactory<AppDbContext> factory, TimeProvider clock) : IDashboardFigures
{
    public int Order => 10;

    /// <summary>The latest year with signed projects (the demo data is 2023), or this year.</summary>
    public async Task<ProjectTotals> TotalsAsync(int? year = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var y = year ?? await db.Projects.Where(p => p.SignedOn != null).MaxAsync(p => (int?)p.SignedOn!.Value.Year, ct) ?? clock.Today().Year;
        var from = new DateOnly(y, 1, 1);
        var to = new DateOnly(y, 12, 31);
        var signed = await db.Projects.AsNoTracking().Where(p => p.SignedOn >= from && p.SignedOn <= to).Select(p => new { p.SignedOn, p.InvestmentWan }).ToListAsync(ct);
        var landed = await db.Projects.AsNoTracking().Where(p => p.LandedOn >= from && p.LandedOn <= to).Select(p => p.InvestmentWan).ToListAsync(ct);
        var key = await db.Projects.CountAsync(p => p.InvestmentWan >= Money.WanPerYi && p.Stage != ProjectStage.Terminated, ct);
        var today = clock.Today();
        var overdue = await db.PlanNodes.CountAsync(n => n.DoneOn == null && n.DueOn < today, ct);
        var byStage = (await db.Projects.GroupBy(p => p.Stage).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).Select(g => (g.Key, g.Count)).OrderBy(g => g.Key).ToList();
        var byMonth = signed.GroupBy(s => s.SignedOn!.Value.Month).OrderBy(g => g.Key).Select(g => (g.Key, g.Count(), Math.Round(g.Sum(s => s.InvestmentWan), 2))).ToList();
        return new ProjectTotals(y, signed.Count, Math.Round(signed.Sum(s => s.InvestmentWan), 2), landed.Count, Math.Round(landed.Sum(), 2), key, overdue, byMonth, byStage);
    }

    public async Task<IReadOnlyList<Figure>> FiguresAsync(CancellationToken ct)
    {
        var t = await TotalsAsync(ct: ct);
        return
        [
            new Figure($"{t.Year}年签约项目", t.Signed.ToString(), $"总投资 {Money.Yi(t.SignedWan)}", "/projects", MudBlazor.Icons.Material.Outlined.Handshake),
            new Figure($"{t.Year}年落地项目", t.Landed.ToString(), $"计划投资 {Money.Yi(t.LandedWan)}", "/projects", MudBlazor.Icons.Material.Outlined.Factory),
        ];
    }
}
