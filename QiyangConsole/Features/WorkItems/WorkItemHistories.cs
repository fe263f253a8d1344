using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.WorkItems.Rules;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.WorkItems;

/// <summary>
/// The records the lights over a period are computed from (<see cref="LightHistory"/>): the items registered by the period's
/// end and not closed before its start, five columns each, and their approved extensions — two queries, no entity loaded.
/// </summary>
public static class WorkItemHistories
{
    public static async Task<List<ItemHistory>> ReadAsync(AppDbContext db, DateOnly from, DateOnly to, int? leadUnitId, CancellationToken ct = default)
    {
        var endUtc = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), AppTime.Zone);
        var alive = db.WorkItems.Where(i => i.CreatedAt < endUtc && (i.ClosedOn == null || i.ClosedOn >= from));
        if (leadUnitId is { } unit) alive = alive.Where(i => i.LeadUnitId == unit);
        var items = await alive.Select(i => new { i.Id, i.CreatedAt, i.Deadline, i.ExtendedDeadline, i.ClosedOn }).ToListAsync(ct);
        var extensions = (await db.Extensions
                .Where(e => e.State == ExtensionState.Approved && alive.Any(i => i.Id == e.WorkItemId))
                .Select(e => new { e.WorkItemId, e.RequestedDeadline, e.DecidedAt, e.RequestedAt }).ToListAsync(ct))
            .ToLookup(e => e.WorkItemId, e => new DeadlineChange(DateOnly.FromDateTime(AppTime.ToLocal(e.DecidedAt ?? e.RequestedAt)), e.RequestedDeadline));
        return items.Select(i =>
        {
            var registered = DateOnly.FromDateTime(AppTime.ToLocal(i.CreatedAt));
            IReadOnlyList<DeadlineChange> changes = extensions[i.Id].ToList();
            // An extended deadline without its approval on record (data from before extensions were recorded) holds from registration.
            if (changes.Count == 0 && i.ExtendedDeadline is { } extended) changes = [new DeadlineChange(registered, extended)];
            return new ItemHistory(registered, i.Deadline, i.ClosedOn, changes);
        }).ToList();
    }
}
