using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Projects;

public sealed record ProjectTotals(int Year, int Signed, decimal SignedWan, int Landed, decimal LandedWan, int Key, int OverdueNodes,
    IReadOnlyList<MonthSigned> ByMonth, IReadOnlyList<StageCount> ByStage);

public sealed record MonthSigned(int Month, int Signed, decimal Wan);

public sealed record StageCount(ProjectStage Stage, int Count);

/// <summary>The source's figures, computed from the register: projects signed in a year and their investment, those landed, key projects.</summary>
public sealed class ProjectFigures(IDbContextFactory<AppDbContext> factory, FigureCache figures, CurrentUser user, TimeProvider clock) : IDashboardFigures
{
    public int Order => 10;

    /// <summary>The latest year with signed projects (the demo data is 2023), or this year; kept for a short time (the register and the overview show them).</summary>
    public Task<ProjectTotals> TotalsAsync(int? year = null, CancellationToken ct = default) =>
        figures.GetAsync($"projects:totals:{year}", () => ReadTotalsAsync(year, ct));

    private async Task<ProjectTotals> ReadTotalsAsync(int? year, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // Counts and sums in SQL, each over an index (SignedOn, LandedOn, InvestmentWan, open plan nodes): no project is loaded.
        var y = year ?? (await db.Projects.MaxAsync(p => p.SignedOn, ct))?.Year ?? clock.Today().Year;
        var from = new DateOnly(y, 1, 1);
        var to = new DateOnly(y, 12, 31);
        // Grouped by day in the SignedOn index's order (no date is parsed in SQL), then by month here.
        var byMonth = (await db.Projects.Where(p => p.SignedOn >= from && p.SignedOn <= to).GroupBy(p => p.SignedOn)
                .Select(g => new { Day = g.Key, Count = g.Count(), Wan = g.Sum(p => p.InvestmentWan) }).ToListAsync(ct))
            .GroupBy(d => d.Day!.Value.Month).OrderBy(g => g.Key).Select(g => new { Month = g.Key, Count = g.Sum(d => d.Count), Wan = g.Sum(d => d.Wan) }).ToList();
        var landed = db.Projects.Where(p => p.LandedOn >= from && p.LandedOn <= to);
        var landedCount = await landed.CountAsync(ct);
        var landedWan = landedCount == 0 ? 0m : await landed.SumAsync(p => p.InvestmentWan, ct);
        var key = await db.Projects.CountAsync(p => p.InvestmentWan >= Money.WanPerYi && p.Stage != ProjectStage.Terminated, ct);
        var today = clock.Today();
        var overdue = await db.PlanNodes.CountAsync(n => n.DoneOn == null && n.DueOn < today, ct);
        var byStage = (await db.Projects.GroupBy(p => p.Stage).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).Select(g => new StageCount(g.Key, g.Count)).OrderBy(g => g.Stage).ToList();
        return new ProjectTotals(y, byMonth.Sum(m => m.Count), Math.Round(byMonth.Sum(m => m.Wan), 2), landedCount, Math.Round(landedWan, 2), key, overdue,
            byMonth.Select(m => new MonthSigned(m.Month, m.Count, Math.Round(m.Wan, 2))).ToList(), byStage);
    }

    /// <summary>
    /// Projects signed in the period and their investment, and those landed in it (counts and sums in SQL). A unit counts the
    /// projects it leads (牵头单位) without a link, as the register is open to the Office, leaders and the read-only role only;
    /// a steward has no projects of its own (they are not tied to enterprises) and sees none.
    /// </summary>
    public async Task<IReadOnlyList<Figure>> FiguresAsync(Period period, CancellationToken ct)
    {
        var reach = user.Reach;
        if (!reach.WholeZone && !reach.IsLiaison) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var projects = db.Projects.AsQueryable();
        if (!reach.WholeZone) { var unit = reach.Unit; projects = projects.Where(p => p.LeadUnitId == unit); }
        var signed = projects.Where(p => p.SignedOn >= period.From && p.SignedOn <= period.To);
        var landed = projects.Where(p => p.LandedOn >= period.From && p.LandedOn <= period.To);
        var signedCount = await signed.CountAsync(ct);
        var signedWan = signedCount == 0 ? 0m : await signed.SumAsync(p => p.InvestmentWan, ct);
        var landedCount = await landed.CountAsync(ct);
        var landedWan = landedCount == 0 ? 0m : await landed.SumAsync(p => p.InvestmentWan, ct);
        var mine = reach.WholeZone ? "" : "本单位牵头 · ";
        return
        [
            new Figure("签约项目", signedCount.ToString(), $"{mine}总投资 {Money.Yi(Math.Round(signedWan, 2))}", reach.WholeZone ? period.Link("/projects?dates=signed") : null, MudBlazor.Icons.Material.Outlined.Handshake),
            new Figure("落地项目", landedCount.ToString(), $"{mine}计划投资 {Money.Yi(Math.Round(landedWan, 2))}", reach.WholeZone ? period.Link("/projects?dates=landed") : null, MudBlazor.Icons.Material.Outlined.Factory),
        ];
    }
}
