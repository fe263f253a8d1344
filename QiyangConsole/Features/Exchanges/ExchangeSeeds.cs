using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Features.Exchanges.Rules;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Exchanges;

/// <summary>Demo data for 2023: 10 exchange events, their problem lists (87 solved), and 1,012 callbacks of which 8 are bad ratings with their rectifications.</summary>
public sealed class ExchangeSeed(IConfiguration config) : ISeedStep
{
    public string Name => "exchanges/2023";
    public int Order => 50;
    public bool Enabled(IConfiguration _) => DemoMode.IsOn(config);

    private sealed record EventRow(DateOnly Date, EventKind Kind, string Place, string Hosts, string Enterprises, string Minutes);
    private sealed record ProblemRow(int Event, string Enterprise, string Description, string Category, string Unit, DateOnly RaisedOn, int LimitDays, DateOnly? ResolvedOn, string? Answer);
    private sealed record CallbackRow(int? Problem, string Unit, string Person, DateOnly CalledOn, Rating Rating, string? Subject, string? BadReason);
    private sealed record YearFile(List<EventRow> Events, List<ProblemRow> Problems, List<CallbackRow> Callbacks);

    public async Task RunAsync(AppDbContext db, SeedFiles files, CancellationToken ct)
    {
        var data = files.Read<YearFile>("exchanges/2023.json");
        var units = await db.Units.ToDictionaryAsync(u => u.Name, u => u.Id, ct);
        // Problems raised by registered enterprises link to them (the enterprise seed runs first in demo mode).
        var enterprises = await db.Enterprises.ToDictionaryAsync(e => e.Name, e => e.Id, ct);
        var cal = new WorkCalendar(await db.CalendarYears.Select(y => y.Year).ToListAsync(ct),
            await db.CalendarDays.Select(d => new KeyValuePair<DateOnly, bool>(d.Date, d.IsWorkday)).ToListAsync(ct));
        var events = data.Events.Select(e => new ExchangeEvent { Date = e.Date, Kind = e.Kind, Place = e.Place, Hosts = e.Hosts, Enterprises = e.Enterprises, Minutes = e.Minutes }).ToList();
        db.ExchangeEvents.AddRange(events);
        await db.SaveChangesAsync(ct);

        var problems = new List<Problem>();
        foreach (var p in data.Problems)
        {
            var solved = p.ResolvedOn is not null;
            var problem = new Problem
            {
                EventId = events[p.Event].Id, EnterpriseName = p.Enterprise, EnterpriseId = enterprises.TryGetValue(p.Enterprise, out var eid) ? eid : null, Description = p.Description, Category = p.Category, UnitId = units[p.Unit],
                RaisedOn = p.RaisedOn, LimitDays = p.LimitDays, Deadline = cal.AddWorkingDays(p.RaisedOn, p.LimitDays), ResolvedOn = p.ResolvedOn, Answer = p.Answer,
                State = solved ? ProblemState.Closed : ProblemState.InProgress,
            };
            problems.Add(problem);
        }
        db.Problems.AddRange(problems);
        await db.SaveChangesAsync(ct);
        foreach (var p in problems)
        {
            Step(db, p.Id, ProblemStepKind.Registered, p.RaisedOn, $"{p.EnterpriseName}：{p.Description}");
            Step(db, p.Id, ProblemStepKind.Assigned, p.RaisedOn, $"分类交办，{p.LimitDays} 个工作日内（{AppTime.ListDate(p.Deadline!.Value)} 前）办结");
            if (p.ResolvedOn is { } r)
            {
                Step(db, p.Id, ProblemStepKind.Resolved, r, $"办结：{p.Answer}");
                Step(db, p.Id, ProblemStepKind.CalledBack, r.AddDays(2), "回访企业：满意");
                Step(db, p.Id, ProblemStepKind.Closed, r.AddDays(2), "回访完成，予以销号");
            }
        }

        foreach (var c in data.Callbacks)
        {
            var problem = c.Problem is { } i ? problems[i] : null;
            var callback = new Callback
            {
                ProblemId = problem?.Id, Subject = problem is null ? c.Subject! : $"问题回访：{problem.Description}", UnitId = units[c.Unit], Person = c.Person,
                CalledOn = c.CalledOn, CalledBy = "政务服务回访中心", Rating = c.Rating, BadReason = c.BadReason,
            };
            db.Callbacks.Add(callback);
            if (Ratings.IsBad(c.Rating))
            {
                await db.SaveChangesAsync(ct);
                var deadline = cal.AddWorkingDays(c.CalledOn, 10);
                var done = c.CalledOn < new DateOnly(2023, 5, 15);
                var rect = new Rectification { CallbackId = callback.Id, UnitId = callback.UnitId, Deadline = deadline, State = done ? RectificationState.Done : RectificationState.Open, Answer = done ? "已约谈窗口负责人，优化办理流程并向企业致歉" : null, DoneOn = done ? deadline.AddDays(-2) : null };
                db.Rectifications.Add(rect);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static void Step(AppDbContext db, int problemId, ProblemStepKind kind, DateOnly on, string text) =>
        db.ProblemSteps.Add(new ProblemStep { ProblemId = problemId, Kind = kind, At = TimeZoneInfo.ConvertTimeToUtc(on.ToDateTime(new TimeOnly(10, 0)), AppTime.Zone), By = "专班办公室", Text = text });
}
