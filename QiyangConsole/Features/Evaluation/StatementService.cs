using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Evaluation;

public sealed record StatementRow(int Id, DateOnly HeldOn, string Meeting, bool ByLeader, string Speaker, string? UnitName, string? Summary);

public sealed record CriticisedRow(int UnitId, string UnitName, string GroupName, IReadOnlyList<string> Circulars);

/// <summary>What the review meetings and circulars of a period did: statements (表态发言) made, and units named for criticism.</summary>
public sealed class StatementService(IDbContextFactory<AppDbContext> factory, CurrentUser user)
{
    /// <summary>Statements made at meetings held in the period, earliest first.</summary>
    public async Task<List<StatementRow>> StatementsAsync(Period period)
    {
        user.Require(Access.Overseers);
        await using var db = await factory.CreateDbContextAsync();
        var rows = await db.Statements.AsNoTracking().Where(s => s.HeldOn >= period.From && s.HeldOn <= period.To)
            .OrderBy(s => s.HeldOn).ThenBy(s => s.LeaderId == null).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.HeldOn, s.Meeting, s.Year, s.Number, s.LeaderId, s.Speaker, UnitName = s.Unit != null ? s.Unit.Name : null, s.Summary }).ToListAsync();
        return rows.Select(s => new StatementRow(s.Id, s.HeldOn,
            new Statement { Meeting = s.Meeting, Year = s.Year, Number = s.Number, Speaker = s.Speaker }.MeetingTitle(), s.LeaderId != null, s.Speaker, s.UnitName, s.Summary)).ToList();
    }

    /// <summary>The units named for criticism in the circulars issued in the period, each once with the circulars that named it.</summary>
    public async Task<List<CriticisedRow>> CriticisedAsync(Period period)
    {
        user.Require(Access.Overseers);
        await using var db = await factory.CreateDbContextAsync();
        var links = await (from x in db.CircularCriticisedUnits
                           join c in db.Circulars on x.CircularId equals c.Id
                           join u in db.Units on x.UnitId equals u.Id
                           where c.IssuedAt != null && c.IssueDate >= period.From && c.IssueDate <= period.To
                           select new { u.Id, u.Name, Group = u.Group != null ? u.Group.Name : "", GroupOrder = u.Group != null ? u.Group.SortOrder : 0, u.SortOrder, c.Year, c.Number, c.IssueDate })
            .ToListAsync();
        return links.GroupBy(l => l.Id).Select(g => g.OrderBy(l => l.IssueDate).ToList())
            .OrderBy(g => g[0].GroupOrder).ThenBy(g => g[0].SortOrder)
            .Select(g => new CriticisedRow(g[0].Id, g[0].Name, g[0].Group, g.Select(l => l.Number is { } n ? Rules.CircularNumber.Format(l.Year, n) : AppTime.ListDate(l.IssueDate!.Value)).ToList()))
            .ToList();
    }
}
