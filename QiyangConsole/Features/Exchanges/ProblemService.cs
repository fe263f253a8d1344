using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Features.Exchanges.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Exchanges;

/// <summary>A problem list's filters; <see cref="From"/>–<see cref="To"/> is the day raised, or the day resolved when <see cref="ByResolved"/>.</summary>
public sealed record ProblemQuery(string? Text = null, int? UnitId = null, ProblemState? State = null, string? Category = null, int? EventId = null,
    DateOnly? From = null, DateOnly? To = null, bool ByResolved = false);

public sealed record ProblemRow(int Id, string EnterpriseName, string Description, string Category, string? Event, string? Unit, ProblemState State,
    DateOnly RaisedOn, DateOnly? Deadline, DateOnly? ResolvedOn, string? Answer, int EscalationLevel, bool IsUrgent);

public sealed record ProblemStats(int Raised, int Solved, int OnTime, int Overdue, decimal? AverageDaysToSolve);

public sealed class ProblemInput
{
    public int? EventId { get; set; }
    public int? WorkItemId { get; set; }
    public string EnterpriseName { get; set; } = "";
    public string Description { get; set; } = "";
    public string? Category { get; set; }
    public bool IsUrgent { get; set; }
}

/// <summary>问题清单: the closed loop from registration to close-out; a Unit sees only problems assigned to it.</summary>
public sealed class ProblemService(IDbContextFactory<AppDbContext> factory, CurrentUser user, CalendarService calendar, SettingsService settings, TimeProvider clock)
{

    /// <summary>The one place the problem list is scoped: a Unit user sees its unit's problems only.</summary>
    internal IQueryable<Problem> Scoped(AppDbContext db)
    {
        user.Require(Access.UnitCases);
        var problems = db.Problems.AsNoTracking();
        if (!user.Reach.WholeZone)
        {
            var unitId = user.Reach.Unit;
            problems = problems.Where(p => p.UnitId == unitId);
        }
        return problems;
    }

    public async Task<(List<ProblemRow> Rows, int Total)> ListAsync(ProblemQuery q, int skip, int take)
    {
        await using var db = await factory.CreateDbContextAsync();
        var problems = Filter(Scoped(db), q);
        var total = await problems.CountAsync();
        var rows = await Rows(Ordered(problems).Skip(skip).Take(take)).ToListAsync();
        return (rows, total);
    }

    /// <summary>Every problem as filtered, read as it is written (exports).</summary>
    public async IAsyncEnumerable<ProblemRow> StreamAsync(ProblemQuery q, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await foreach (var row in Rows(Ordered(Filter(Scoped(db), q))).AsAsyncEnumerable().WithCancellation(ct)) yield return row;
    }

    private static IQueryable<Problem> Ordered(IQueryable<Problem> problems) => problems.OrderByDescending(p => p.RaisedOn).ThenByDescending(p => p.Id);

    private static IQueryable<ProblemRow> Rows(IQueryable<Problem> problems) =>
        problems.Select(p => new ProblemRow(p.Id, p.EnterpriseName, p.Description, p.Category, p.Event == null ? null : p.Event.Place, p.Unit == null ? null : p.Unit.Name,
            p.State, p.RaisedOn, p.Deadline, p.ResolvedOn, p.Answer, p.EscalationLevel, p.IsUrgent));

    private static IQueryable<Problem> Filter(IQueryable<Problem> problems, ProblemQuery q)
    {
        if (!string.IsNullOrWhiteSpace(q.Text)) problems = problems.Where(p => p.Description.Contains(q.Text) || p.EnterpriseName.Contains(q.Text));
        if (q.UnitId is { } u) problems = problems.Where(p => p.UnitId == u);
        if (q.State is { } s) problems = problems.Where(p => p.State == s);
        if (!string.IsNullOrEmpty(q.Category)) problems = problems.Where(p => p.Category == q.Category);
        if (q.EventId is { } e) problems = problems.Where(p => p.EventId == e);
        if (q.ByResolved) problems = problems.Where(p => p.ResolvedOn != null);
        if (q.From is { } f) problems = q.ByResolved ? problems.Where(p => p.ResolvedOn >= f) : problems.Where(p => p.RaisedOn >= f);
        if (q.To is { } t) problems = q.ByResolved ? problems.Where(p => p.ResolvedOn <= t) : problems.Where(p => p.RaisedOn <= t);
        return problems;
    }

    /// <summary>Raised, solved, solved on time, overdue now, and average calendar days from raising to solving.</summary>
    public async Task<ProblemStats> StatsAsync(ProblemQuery q)
    {
        await using var db = await factory.CreateDbContextAsync();
        var today = clock.Today();
        var rows = await Filter(Scoped(db), q).Select(p => new { p.State, p.RaisedOn, p.Deadline, p.ResolvedOn }).ToListAsync();
        var solved = rows.Where(r => r.ResolvedOn != null).ToList();
        return new ProblemStats(rows.Count, solved.Count,
            solved.Count(r => r.Deadline is null || r.ResolvedOn <= r.Deadline),
            rows.Count(r => r.ResolvedOn is null && r.Deadline < today),
            solved.Count == 0 ? null : Math.Round((decimal)solved.Average(r => r.ResolvedOn!.Value.DayNumber - r.RaisedOn.DayNumber), 1));
    }

    public async Task<(Problem Problem, List<ProblemStep> Steps)> DetailAsync(int id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var problem = await Scoped(db).Include(p => p.Unit).Include(p => p.Event).FirstOrDefaultAsync(p => p.Id == id)
            ?? throw new DomainException("无权访问：问题不存在或不属于本单位");
        return (problem, await db.ProblemSteps.AsNoTracking().Where(s => s.ProblemId == id).OrderByDescending(s => s.Id).ToListAsync());
    }

    public async Task<int> RegisterAsync(ProblemInput input)
    {
        user.Require(Access.OfficeOnly);
        await using var db = await factory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var problem = await AddAsync(db, input);
        await tx.CommitAsync();
        return problem.Id;
    }

    /// <summary>Registers a problem inside the caller's transaction (the Office's register, or a steward turning a visit's finding into a list item).</summary>
    internal async Task<Problem> AddAsync(AppDbContext db, ProblemInput input, int? enterpriseId = null)
    {
        var enterprise = input.EnterpriseName?.Trim() ?? "";
        var description = input.Description?.Trim() ?? "";
        DomainException.ThrowIf(ProblemChecks.RegisterProblem(enterprise, description, input.Category, await settings.LabelsAsync("problem-category")));
        if (input.EventId is { } e && !await db.ExchangeEvents.AnyAsync(x => x.Id == e)) throw new DomainException("交流活动不存在");
        if (input.WorkItemId is { } w && !await db.WorkItems.AnyAsync(x => x.Id == w)) throw new DomainException("重点工作事项不存在");
        // A problem raised by a registered enterprise is linked to it, so its page lists the problem.
        enterpriseId ??= await db.Enterprises.Where(e => e.Name == enterprise).Select(e => (int?)e.Id).FirstOrDefaultAsync();
        var problem = new Problem { EventId = input.EventId, WorkItemId = input.WorkItemId, EnterpriseName = enterprise, EnterpriseId = enterpriseId, Description = description, Category = input.Category!, IsUrgent = input.IsUrgent, RaisedOn = clock.Today() };
        db.Problems.Add(problem);
        await db.SaveChangesAsync();
        Step(db, problem.Id, ProblemStepKind.Registered, $"{enterprise}：{description}");
        await db.SaveChangesAsync();
        return problem;
    }

    /// <summary>分类交办 (or 重新交办 after a hand-back): a unit and a limit in working days on the official calendar.</summary>
    public Task AssignAsync(int id, int? unitId, int limitDays, int? version = null) => ActAsync(id, version, ProblemAction.Assign, (db, p) => AssignTo(db, p, unitId, limitDays, ProblemStepKind.Assigned));

    public Task ReassignAsync(int id, int? unitId, int limitDays, int? version = null) => ActAsync(id, version, ProblemAction.Reassign, (db, p) => AssignTo(db, p, unitId, limitDays, ProblemStepKind.Reassigned));

    public Task FeedbackAsync(int id, string? text, int? version = null) => ActAsync(id, version, ProblemAction.Feedback, (db, p) =>
    {
        DomainException.ThrowIf(ProblemChecks.FeedbackProblem(text));
        Step(db, p.Id, ProblemStepKind.Feedback, text!.Trim());
        return Task.CompletedTask;
    });

    public Task RequestReturnAsync(int id, string? reason, int? version = null) => ActAsync(id, version, ProblemAction.RequestReturn, async (db, p) =>
    {
        DomainException.ThrowIf(ProblemChecks.ReturnRequestProblem(reason));
        p.ReturnRequest = reason!.Trim();
        Step(db, p.Id, ProblemStepKind.ReturnRequested, $"申请退回：{reason.Trim()}");
        ReminderService.Notify(db, new Reminder { Role = AppRoles.Office, Title = $"问题申请退回待重新交办：{p.EnterpriseName}", Link = $"/exchanges/problems/{p.Id}" }, clock.UtcNow());
    });

    public Task ResolveAsync(int id, string? answer, int? version = null) => ActAsync(id, version, ProblemAction.Resolve, (db, p) =>
    {
        DomainException.ThrowIf(ProblemChecks.ResolveProblem(answer));
        p.Answer = answer!.Trim();
        p.ResolvedOn = clock.Today();
        p.ReturnRequest = null;
        Step(db, p.Id, ProblemStepKind.Resolved, $"办结：{answer.Trim()}");
        return Task.CompletedTask;
    });

    public Task CloseAsync(int id, int? version = null) => ActAsync(id, version, ProblemAction.Close, async (db, p) =>
    {
        // A bad rating is settled first: its rectification done and rated again.
        var pending = await db.Rectifications.AnyAsync(r => db.Callbacks.Any(c => c.Id == r.CallbackId && c.ProblemId == id)
            && (r.State == RectificationState.Open || !db.Callbacks.Any(c => c.RectificationId == r.Id)));
        DomainException.ThrowIf(ProblemChecks.CloseProblem(pending));
        Step(db, p.Id, ProblemStepKind.Closed, "回访完成，予以销号");
    });

    private async Task AssignTo(AppDbContext db, Problem p, int? unitId, int limitDays, ProblemStepKind kind)
    {
        if (unitId is not { } u || !await db.Units.AnyAsync(x => x.Id == u && x.IsActive)) throw new DomainException("请选择责任单位");
        DomainException.ThrowIf(ProblemChecks.AssignProblem(limitDays, kind == ProblemStepKind.Reassigned, p.UnitId, u));
        var cal = await calendar.GetAsync();
        p.UnitId = u;
        p.LimitDays = limitDays;
        p.Deadline = cal.AddWorkingDays(clock.Today(), limitDays);
        p.EscalationLevel = 0;
        p.ReturnRequest = null;
        var unitName = await db.Units.Where(x => x.Id == u).Select(x => x.Name).FirstAsync();
        Step(db, p.Id, kind, $"{(kind == ProblemStepKind.Assigned ? "分类交办" : "重新交办")}至{unitName}，{limitDays} 个工作日内（{AppTime.ListDate(p.Deadline.Value)} 前）办结");
        ReminderService.Notify(db, new Reminder { UnitId = u, Title = $"新交办问题：{p.EnterpriseName}（{p.Category}）", Link = $"/exchanges/problems/{p.Id}" }, clock.UtcNow());
    }

    /// <summary>One step of the loop: rights, the version the page showed (DbExtensions.ActFromVersion), state machine, the change, in one transaction.</summary>
    private async Task ActAsync(int id, int? version, ProblemAction action, Func<AppDbContext, Problem, Task> change)
    {
        await using var db = await factory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var problem = await db.Problems.FindAsync(id) ?? throw new DomainException("问题不存在");
        if (ProblemStates.ByOffice(action)) user.Require(Access.OfficeOnly);
        else if (!user.IsLiaisonOf(problem.UnitId)) throw new DomainException("只有责任单位的联络员可以办理此问题");
        db.ActFromVersion(problem, version);
        var (next, error) = ProblemStates.Apply(problem.State, action);
        DomainException.ThrowIf(error);
        problem.State = next!.Value;
        await change(db, problem);
        await db.SaveOrConflictAsync();
        await tx.CommitAsync();
    }

    internal ProblemStep Step(AppDbContext db, int problemId, ProblemStepKind kind, string text)
    {
        var step = new ProblemStep { ProblemId = problemId, Kind = kind, At = clock.UtcNow(), By = user.IsAuthenticated ? user.DisplayName : "系统", Text = text };
        db.ProblemSteps.Add(step);
        return step;
    }
}
