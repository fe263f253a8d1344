using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Features.Projects.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Projects;

/// <summary>A leader's month; <paramref name="MissingYear"/> when the year's calendar is missing, so neither its working days nor the share can be counted.</summary>
public sealed record EngagementRow(string LeaderId, string Leader, int Month, decimal ProjectDays, int WorkingDays, decimal? Share, bool MeetsTarget, int Version, int? MissingYear = null);

/// <summary>领导精力投入: a contact leader logs project days per month; the share is against the month's working days and the one-third target.</summary>
public sealed class LeaderEngagementService(IDbContextFactory<AppDbContext> factory, CurrentUser user, CalendarService calendar, SettingsService settings)
{
    public async Task<List<EngagementRow>> YearAsync(int year)
    {
        user.Require(Access.Overseers);
        var target = await settings.DecimalAsync("leader.engagementTarget", 0.3333m);
        var cal = await calendar.GetAsync();
        await using var db = await factory.CreateDbContextAsync();
        var rows = await db.LeaderEngagements.AsNoTracking().Where(e => e.Year == year)
            .Join(db.Users, e => e.LeaderId, u => u.Id, (e, u) => new { e, u.DisplayName }).ToListAsync();
        return rows.Select(r =>
        {
            var working = WorkingDays(cal, year, r.e.Month);
            var share = working is { } w ? Engagement.Share(r.e.ProjectDays, w) : null;
            return new EngagementRow(r.e.LeaderId, r.DisplayName, r.e.Month, r.e.ProjectDays, working ?? 0, share, share >= target, r.e.Version, working is null ? year : null);
        }).OrderBy(r => r.Leader).ThenBy(r => r.Month).ToList();
    }

    /// <summary>A leader logs its own month; the Office may log for any leader.</summary>
    public async Task LogAsync(string? leaderId, int year, int month, decimal days, string? note)
    {
        user.Require(Access.OfficeOrLeader);
        var id = user.IsOffice ? leaderId : user.UserId;
        DomainException.ThrowIf(EngagementChecks.Problem(id, month));
        var cal = await calendar.GetAsync();
        var working = WorkingDays(cal, year, month) ?? throw new DomainException($"{year}年的工作日历尚未载入");
        DomainException.ThrowIf(EngagementChecks.DaysProblem(year, month, days, working));
        await using var db = await factory.CreateDbContextAsync();
        var isLeader = await db.UserRoles.AnyAsync(ur => ur.UserId == id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == AppRoles.Leader));
        if (!isLeader) throw new DomainException("所选用户不是市级领导");
        var entry = await db.LeaderEngagements.FirstOrDefaultAsync(e => e.LeaderId == id && e.Year == year && e.Month == month);
        if (entry is null) db.LeaderEngagements.Add(entry = new LeaderEngagement { LeaderId = id!, Year = year, Month = month });
        entry.ProjectDays = days;
        entry.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        await db.SaveOrConflictAsync();
    }

    private static int? WorkingDays(WorkCalendar cal, int year, int month)
    {
        if (!cal.HasYear(year)) return null;
        var first = new DateOnly(year, month, 1);
        return cal.CountWorkingDays(first.AddDays(-1), first.AddMonths(1).AddDays(-1));
    }
}
