using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Enterprises;

public sealed record StewardRow(string Id, string Name, string? Phone, int Enterprises, int AboveSize, int VisitsLast30, int Overdue);

public sealed record Coverage(int All, int Covered, decimal Percent, int AboveSize, int AboveSizeWithRoom, List<EnterpriseRow> Uncovered, List<EnterpriseRow> WithoutRoom);

/// <summary>企业管家: one steward per enterprise (with history), coverage against the 100% target, liaison rooms of 规上 enterprises.</summary>
public sealed class StewardService(IDbContextFactory<AppDbContext> factory, CurrentUser user, SettingsService settings, FigureCache figures, TimeProvider clock)
{

    /// <summary>Active users with the Steward role.</summary>
    public async Task<List<(string Id, string Name)>> StewardsAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await Stewards(db).OrderBy(u => u.UserName).Select(u => new { u.Id, u.DisplayName }).ToListAsync()).Select(u => (u.Id, u.DisplayName)).ToList();
    }

    internal static IQueryable<AppUser> Stewards(AppDbContext db) => UserService.ActiveInRole(db, AppRoles.Steward);

    /// <summary>Covered: a steward is set who is still active and still has the Steward role (a disabled or demoted one leaves a gap).</summary>
    /// <remarks>Written as IN (the stewards): SQLite reads the few stewards once and the enterprises through the StewardId index.</remarks>
    internal static IQueryable<Enterprise> Covered(AppDbContext db) =>
        db.Enterprises.Where(e => e.StewardId != null && StewardIds(db).Contains(e.StewardId));

    internal static IQueryable<Enterprise> Uncovered(AppDbContext db) =>
        db.Enterprises.Where(e => e.StewardId == null || !StewardIds(db).Contains(e.StewardId));

    private static IQueryable<string?> StewardIds(AppDbContext db) => Stewards(db).Select(s => (string?)s.Id);

    /// <summary>Each active steward's enterprises, 规上 ones, visits of the last 30 days and enterprises overdue; kept for a short time.</summary>
    public async Task<List<StewardRow>> WorkloadAsync()
    {
        user.Require(Access.Overseers);
        return [.. await figures.GetAsync("stewards:workload", ReadWorkloadAsync)];
    }

    private async Task<List<StewardRow>> ReadWorkloadAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var today = clock.Today();
        var cutoff = Stewarding.OverdueBefore(today, await settings.IntAsync("steward.visitOverdueDays", 30));
        var month = today.AddDays(-30);
        var overdue = await db.Enterprises.NotVisitedSince(db, cutoff).Where(e => e.StewardId != null).GroupBy(e => e.StewardId!)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var rows = await Stewards(db).OrderBy(u => u.UserName).Select(u => new StewardRow(u.Id, u.DisplayName, u.PhoneNumber,
            db.Enterprises.Count(e => e.StewardId == u.Id),
            db.Enterprises.Count(e => e.StewardId == u.Id && e.IsAboveSize),
            db.Visits.Count(v => v.StewardId == u.Id && v.VisitedOn > month), 0)).ToListAsync();
        return rows.Select(r => r with { Overdue = overdue.GetValueOrDefault(r.Id) }).ToList();
    }

    /// <summary>Coverage against the 100% target, liaison rooms of 规上 enterprises, and the first of those without; kept for a short time.</summary>
    public Task<Coverage> CoverageAsync(int listLimit = 200)
    {
        user.Require(Access.Overseers);
        return figures.GetAsync($"stewards:coverage:{listLimit}", () => ReadCoverageAsync(listLimit));
    }

    private async Task<Coverage> ReadCoverageAsync(int listLimit)
    {
        await using var db = await factory.CreateDbContextAsync();
        var all = await db.Enterprises.CountAsync();
        var covered = await Covered(db).CountAsync();
        var above = await db.Enterprises.CountAsync(e => e.IsAboveSize);
        var withRoom = await db.Enterprises.CountAsync(e => e.IsAboveSize && db.LiaisonRooms.Any(r => r.EnterpriseId == e.Id));
        var uncovered = (await Rows(Uncovered(db), db, listLimit)).Select(r => r.ForUser(user)).ToList();
        var withoutRoom = (await Rows(db.Enterprises.Where(e => e.IsAboveSize && !db.LiaisonRooms.Any(r => r.EnterpriseId == e.Id)), db, listLimit)).Select(r => r.ForUser(user)).ToList();
        return new Coverage(all, covered, Stewarding.CoveragePercent(covered, all), above, withRoom, uncovered, withoutRoom);
    }

    private static Task<List<EnterpriseRow>> Rows(IQueryable<Enterprise> list, AppDbContext db, int limit) =>
        list.AsNoTracking().OrderBy(e => e.Name).Take(limit).ToRows(db).ToListAsync();

    /// <summary>
    /// Assigns (or reassigns) a steward to one or many enterprises in one transaction: the current assignment
    /// is closed today with the reason, a new one opened; enterprises already with this steward are left alone.
    /// Returns how many changed.
    /// </summary>
    public async Task<int> AssignAsync(IReadOnlyCollection<int> enterpriseIds, string? stewardId, string? reason, IReadOnlyDictionary<int, int>? versions = null)
    {
        user.Require(Access.OfficeOnly);
        DomainException.ThrowIf(StewardRules.AssignProblem(enterpriseIds.Count, stewardId));
        await using var db = await factory.CreateDbContextAsync();
        var steward = await Stewards(db).FirstOrDefaultAsync(u => u.Id == stewardId) ?? throw new DomainException("所选用户不是在岗的企业管家");
        await using var tx = await db.Database.BeginTransactionAsync();
        var ids = enterpriseIds.Distinct().ToList();
        var enterprises = await db.Enterprises.Where(e => ids.Contains(e.Id)).ToListAsync();
        if (enterprises.Count != ids.Count) throw new DomainException("部分企业不存在，请刷新后重试");
        // The versions the page showed: a steward changed meanwhile by someone else is a conflict, not an overwrite.
        foreach (var e in enterprises)
            if (versions is not null && versions.TryGetValue(e.Id, out var version)) db.ExpectVersion(e, version);
        var active = (await Stewards(db).Select(u => u.Id).ToListAsync()).ToHashSet();
        var reassigning = enterprises.Any(e => e.StewardId is not null && e.StewardId != stewardId && active.Contains(e.StewardId));
        DomainException.ThrowIf(StewardRules.ReassignProblem(reassigning, reason));
        var today = clock.Today();
        var changing = enterprises.Where(e => e.StewardId != stewardId).ToList();
        var open = await db.StewardAssignments.Where(a => a.To == null && ids.Contains(a.EnterpriseId)).ToListAsync();
        foreach (var e in changing)
        {
            // The reason of a closed assignment says why it ended (as in the seeds); an open first one says 首次配备.
            foreach (var a in open.Where(a => a.EnterpriseId == e.Id)) { a.To = today; a.Reason = string.IsNullOrWhiteSpace(reason) ? "原管家已离岗" : reason.Trim(); }
            db.StewardAssignments.Add(new StewardAssignment { EnterpriseId = e.Id, StewardId = steward.Id, From = today, By = user.DisplayName, Reason = e.StewardId is null ? (string.IsNullOrWhiteSpace(reason) ? "首次配备" : reason.Trim()) : null });
            e.StewardId = steward.Id;
            e.StewardSince = today;
        }
        if (changing.Count > 0)
            await ReminderService.AddOnceAsync(db, new Reminder
            {
                UserId = steward.Id, Link = changing.Count == 1 ? $"/enterprises/{changing[0].Id}" : "/enterprises",
                Title = changing.Count == 1 ? $"您已被确定为“{changing[0].Name}”的企业管家" : $"您新增负责 {changing.Count} 家企业的管家服务",
                DedupKey = $"steward-{steward.Id}-{Guid.NewGuid():N}",
            }, clock.UtcNow());
        await db.SaveOrConflictAsync();
        await tx.CommitAsync();
        return changing.Count;
    }

    public async Task SaveRoomAsync(int enterpriseId, string? place, string? schedule, string? onDuty, int? version)
    {
        user.Require(Access.OfficeOnly);
        DomainException.ThrowIf(StewardRules.RoomProblem(place, schedule, onDuty));
        await using var db = await factory.CreateDbContextAsync();
        if (!await db.Enterprises.AnyAsync(e => e.Id == enterpriseId)) throw new DomainException("企业不存在");
        var room = await db.LiaisonRooms.FirstOrDefaultAsync(r => r.EnterpriseId == enterpriseId);
        if (room is null) room = db.LiaisonRooms.Add(new LiaisonRoom { EnterpriseId = enterpriseId, Place = "", Schedule = "", OnDuty = "" }).Entity;
        else db.ExpectVersion(room, version ?? -1);
        (room.Place, room.Schedule, room.OnDuty) = (place!.Trim(), schedule!.Trim(), onDuty!.Trim());
        await db.SaveOrConflictAsync();
    }
}
