using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Enterprises;

/// <summary>The overview's steward figures: coverage against the 100% target, 代办 matters finished since 2022 up to the period's end (the source counts them so), visits in the period.</summary>
public sealed class EnterpriseFigures(IDbContextFactory<AppDbContext> factory, CurrentUser user, SettingsService settings, TimeProvider clock) : IDashboardFigures
{
    public int Order => 40;

    public async Task<IReadOnlyList<Figure>> FiguresAsync(Period period, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var reach = user.Reach;
        if (!reach.WholeZone) return reach.IsSteward ? await MineAsync(db, period, ct) : []; // a unit's work with enterprises shows on its needs and problems
        var all = await db.Enterprises.CountAsync(ct);
        if (all == 0) return [];
        var covered = await StewardService.Covered(db).CountAsync(ct);
        var since = new Period(HelpMatterService.CountFrom, period.To);
        var finished = await db.HelpMatters.CountAsync(m => m.Mode == HelpMode.Proxy && m.State == HelpState.Finished && m.FinishedOn >= since.From && m.FinishedOn <= since.To, ct);
        var visits = await db.Visits.CountAsync(v => v.VisitedOn >= period.From && v.VisitedOn <= period.To, ct);
        return
        [
            new Figure("企业管家覆盖率", $"{Stewarding.CoveragePercent(covered, all).ToString(System.Globalization.CultureInfo.InvariantCulture)}%", $"{covered} / {all} 家企业配备管家", "/enterprises/stewards", MudBlazor.Icons.Material.Outlined.SupportAgent),
            new Figure("办结代办事项", finished.ToString(), $"2022年以来（截至{Period.Day(period.To)}）", since.Link("/help-matters?mode=Proxy&state=Finished"), MudBlazor.Icons.Material.Outlined.TaskAlt),
            new Figure("管家走访", visits.ToString(), "次", period.Link("/visits"), MudBlazor.Icons.Material.Outlined.DirectionsWalk),
        ];
    }

    /// <summary>A steward's own figures: its enterprises, those overdue for a visit, its visits of the last 30 days.</summary>
    private async Task<IReadOnlyList<Figure>> MineAsync(AppDbContext db, Period period, CancellationToken ct)
    {
        var me = user.Reach.Steward;
        var today = clock.Today();
        var days = await settings.IntAsync("steward.visitOverdueDays", 30);
        var cutoff = Stewarding.OverdueBefore(today, days);
        var mine = await db.Enterprises.CountAsync(e => e.StewardId == me, ct);
        var overdue = await db.Enterprises.Where(e => e.StewardId == me).NotVisitedSince(db, cutoff).CountAsync(ct);
        var visits = await db.Visits.CountAsync(v => v.StewardId == me && v.VisitedOn >= period.From && v.VisitedOn <= period.To, ct);
        return
        [
            new Figure("我的企业", mine.ToString(), $"其中 {overdue} 家超过 {days} 天未走访", "/enterprises", MudBlazor.Icons.Material.Outlined.Domain),
            new Figure("我的走访", visits.ToString(), "次", period.Link("/visits"), MudBlazor.Icons.Material.Outlined.DirectionsWalk),
        ];
    }
}
