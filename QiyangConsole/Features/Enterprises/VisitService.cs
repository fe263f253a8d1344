using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Features.Exchanges;
using QiyangConsole.Features.Projects;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;
using QiyangConsole.Infrastructure.Files;

namespace QiyangConsole.Features.Enterprises;

public sealed class VisitInput
{
    public int? EnterpriseId { get; set; }
    public DateOnly? VisitedOn { get; set; }
    public StewardDuties Duties { get; set; }
    public string? Done { get; set; }
    public string? ProblemsFound { get; set; }
    public DateOnly? NextContactOn { get; set; }
}

public sealed record VisitQuery(string? StewardId = null, int? EnterpriseId = null, DateOnly? From = null, DateOnly? To = null, StewardDuties Duty = StewardDuties.None, bool WithProblemsOnly = false);

public sealed record VisitRow(int Id, int EnterpriseId, string Enterprise, string Steward, DateOnly VisitedOn, StewardDuties Duties, string Done, string? ProblemsFound,
    DateOnly? NextContactOn, bool HasPhoto, int? NeedId, int? ProblemId, int Version, string StewardId);

public sealed record VisitCounts(int Total, IReadOnlyList<(StewardDuties Duty, int Count)> ByDuty, IReadOnlyList<(int Year, int Month, int Count)> ByMonth);

public sealed record OverdueEnterprise(int Id, string Name, string? Steward, DateOnly? LastVisit);

/// <summary>走访记录: stewards log visits to their own enterprises; findings become needs or problem-list items.</summary>
public sealed class VisitService(IDbContextFactory<AppDbContext> factory, CurrentUser user, EnterpriseService enterprises, ProblemService problems,
    SettingsService settings, FileStore files, TimeProvider clock)
{

    /// <summary>The one place visits are scoped: a steward sees its own visits, everyone else who may read the register sees all.</summary>
    private IQueryable<Visit> Scoped(AppDbContext db)
    {
        user.Require(Access.StewardWork);
        var visits = db.Visits.AsNoTracking();
        // A steward sees its own visits and the earlier visits to the enterprises it looks after now.
        if (user.Scope == DataScope.OwnRecords) { var me = user.UserId ?? "-"; visits = visits.Where(v => v.StewardId == me || v.Enterprise!.StewardId == me); }
        return visits;
    }

    public async Task<int> LogAsync(VisitInput input, Upload? photo = null)
    {
        user.Require(Access.StewardOnly);
        var today = clock.Today();
        DomainException.ThrowIf(VisitRules.Problem(input.EnterpriseId, input.VisitedOn, input.Duties, input.Done, input.ProblemsFound, input.NextContactOn, photo?.FileName, today));
        var (enterpriseId, on, done) = (input.EnterpriseId!.Value, input.VisitedOn!.Value, input.Done!);
        await using var db = await factory.CreateDbContextAsync();
        var me = user.UserId;
        var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.Id == enterpriseId) ?? throw new DomainException("企业不存在");
        if (enterprise.StewardId != me) throw new DomainException(EnterpriseService.NotYours);
        DomainException.ThrowIf(VisitRules.StewardSinceProblem(on, enterprise.StewardSince));
        var visit = new Visit
        {
            EnterpriseId = enterpriseId, StewardId = me!, VisitedOn = on, Duties = input.Duties & Duties.Every, Done = done.Trim(),
            ProblemsFound = string.IsNullOrWhiteSpace(input.ProblemsFound) ? null : input.ProblemsFound.Trim(), NextContactOn = input.NextContactOn, CreatedAt = clock.UtcNow(),
        };
        // Nothing half-kept: a photo whose visit was not saved is removed by the store.
        return await files.KeepAsync(photo, UploadKind.Photo, async stored =>
        {
            visit.PhotoPath = stored;
            db.Visits.Add(visit);
            await db.SaveChangesAsync();
            return visit.Id;
        });
    }

    public async Task<(string FileName, string Path)> PhotoAsync(int visitId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var v = await Scoped(db).FirstOrDefaultAsync(x => x.Id == visitId) ?? throw new DomainException("走访记录不存在或不在您的服务范围内");
        if (v.PhotoPath is null) throw new DomainException("该走访没有照片");
        return ($"走访照片-{v.VisitedOn:yyyyMMdd}{Path.GetExtension(v.PhotoPath)}", files.PathOf(v.PhotoPath));
    }

    public async Task<(List<VisitRow> Rows, int Total)> ListAsync(VisitQuery q, int skip, int take)
    {
        await using var db = await factory.CreateDbContextAsync();
        var visits = Filter(Scoped(db), q);
        var total = await visits.CountAsync();
        var rows = await Rows(visits.OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id).Skip(skip).Take(take)).ToListAsync();
        return (rows, total);
    }

    /// <summary>Every visit as filtered, read as it is written (exports), newest first.</summary>
    public async IAsyncEnumerable<VisitRow> StreamAsync(VisitQuery q, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var visits = Filter(Scoped(db), q).OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id);
        await foreach (var row in Rows(visits).AsAsyncEnumerable().WithCancellation(ct)) yield return row;
    }

    private static IQueryable<VisitRow> Rows(IQueryable<Visit> visits) =>
        visits.Select(v => new VisitRow(v.Id, v.EnterpriseId, v.Enterprise!.Name, v.Steward!.DisplayName, v.VisitedOn, v.Duties, v.Done, v.ProblemsFound, v.NextContactOn,
            v.PhotoPath != null, v.NeedId, v.ProblemId, v.Version, v.StewardId));

    private static IQueryable<Visit> Filter(IQueryable<Visit> visits, VisitQuery q)
    {
        if (!string.IsNullOrEmpty(q.StewardId)) visits = visits.Where(v => v.StewardId == q.StewardId);
        if (q.EnterpriseId is { } e) visits = visits.Where(v => v.EnterpriseId == e);
        if (q.From is { } from) visits = visits.Where(v => v.VisitedOn >= from);
        if (q.To is { } to) visits = visits.Where(v => v.VisitedOn <= to);
        if (q.Duty != StewardDuties.None) visits = visits.Where(v => (v.Duties & q.Duty) != 0);
        if (q.WithProblemsOnly) visits = visits.Where(v => v.ProblemsFound != null);
        return visits;
    }

    public async Task<VisitRow> GetAsync(int id)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await Scoped(db).Where(v => v.Id == id).Select(v => new VisitRow(v.Id, v.EnterpriseId, v.Enterprise!.Name, v.Steward!.DisplayName, v.VisitedOn, v.Duties, v.Done,
            v.ProblemsFound, v.NextContactOn, v.PhotoPath != null, v.NeedId, v.ProblemId, v.Version, v.StewardId)).FirstOrDefaultAsync() ?? throw new DomainException("走访记录不存在或不在您的服务范围内");
    }

    /// <summary>Counts per duty (a visit counts once for each duty exercised) and per month of the last twelve, in the same scope and filter as the list.</summary>
    public async Task<VisitCounts> CountsAsync(VisitQuery q)
    {
        await using var db = await factory.CreateDbContextAsync();
        var visits = Filter(Scoped(db), q);
        // One pass for the duties (a visit counts once per duty exercised); the months only for the last year shown.
        var duties = await visits.GroupBy(v => 1).Select(g => new
        {
            Count = g.Count(),
            Informant = g.Count(v => (v.Duties & StewardDuties.Informant) != 0),
            Errands = g.Count(v => (v.Duties & StewardDuties.Errands) != 0),
            Liaison = g.Count(v => (v.Duties & StewardDuties.Liaison) != 0),
            Sales = g.Count(v => (v.Duties & StewardDuties.Sales) != 0),
            Safeguard = g.Count(v => (v.Duties & StewardDuties.Safeguard) != 0),
        }).FirstOrDefaultAsync();
        var total = duties?.Count ?? 0;
        var byDuty = new List<(StewardDuties, int)>
        {
            (StewardDuties.Informant, duties?.Informant ?? 0), (StewardDuties.Errands, duties?.Errands ?? 0), (StewardDuties.Liaison, duties?.Liaison ?? 0),
            (StewardDuties.Sales, duties?.Sales ?? 0), (StewardDuties.Safeguard, duties?.Safeguard ?? 0),
        };
        var today = clock.Today();
        var since = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        // A range count per month uses the date index; grouping by year and month would parse every row's date.
        var byMonth = new List<(int, int, int)>();
        for (var m = since; m <= today; m = m.AddMonths(1))
        {
            var (from, to) = (m, m.AddMonths(1));
            var count = await visits.CountAsync(v => v.VisitedOn >= from && v.VisitedOn < to);
            if (count > 0) byMonth.Add((m.Year, m.Month, count));
        }
        return new VisitCounts(total, byDuty, byMonth);
    }

    /// <summary>Enterprises (in the user's scope) not visited for more than the parameter's days, longest first.</summary>
    public async Task<(List<OverdueEnterprise> Rows, int Total, int Days)> OverdueAsync(int take = 100)
    {
        var days = await settings.IntAsync("steward.visitOverdueDays", 30);
        var cutoff = Stewarding.OverdueBefore(clock.Today(), days);
        await using var db = await factory.CreateDbContextAsync();
        var list = enterprises.Scoped(db).NotVisitedSince(db, cutoff)
            .Select(e => new { e.Id, e.Name, Steward = e.Steward!.DisplayName, Last = db.Visits.Where(v => v.EnterpriseId == e.Id).Max(v => (DateOnly?)v.VisitedOn) });
        var total = await list.CountAsync();
        var rows = await list.OrderBy(x => x.Last).ThenBy(x => x.Name).Take(take).ToListAsync();
        return (rows.Select(x => new OverdueEnterprise(x.Id, x.Name, x.Steward, x.Last)).ToList(), total, days);
    }

    /// <summary>A problem found on a visit becomes an enterprise need assigned to a unit (按方抓药).</summary>
    public async Task<int> ToNeedAsync(int visitId, string? type, string? description, int? unitId, DateOnly? deadline, int version)
    {
        DomainException.ThrowIf(VisitRules.NeedProblem(type, await settings.LabelsAsync("need-type"), description, deadline, clock.Today()));
        var d = deadline!.Value;
        return await ConvertAsync(visitId, version, v => v.NeedId, async (db, visit, enterprise) =>
        {
            if (unitId is not { } u || !await db.Units.AnyAsync(x => x.Id == u && x.IsActive)) throw new DomainException("请选择责任单位");
            var need = new EnterpriseNeed { EnterpriseId = visit.EnterpriseId, Type = type!, Description = description!.Trim(), UnitId = u, Deadline = d };
            db.EnterpriseNeeds.Add(need);
            await db.SaveChangesAsync();
            await ReminderService.AddOnceAsync(db, new Reminder { UnitId = u, Title = $"企业需求待办：{enterprise.Name} — {need.Description}", Link = "/projects/needs", DedupKey = $"enterprise-need-{need.Id}" }, clock.UtcNow());
            visit.NeedId = need.Id;
            return need.Id;
        });
    }

    /// <summary>A problem found on a visit goes onto the problem list (登记), for the Office to 分类交办.</summary>
    public async Task<int> ToProblemAsync(int visitId, string? category, string? description, bool urgent, int version) =>
        await ConvertAsync(visitId, version, v => v.ProblemId, async (db, visit, enterprise) =>
        {
            var problem = await problems.AddAsync(db, new ProblemInput { EnterpriseName = enterprise.Name, Description = description ?? "", Category = category, IsUrgent = urgent }, enterprise.Id);
            await ReminderService.AddOnceAsync(db, new Reminder { Role = AppRoles.Office, Title = $"企业管家上报问题待交办：{enterprise.Name}", Link = $"/exchanges/problems/{problem.Id}", DedupKey = $"visit-problem-{problem.Id}" }, clock.UtcNow());
            visit.ProblemId = problem.Id;
            return problem.Id;
        });

    private async Task<int> ConvertAsync(int visitId, int version, Func<Visit, int?> existing, Func<AppDbContext, Visit, Enterprise, Task<int>> convert)
    {
        user.Require(Access.OfficeOrSteward);
        await using var db = await factory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var visit = await db.Visits.FindAsync(visitId) ?? throw new DomainException("走访记录不存在");
        var enterprise = await db.Enterprises.FindAsync(visit.EnterpriseId) ?? throw new DomainException("企业不存在");
        if (!user.IsOffice && (visit.StewardId != user.UserId || enterprise.StewardId != user.UserId)) throw new DomainException("只能转办本人负责企业、本人走访中发现的问题");
        DomainException.ThrowIf(VisitRules.ConvertProblem(visit.ProblemsFound is not null, existing(visit) is not null));
        if (visit.Version != version) throw new DomainException(DomainException.Conflict);
        try
        {
            var id = await convert(db, visit, enterprise);
            await db.SaveOrConflictAsync();
            await tx.CommitAsync();
            return id;
        }
        catch (DbUpdateConcurrencyException) { throw new DomainException(DomainException.Conflict); }
    }
}
