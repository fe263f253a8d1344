using QiyangConsole.Data;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Enterprises;

/// <summary>The query pieces the register, the stewards page, the visits page, the overview and the morning job share.</summary>
public static class EnterpriseQueries
{
    /// <summary>Enterprises without a visit on or after <paramref name="cutoff"/> (overdue for a visit, or never visited).</summary>
    /// <remarks>Written as NOT IN (the enterprises visited since): SQLite reads the recent visits once through the VisitedOn index
    /// instead of probing the visits of every enterprise in scope (50,000 probes at province scale).</remarks>
    public static IQueryable<Enterprise> NotVisitedSince(this IQueryable<Enterprise> enterprises, AppDbContext db, DateOnly cutoff) =>
        enterprises.Where(e => !db.Visits.Where(v => v.VisitedOn >= cutoff).Select(v => v.EnterpriseId).Contains(e.Id));

    /// <summary>The register's row: steward's name, last visit and whether a liaison room exists, in one query.</summary>
    public static IQueryable<EnterpriseRow> ToRows(this IQueryable<Enterprise> enterprises, AppDbContext db) =>
        enterprises.Select(e => new EnterpriseRow(e.Id, e.Name, e.CreditCode, e.Industry, e.IsAboveSize, e.Zone, e.ContactPerson, e.ContactPhone, e.Address,
            e.Steward!.DisplayName, db.Visits.Where(v => v.EnterpriseId == e.Id).Max(v => (DateOnly?)v.VisitedOn), db.LiaisonRooms.Any(r => r.EnterpriseId == e.Id), e.Version, e.StewardId));

    /// <summary>The contact phone as the user may see it: whole for the Office, leaders and the enterprise's steward, else masked.</summary>
    public static EnterpriseRow ForUser(this EnterpriseRow row, CurrentUser user) =>
        user.SeesPersonalData || (row.StewardId is not null && row.StewardId == user.UserId && user.Reach.IsSteward) ? row : row with { ContactPhone = user.Phone(row.ContactPhone) };
}
