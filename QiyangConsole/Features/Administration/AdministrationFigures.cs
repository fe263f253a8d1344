using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Administration;

public sealed class AdministrationFigures(IDbContextFactory<AppDbContext> factory, TimeProvider clock) : IDashboardFigures
{
    public int Order => 100;

    public async Task<IReadOnlyList<Figure>> FiguresAsync(Period period, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var evaluated = await db.Units.CountAsync(u => u.GroupId != null && u.IsActive, ct);
        var groups = await db.UnitGroups.CountAsync(ct);
        var years = await db.CalendarYears.OrderBy(y => y.Year).Select(y => y.Year).ToListAsync(ct);
        var today = clock.Today();
        var next = today.Year + 1;
        var calendarNote = years.Contains(next) ? null : $"{next}年日历待维护";
        return
        [
            new("考核单位", evaluated.ToString(), $"{groups} 个考核组别", "/system/units", MudBlazor.Icons.Material.Outlined.AccountTree),
            new("工作日历", years.Count == 0 ? "未载入" : $"{years.First()}–{years.Last()}", calendarNote, "/system/calendar", MudBlazor.Icons.Material.Outlined.CalendarMonth),
        ];
    }
}
