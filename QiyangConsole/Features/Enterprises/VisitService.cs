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

public sealed record VisitCounts(int Total, IReadOnlyList<DutyCount> ByDuty, IReadOnlyList<MonthCount> ByMonth);

public sealed record DutyCount(StewardDuties Duty, int Count);

public sealed record MonthCount(int Year, int Month, int Count);

public sealed record OverdueEnterprise(int Id, string Name, string? Steward, DateOnly? LastVisit);

/// <summary>Enterprises in scope not visited for more than <see cref="Days"/> days: how many, and the longest-waiting first.</summary>
public sealed record OverdueList(List<OverdueEnterprise> Rows, int Total, int Days);

/// <summary>走访记录: stewards log visits to their own enterprises; findings become needs or problem-list items.</summary>
public sealed class VisitService(IDbContextFactory<AppDbContext> factory, CurrentUser user, EnterpriseService enterprises, ProblemService problems,
    SettingsService settings, FileStore files, FigureCache figures, TimeProvider clock)
{

    /// <summary>
    /// The one place visits are scoped: a steward sees its own visits and the earlier visits to the enterprises it looks after
    /// now; the Office and leaders see all (visit notes are personal data: the read-only role sees none). The same set is written two ways, each for what SQLite does well
    /// with it: rows in date order walk the VisitedOn index and test each visit (EXISTS), while counts read the steward's
    /// visits and its enterprises' visits through their own indexes (IN), never the whole table.
    /// </summary>
    private IQueryable<Visit> Scoped(AppDbContext db, bool forCounting = false)
    {
        user.Require(Access.VisitReaders);
        var visits = db.Visits.AsNoTracking();
        if (user.SeesPersonalData) return visits;
        var me = user.Reach.Steward;
        var mine = db.Enterprises.Where(e => e.StewardId == me);
        return forCounting
            ? visits.Where(v => v.StewardId == me || mine.Select(e => e.Id).Contains(v.EnterpriseId))
            : visits.Where(v => v.StewardId == me || mine.Any(e => e.Id == v.EnterpriseId));
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
        var v = await Scoped(db).FirstOrDefaultAsync(x => x.Id == visitId) ?? throw new DomainException("无权访问：走访记录不存在或不在您的服务范围内");
        if (v.PhotoPath is null) throw new DomainException("该走访没有照片");
        return ($"走访照片-{v.VisitedOn:yyyyMMdd}{Path.GetExtension(v.PhotoPath)}", files.PathOf(v.PhotoPath));
    }

    /// <summary>A page of visits, newest first, and how many there are (the total kept with <see cref="CountsAsync"/>: the same scope and filter).</summary>
    public async Task<(List<VisitRow> Rows, int Total)> ListAsync(VisitQuery q, int skip, int take)
    {
        var total = (await CountsAsync(q)).Total;
        await using var db = await factory.CreateDbContextAsync();
        var visits = Filter(Scoped(db), q);
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
            v.ProblemsFound, v.NextContactOn, v.PhotoPath != null, v.NeedId, v.ProblemId, v.Version, v.StewardId)).FirstOrDefaultAsync() ?? throw new DomainException("无权访问：走访记录不存在或不在您的服务范围内");
    }

    /// <summary>
    /// Counts per duty (a visit counts once for each duty exercised) and per month of the last twelve, in the same scope and
    /// filter as the list; kept for a short time per scope and filter (<see cref="FigureCache"/>).
    /// </summary>
    public Task<VisitCounts> CountsAsync(VisitQuery q)
    {
        user.Require(Access.VisitReaders); // checked before the kept figures are handed out
        return figures.GetAsync($"visits:counts:{FigureCache.ScopeOf(user)}:{q}", async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            var visits = Filter(Scoped(db, forCounting: true), q);
            // One pass grouped by the combination of duties (at most 32 groups); each duty adds up the combinations that contain it.
            var byDuties = await visits.GroupBy(v => v.Duties).Select(g => new { Duties = g.Key, Count = g.Count() }).ToListAsync();
            var byDuty = Duties.All.Select(d => new DutyCount(d.Duty, byDuties.Where(x => (x.Duties & d.Duty) != 0).Sum(x => x.Count))).ToList();
            var today = clock.Today();
            var since = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
            // A range count per month uses the date index; grouping by year and month would parse every row's date.
            var byMonth = new List<MonthCount>();
            for (var m = since; m <= today; m = m.AddMonths(1))
            {
                var (from, to) = (m, m.AddMonths(1));
                var count = await visits.CountAsync(v => v.VisitedOn >= from && v.VisitedOn < to);
                if (count > 0) byMonth.Add(new MonthCount(m.Year, m.Month, count));
            }
            return new VisitCounts(byDuties.Sum(x => x.Count), byDuty, byMonth);
        });
    }

    /// <summary>Enterprises (in the user's scope) not visited for more than the parameter's days, longest first; kept for a short time per scope.</summary>
    public async Task<OverdueList> OverdueAsync(int take = 100)
    {
        user.Require(Access.EnterpriseWork); // checked before the kept figures are handed out
        var days = await settings.IntAsync("steward.visitOverdueDays", 30);
        return await figures.GetAsync($"visits:overdue:{FigureCache.ScopeOf(user)}:{take}:{days}", async () =>
        {
            var cutoff = Stewarding.OverdueBefore(clock.Today(), days);
            await using var db = await factory.CreateDbContextAsync();
            var overdue = enterprises.Scoped(db).NotVisitedSince(db, cutoff);
            var total = await overdue.CountAsync();
            var rows = await overdue
                .Select(e => new { e.Id, e.Name, Steward = e.Steward!.DisplayName, Last = db.Visits.Where(v => v.EnterpriseId == e.Id).Max(v => (DateOnly?)v.VisitedOn) })
                .OrderBy(x => x.Last).ThenBy(x => x.Name).Take(take).ToListAsync();
            return new OverdueList(rows.Select(x => new OverdueEnterprise(x.Id, x.Name, x.Steward, x.Last)).ToList(), total, days);
        });
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
