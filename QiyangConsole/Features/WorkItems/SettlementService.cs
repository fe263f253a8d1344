using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.WorkItems.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.WorkItems;

public sealed class SettlementRow
{
    public int WorkItemId { get; init; }
    public required string Title { get; init; }
    public int UnitId { get; init; }
    public required string UnitName { get; init; }
    public DateOnly EffectiveDeadline { get; init; }
    public WorkItemState State { get; init; }
    public SettlementResult Suggested { get; init; }
    public SettlementResult Result { get; set; }
    public string? Comment { get; set; }
    public bool IsSaved { get; init; }
    public int Version { get; init; }
}

public sealed record UnitSettlement(int UnitId, int Done, int NotDone, int Overdue);

/// <summary>结账点评: at month end each item is settled done / not done / overdue; the evaluation reads the per-unit counts.</summary>
public sealed class SettlementService(IDbContextFactory<AppDbContext> factory, CurrentUser user, TimeProvider clock)
{
    public async Task<List<SettlementRow>> MonthAsync(int year, int month)
    {
        user.Require(Access.OfficeOrLeader);
        var (start, end) = Bounds(year, month);
        var endUtc = TimeZoneInfo.ConvertTimeToUtc(end.AddDays(1).ToDateTime(TimeOnly.MinValue), AppTime.Zone);
        await using var db = await factory.CreateDbContextAsync();
        var items = await db.WorkItems.AsNoTracking().Include(i => i.LeadUnit)
            .Where(i => i.State != WorkItemState.Registered && i.CreatedAt < endUtc && (i.ClosedOn == null || i.ClosedOn >= start))
            .OrderBy(i => i.LeadUnitId).ThenBy(i => i.Deadline).ToListAsync();
        var ids = items.Select(i => i.Id).ToList();
        var saved = await db.Settlements.AsNoTracking().Where(s => s.Year == year && s.Month == month && ids.Contains(s.WorkItemId)).ToDictionaryAsync(s => s.WorkItemId);
        return items.Select(i =>
        {
            var suggested = Settling.Default(end, i.EffectiveDeadline, i.ClosedOn);
            saved.TryGetValue(i.Id, out var s);
            return new SettlementRow
            {
                WorkItemId = i.Id, Title = i.Title, UnitId = i.LeadUnitId, UnitName = i.LeadUnit!.Name, EffectiveDeadline = i.EffectiveDeadline, State = i.State,
                Suggested = suggested, Result = s?.Result ?? suggested, Comment = s?.Comment, IsSaved = s is not null, Version = s?.Version ?? 0,
            };
        }).ToList();
    }

    /// <summary>Saves the month's settlement in one transaction (replacing an earlier one for the same items).</summary>
    public async Task SaveAsync(int year, int month, IReadOnlyCollection<SettlementRow> rows)
    {
        user.Require(Access.OfficeOnly);
        var (_, end) = Bounds(year, month);
        DomainException.ThrowIf(SettlementChecks.SaveProblem(year, month, end, clock.Today(), rows.Select(r => r.Comment), rows.Select(r => r.Result)));
        var month_ = await MonthAsync(year, month);
        var expected = month_.ToDictionary(r => r.WorkItemId, r => r.UnitId);
        if (rows.Count != expected.Count || rows.Any(r => !expected.TryGetValue(r.WorkItemId, out var unit) || unit != r.UnitId))
            throw new DomainException(DomainException.Conflict);
        await using var db = await factory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        if (await db.EvaluationPeriods.AnyAsync(p => p.Year == year && p.Month == month && p.State != Evaluation.PeriodState.Open))
            throw new DomainException($"{year}年{month}月考核已审核，结账点评不能再修改");
        var ids = rows.Select(r => r.WorkItemId).ToList();
        var existing = await db.Settlements.Where(s => s.Year == year && s.Month == month && ids.Contains(s.WorkItemId)).ToDictionaryAsync(s => s.WorkItemId);
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.WorkItemId, out var s))
                db.Settlements.Add(s = new Settlement { Year = year, Month = month, WorkItemId = row.WorkItemId });
            else db.ExpectVersion(s, row.Version);
            s.UnitId = row.UnitId;
            s.Result = row.Result;
            s.Comment = string.IsNullOrWhiteSpace(row.Comment) ? null : row.Comment.Trim();
            s.SettledBy = user.DisplayName;
            s.SettledAt = clock.UtcNow();
        }
        var marker = await db.SettlementMonths.FindAsync(year, month);
        if (marker is null) db.SettlementMonths.Add(marker = new SettlementMonth { Year = year, Month = month, SettledBy = user.DisplayName });
        marker.SettledBy = user.DisplayName;
        marker.SettledAt = clock.UtcNow();
        await db.SaveOrConflictAsync();
        await tx.CommitAsync();
    }

    /// <summary>Per-unit counts of a settled month; null when the month has not been settled.</summary>
    public static async Task<Dictionary<int, UnitSettlement>?> UnitsAsync(AppDbContext db, int year, int month)
    {
        if (!await db.SettlementMonths.AnyAsync(m => m.Year == year && m.Month == month)) return null;
        var rows = await db.Settlements.AsNoTracking().Where(s => s.Year == year && s.Month == month).Select(s => new { s.UnitId, s.Result }).ToListAsync();
        return rows.GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => new UnitSettlement(g.Key,
            g.Count(r => r.Result == SettlementResult.Done), g.Count(r => r.Result == SettlementResult.NotDone), g.Count(r => r.Result == SettlementResult.Overdue)));
    }

    private static (DateOnly Start, DateOnly End) Bounds(int year, int month)
    {
        DomainException.ThrowIf(SettlementChecks.MonthProblem(year, month));
        var start = new DateOnly(year, month, 1);
        return (start, start.AddMonths(1).AddDays(-1));
    }
}
