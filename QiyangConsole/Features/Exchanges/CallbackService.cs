using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Features.Exchanges.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Exchanges;

public sealed class CallbackInput
{
    public int? ProblemId { get; set; }
    public int? RectificationId { get; set; }
    public int? HelpMatterId { get; set; }
    public string? Subject { get; set; }
    public int? UnitId { get; set; }
    public string Person { get; set; } = "";
    public string? Phone { get; set; }
    public DateOnly? CalledOn { get; set; }
    public Rating? Rating { get; set; }
    public string? Comment { get; set; }
    public string? BadReason { get; set; }
}

public sealed record CallbackRow(int Id, DateOnly CalledOn, string Subject, string Unit, string Person, Rating Rating, string? Comment, string? BadReason, bool IsReRating, RectificationState? Rectification);

public sealed record RectificationRow(int Id, int CallbackId, string Subject, string Unit, int UnitId, DateOnly Deadline, RectificationState State, string? Answer, string? BadReason, bool ReRated);

public sealed record DueMatter(int Id, string Enterprise, string? Contact, string? Phone, string Name, string Mode, string Agent, DateOnly FinishedOn);

public sealed record Satisfaction(string Label, int Total, int Satisfied, decimal? Rate);

/// <summary>回访与好差评: callbacks, bad ratings and their rectification, satisfaction per unit, month and overall.</summary>
public sealed class CallbackService(IDbContextFactory<AppDbContext> factory, CurrentUser user, CalendarService calendar, SettingsService settings, ProblemService problems, TimeProvider clock)
{
    public async Task<(List<CallbackRow> Rows, int Total)> ListAsync(int? unitId, bool? bad, int skip, int take, Dashboard.Period? period = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var callbacks = Scoped(db);
        if (period is not null) callbacks = callbacks.Where(c => c.CalledOn >= period.From && c.CalledOn <= period.To);
        if (unitId is { } u) callbacks = callbacks.Where(c => c.UnitId == u);
        if (bad == true) callbacks = callbacks.Where(c => c.Rating <= Rating.Dissatisfied);
        var total = await callbacks.CountAsync();
        var rows = await callbacks.OrderByDescending(c => c.CalledOn).ThenByDescending(c => c.Id).Skip(skip).Take(take)
            .Select(c => new CallbackRow(c.Id, c.CalledOn, c.Subject, c.Unit!.Name, c.Person, c.Rating, c.Comment, c.BadReason, c.RectificationId != null,
                db.Rectifications.Where(r => r.CallbackId == c.Id).Select(r => (RectificationState?)r.State).FirstOrDefault())).ToListAsync();
        return (rows, total);
    }

    /// <summary>Callbacks made in a period and how many were satisfied (not a bad rating), as the user may see them.</summary>
    public async Task<(int Called, int Satisfied)> CountAsync(Dashboard.Period period)
    {
        await using var db = await factory.CreateDbContextAsync();
        var ratings = await Scoped(db).Where(c => c.CalledOn >= period.From && c.CalledOn <= period.To).GroupBy(c => c.Rating).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return (ratings.Sum(r => r.Count), ratings.Where(r => !Ratings.IsBad(r.Key)).Sum(r => r.Count));
    }

    private IQueryable<Callback> Scoped(AppDbContext db)
    {
        user.Require(Access.UnitCases);
        var callbacks = db.Callbacks.AsNoTracking();
        if (!user.Reach.WholeZone)
        {
            var unitId = user.Reach.Unit;
            callbacks = callbacks.Where(c => c.UnitId == unitId);
        }
        return callbacks;
    }

    /// <summary>回访工作量: solved problems not yet called back.</summary>
    public async Task<List<ProblemRow>> DueAsync()
    {
        user.Require(Access.OfficeOrLeader);
        var (rows, _) = await problems.ListAsync(new ProblemQuery(State: ProblemState.Resolved), 0, 500);
        return rows;
    }

    /// <summary>Help-agent matters finished in the last <paramref name="days"/> days and not yet called back.</summary>
    public async Task<List<DueMatter>> DueMattersAsync(int days = 30)
    {
        user.Require(Access.OfficeOrLeader);
        await using var db = await factory.CreateDbContextAsync();
        var since = clock.Today().AddDays(-days);
        return await db.HelpMatters.AsNoTracking().Where(m => m.State == HelpState.Finished && m.FinishedOn >= since && !db.Callbacks.Any(c => c.HelpMatterId == m.Id))
            .OrderBy(m => m.FinishedOn).Select(m => new DueMatter(m.Id, m.Enterprise!.Name, m.Enterprise.ContactPerson, m.Enterprise.ContactPhone, m.Name, m.Mode.Name(), m.Agent!.DisplayName, m.FinishedOn!.Value))
            .ToListAsync();
    }

    public async Task<List<RectificationRow>> RectificationsAsync(bool openOnly)
    {
        await using var db = await factory.CreateDbContextAsync();
        var callbacks = Scoped(db);
        var rows = await db.Rectifications.AsNoTracking().Where(r => !openOnly || r.State == RectificationState.Open)
            .Join(callbacks, r => r.CallbackId, c => c.Id, (r, c) => new { r, c })
            .OrderBy(x => x.r.State).ThenBy(x => x.r.Deadline)
            .Select(x => new RectificationRow(x.r.Id, x.c.Id, x.c.Subject, x.r.Unit!.Name, x.r.UnitId, x.r.Deadline, x.r.State, x.r.Answer, x.c.BadReason,
                db.Callbacks.Any(c => c.RectificationId == x.r.Id))).ToListAsync();
        return rows;
    }

    /// <summary>Records a callback; a bad rating needs a reason and opens a rectification, unless it re-rates one.</summary>
    public async Task<int> RecordAsync(CallbackInput input)
    {
        user.Require(Access.OfficeOnly);
        var person = input.Person?.Trim() ?? "";
        DomainException.ThrowIf(CallbackRules.Problem(person, input.Rating, input.CalledOn, input.BadReason, clock.Today(), input.Phone, input.Comment));
        var (rating, calledOn) = (input.Rating!.Value, input.CalledOn!.Value);
        await using var db = await factory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        string subject;
        int unitId;
        Problem? problem = null;
        if (input.RectificationId is { } rectId)
        {
            var rect = await db.Rectifications.FindAsync(rectId) ?? throw new DomainException("整改记录不存在");
            DomainException.ThrowIf(CallbackRules.ReRateProblem(rect.State));
            if (await db.Callbacks.AnyAsync(c => c.RectificationId == rectId)) throw new DomainException("该整改已再次评价");
            var original = await db.Callbacks.FindAsync(rect.CallbackId);
            subject = $"整改再评价：{original!.Subject}";
            unitId = rect.UnitId;
        }
        else if (input.ProblemId is { } problemId)
        {
            problem = await db.Problems.FindAsync(problemId) ?? throw new DomainException("问题不存在");
            DomainException.ThrowIf(CallbackRules.ProblemCallbackProblem(problem.State));
            subject = $"问题回访：{problem.Description}";
            unitId = problem.UnitId!.Value;
        }
        else if (input.HelpMatterId is { } matterId)
        {
            var matter = await db.HelpMatters.Include(m => m.Enterprise).Include(m => m.Agent).Include(m => m.Windows).FirstOrDefaultAsync(m => m.Id == matterId) ?? throw new DomainException("帮代办事项不存在");
            DomainException.ThrowIf(CallbackRules.HelpMatterCallbackProblem(matter.State));
            if (await db.Callbacks.AnyAsync(c => c.HelpMatterId == matterId)) throw new DomainException("该帮代办事项已回访");
            subject = $"帮代办回访：{matter.Enterprise!.Name} {matter.Name}";
            // The agent's unit answers for the service (1+1); a matter without one falls to its first window.
            unitId = matter.Agent?.UnitId ?? matter.Windows.Select(w => (int?)w.UnitId).FirstOrDefault() ?? throw new DomainException("该事项的帮代办人员没有所属单位，请先在用户管理中设置");
        }
        else
        {
            subject = input.Subject?.Trim() ?? "";
            DomainException.ThrowIf(CallbackRules.SubjectProblem(subject));
            if (input.UnitId is not { } u || !await db.Units.AnyAsync(x => x.Id == u)) throw new DomainException("请选择办理单位");
            unitId = u;
        }
        var callback = new Callback
        {
            ProblemId = problem?.Id, RectificationId = input.RectificationId, HelpMatterId = input.HelpMatterId, Subject = TextLimit.Cut(subject, CallbackRules.MaxSubjectLength), UnitId = unitId,
            Person = person, Phone = Blank(input.Phone), CalledOn = calledOn, CalledBy = user.DisplayName, Rating = rating,
            Comment = Blank(input.Comment), BadReason = Ratings.IsBad(rating) ? input.BadReason!.Trim() : null,
        };
        db.Callbacks.Add(callback);
        await db.SaveChangesAsync();
        if (problem is not null)
        {
            problem.State = ProblemState.CalledBack;
            problems.Step(db, problem.Id, ProblemStepKind.CalledBack, $"回访{person}：{rating.Name()}{(callback.BadReason is null ? "" : $"（{callback.BadReason}）")}");
        }
        if (Ratings.IsBad(rating) && input.RectificationId is null)
        {
            var days = await settings.IntAsync("rating.rectificationDays", 10);
            var deadline = (await calendar.GetAsync()).AddWorkingDays(calledOn, days);
            db.Rectifications.Add(new Rectification { CallbackId = callback.Id, UnitId = unitId, Deadline = deadline });
            await ReminderService.AddOnceAsync(db, new Reminder { UnitId = unitId, Title = $"差评整改（{AppTime.ListDate(deadline)} 前）：{callback.Subject}", Link = "/callbacks", DedupKey = $"rectification-{callback.Id}" }, clock.UtcNow());
        }
        await db.SaveOrConflictAsync();
        await tx.CommitAsync();
        return callback.Id;
    }

    public async Task CompleteRectificationAsync(int id, string? answer)
    {
        await using var db = await factory.CreateDbContextAsync();
        var rect = await db.Rectifications.FindAsync(id) ?? throw new DomainException("整改记录不存在");
        if (!user.IsLiaisonOf(rect.UnitId)) throw new DomainException("只有责任单位的联络员可以提交整改结果");
        DomainException.ThrowIf(CallbackRules.RectifyProblem(rect.State, answer));
        rect.State = RectificationState.Done;
        rect.Answer = answer!.Trim();
        rect.DoneOn = clock.Today();
        await ReminderService.AddOnceAsync(db, new Reminder { Role = AppRoles.Office, Title = "差评整改已完成，待再次回访评价", Link = "/callbacks", DedupKey = $"rectification-done-{id}" }, clock.UtcNow());
        await db.SaveOrConflictAsync();
    }

    /// <summary>Satisfaction (share of the top three levels) per unit, for a year and optionally a month, plus the overall rate first.</summary>
    public async Task<List<Satisfaction>> SatisfactionAsync(int year, int? month)
    {
        await using var db = await factory.CreateDbContextAsync();
        var rows = await Scoped(db).Where(c => c.CalledOn.Year == year && (month == null || c.CalledOn.Month == month))
            .Select(c => new { Unit = c.Unit!.Name, c.Rating }).ToListAsync();
        var overall = new Satisfaction("全部", rows.Count, rows.Count(r => !Ratings.IsBad(r.Rating)), Ratings.Rate(rows.Count(r => !Ratings.IsBad(r.Rating)), rows.Count));
        return [overall, .. rows.GroupBy(r => r.Unit).Select(g => new Satisfaction(g.Key, g.Count(), g.Count(r => !Ratings.IsBad(r.Rating)), Ratings.Rate(g.Count(r => !Ratings.IsBad(r.Rating)), g.Count())))
            .OrderBy(s => s.Rate).ThenByDescending(s => s.Total)];
    }

    /// <summary>Per-unit (satisfied, total) of a month's callbacks, for the monthly evaluation.</summary>
    public static async Task<Dictionary<int, (int Satisfied, int Total)>> UnitMonthAsync(AppDbContext db, int year, int month)
    {
        var rows = await db.Callbacks.AsNoTracking().Where(c => c.CalledOn.Year == year && c.CalledOn.Month == month).Select(c => new { c.UnitId, c.Rating }).ToListAsync();
        return rows.GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => (g.Count(r => !Ratings.IsBad(r.Rating)), g.Count()));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
