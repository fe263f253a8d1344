using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Features.Exchanges;
using QiyangConsole.Features.Projects;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Enterprises;

public sealed record EnterpriseQuery(string? Text = null, string? Industry = null, string? Zone = null, bool? AboveSize = null, string? StewardId = null,
    bool NoSteward = false, bool VisitOverdue = false, bool NoRoom = false);

public sealed record EnterpriseRow(int Id, string Name, string CreditCode, string Industry, bool IsAboveSize, string? Zone, string? ContactPerson, string? ContactPhone,
    string? Address, string? Steward, DateOnly? LastVisit, bool HasRoom, int Version = 0, string? StewardId = null);

public sealed class EnterpriseEdit
{
    public int Id { get; set; }
    public string? Name { get; set; }
    public string? CreditCode { get; set; }
    public string? Industry { get; set; }
    public bool IsAboveSize { get; set; }
    public string? Address { get; set; }
    public string? ContactPerson { get; set; }
    public string? ContactPhone { get; set; }
    public string? Zone { get; set; }
    public int Version { get; set; }

    public static EnterpriseEdit From(Enterprise e) => new()
    {
        Id = e.Id, Name = e.Name, CreditCode = e.CreditCode, Industry = e.Industry, IsAboveSize = e.IsAboveSize, Address = e.Address,
        ContactPerson = e.ContactPerson, ContactPhone = e.ContactPhone, Zone = e.Zone, Version = e.Version,
    };
}

public sealed record EnterpriseDetail(Enterprise Enterprise, List<StewardAssignment> History, LiaisonRoom? Room, List<VisitRow> Visits, int VisitCount, List<EnterpriseNeed> Needs,
    List<Problem> Problems, List<HelpMatter> Matters, List<Cadre> Cadres, bool IsOwnSteward);

/// <summary>园区企业: the register, scoped so a steward sees only its own enterprises.</summary>
public sealed class EnterpriseService(IDbContextFactory<AppDbContext> factory, CurrentUser user, SettingsService settings, TimeProvider clock)
{
    /// <summary>One message for a missing enterprise and one outside the user's scope, so ids cannot be probed.</summary>
    public const string NotYours = "无权访问：企业不存在或不在您的服务范围内";

    /// <summary>
    /// The one place the register is scoped: a steward (own records) sees the enterprises it looks after; a unit those it
    /// serves — a need or problem assigned to it, a help-agent matter where it is a window, a cadre-list item it owns.
    /// </summary>
    internal IQueryable<Enterprise> Scoped(AppDbContext db)
    {
        user.Require(Access.EnterpriseWork);
        var enterprises = db.Enterprises.AsNoTracking();
        var reach = user.Reach;
        if (reach.WholeZone) return enterprises;
        // Several roles: the union of what each reaches, never more.
        var me = reach.Steward;
        var unit = reach.Unit;
        if (!reach.IsLiaison) return enterprises.Where(e => e.StewardId == me);
        return enterprises.Where(e => e.StewardId == me
            || db.EnterpriseNeeds.Any(n => n.EnterpriseId == e.Id && n.UnitId == unit)
            || db.Problems.Any(p => p.EnterpriseId == e.Id && p.UnitId == unit)
            || db.HelpMatters.Any(m => m.EnterpriseId == e.Id && m.Windows.Any(w => w.UnitId == unit))
            || db.CadreListItems.Any(i => i.Link!.EnterpriseId == e.Id && i.OwnerUnitId == unit));
    }

    public async Task<(List<EnterpriseRow> Rows, int Total)> ListAsync(EnterpriseQuery q, int skip, int take)
    {
        await using var db = await factory.CreateDbContextAsync();
        var cutoff = Stewarding.OverdueBefore(clock.Today(), await settings.IntAsync("steward.visitOverdueDays", 30));
        var list = Filter(db, q, cutoff);
        var total = await list.CountAsync();
        var rows = await Ordered(list).Skip(skip).Take(take).ToRows(db).ToListAsync();
        return (rows.Select(r => r.ForUser(user)).ToList(), total);
    }

    /// <summary>Every row of the register as filtered, read as it is written (exports), in the list's order.</summary>
    public async IAsyncEnumerable<EnterpriseRow> StreamAsync(EnterpriseQuery q, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var cutoff = Stewarding.OverdueBefore(clock.Today(), await settings.IntAsync("steward.visitOverdueDays", 30));
        await foreach (var row in Ordered(Filter(db, q, cutoff)).ToRows(db).AsAsyncEnumerable().WithCancellation(ct)) yield return row.ForUser(user);
    }

    private static IOrderedQueryable<Enterprise> Ordered(IQueryable<Enterprise> list) => list.OrderBy(e => e.Zone).ThenBy(e => e.Name).ThenBy(e => e.Id);

    /// <summary>One enterprise as a register row, refused outside the user's scope.</summary>
    public async Task<List<EnterpriseRow>> ListByIdAsync(int id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var rows = await Scoped(db).Where(e => e.Id == id).ToRows(db).ToListAsync();
        return rows.Count == 0 ? throw new DomainException(NotYours) : rows.Select(r => r.ForUser(user)).ToList();
    }

    private IQueryable<Enterprise> Filter(AppDbContext db, EnterpriseQuery q, DateOnly cutoff)
    {
        var list = Scoped(db);
        if (!string.IsNullOrWhiteSpace(q.Text)) { var t = q.Text.Trim(); list = list.Where(e => e.Name.Contains(t) || e.CreditCode.Contains(t.ToUpper()) || (e.ContactPerson != null && e.ContactPerson.Contains(t))); }
        if (!string.IsNullOrEmpty(q.Industry)) list = list.Where(e => e.Industry == q.Industry);
        if (!string.IsNullOrEmpty(q.Zone)) list = list.Where(e => e.Zone == q.Zone);
        if (q.AboveSize is { } above) list = list.Where(e => e.IsAboveSize == above);
        if (!string.IsNullOrEmpty(q.StewardId)) list = list.Where(e => e.StewardId == q.StewardId);
        if (q.NoSteward) list = list.Where(e => StewardService.Uncovered(db).Any(u => u.Id == e.Id));
        if (q.VisitOverdue) list = list.NotVisitedSince(db, cutoff);
        if (q.NoRoom) list = list.Where(e => e.IsAboveSize && !db.LiaisonRooms.Any(r => r.EnterpriseId == e.Id));
        return list;
    }

    public async Task<List<(int Id, string Name)>> PickListAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await Scoped(db).OrderBy(e => e.Name).Select(e => new { e.Id, e.Name }).ToListAsync()).Select(e => (e.Id, e.Name)).ToList();
    }

    public async Task<EnterpriseDetail> DetailAsync(int id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var e = await Scoped(db).Include(x => x.Steward).FirstOrDefaultAsync(x => x.Id == id) ?? throw new DomainException(NotYours);
        var history = await db.StewardAssignments.AsNoTracking().Include(a => a.Steward).Where(a => a.EnterpriseId == id).OrderByDescending(a => a.From).ThenByDescending(a => a.Id).ToListAsync();
        var room = await db.LiaisonRooms.AsNoTracking().FirstOrDefaultAsync(r => r.EnterpriseId == id);
        // The Office and leaders see everything; the enterprise's steward all of it too. A unit sees what concerns it: its
        // needs, its problems, the matters where it is a window; not the stewards' visit notes. The read-only role sees no
        // visit notes; another steward only its own visits.
        var reach = user.Reach;
        var ownsIt = reach.IsSteward && e.StewardId == reach.StewardId;
        var unit = reach.WholeZone || ownsIt ? (int?)null : reach.Unit;
        var allVisits = user.SeesPersonalData || ownsIt;
        var me = reach.Steward;
        var visitQuery = db.Visits.AsNoTracking().Where(v => v.EnterpriseId == id && (allVisits || v.StewardId == me));
        var visitCount = await visitQuery.CountAsync();
        var visits = await visitQuery.OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id).Take(50)
            .Select(v => new VisitRow(v.Id, v.EnterpriseId, e.Name, v.Steward!.DisplayName, v.VisitedOn, v.Duties, v.Done, v.ProblemsFound, v.NextContactOn, v.PhotoPath != null, v.NeedId, v.ProblemId, v.Version, v.StewardId)).ToListAsync();
        var needs = await db.EnterpriseNeeds.AsNoTracking().Include(n => n.Unit).Where(n => n.EnterpriseId == id && (unit == null || n.UnitId == unit)).OrderBy(n => n.State).ThenBy(n => n.Deadline).ToListAsync();
        // Problems raised by the enterprise are the Office's, leaders', the assigned unit's and the steward's, not the read-only role's.
        var problems = !user.May(Access.UnitCases) && !ownsIt ? []
            : await db.Problems.AsNoTracking().Include(p => p.Unit).Where(p => p.EnterpriseId == id && (unit == null || p.UnitId == unit)).OrderByDescending(p => p.RaisedOn).ToListAsync();
        var matters = await db.HelpMatters.AsNoTracking().Include(m => m.Agent).Where(m => m.EnterpriseId == id && (unit == null || m.Windows.Any(w => w.UnitId == unit))).OrderByDescending(m => m.AcceptedOn).ToListAsync();
        var cadres = await db.Cadres.AsNoTracking().Include(c => c.Unit).Where(c => db.CadreLinks.Any(l => l.CadreId == c.Id && l.EnterpriseId == id)).ToListAsync();
        return new EnterpriseDetail(e, history, room, visits, visitCount, needs, problems, matters, cadres, e.StewardId != null && e.StewardId == user.UserId);
    }

    public async Task<int> SaveAsync(EnterpriseEdit edit)
    {
        user.Require(Access.OfficeOnly);
        var industries = await settings.LabelsAsync("industry");
        var zones = await settings.LabelsAsync("park-zone");
        DomainException.ThrowIf(EnterpriseChecks.Problem(edit, industries, zones));
        var code = CreditCode.Normalize(edit.CreditCode);
        await using var db = await factory.CreateDbContextAsync();
        if (await db.Enterprises.AnyAsync(e => e.CreditCode == code && e.Id != edit.Id)) throw new DomainException($"统一社会信用代码 {code} 已登记");
        Enterprise entity;
        if (edit.Id == 0) entity = db.Enterprises.Add(new Enterprise { Name = "", CreditCode = code, Industry = "" }).Entity;
        else
        {
            entity = await db.Enterprises.FindAsync(edit.Id) ?? throw new DomainException("企业不存在");
            db.ExpectVersion(entity, edit.Version);
        }
        EnterpriseChecks.Apply(edit, entity);
        await db.SaveOrConflictAsync();
        return entity.Id;
    }
}
