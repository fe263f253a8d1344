using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Evaluation.Rules;
using QiyangConsole.Features.Exchanges;
using QiyangConsole.Features.Exchanges.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Exchanges;

/// <summary>
/// 政企交流 (exchange events, 问题清单, 回访与好差评) on a real, migrated SQLite file: the seeded 2023
/// figures counted from the records, what a unit sees, the closed loop of one problem, the
/// escalation job, and the monthly evaluation reading the satisfaction rate.
/// </summary>
public class ExchangeDataTests
{
    private const string Office = "office";
    private const string Liaison = "unit";
    private const string HousingLiaison = "zhujian";
    private const string Natural = "市自然资源局";
    private const string Housing = "市住房和城乡建设局";
    private const string Medical = "市医疗保障局";
    private const string Transport = "市交通运输局";
    private const string HumanResources = "市人力资源和社会保障局";
    private const string Commerce = "市商务局";
    private const string NotResponsible = "只有责任单位的联络员可以办理此问题";

    // ---- a. The seeded figures -------------------------------------------------------------------

    [DbFact]
    public async Task The_seeded_2023_figures_come_out_when_computed_from_the_records()
    {
        await using var db = await Seeds.SeededAsync(new ExchangeSeed(Seeds.Config()));
        AsOffice(db);
        var calendar = db.Get<CalendarService>();
        var problems = db.Get<ProblemService>();
        var callbacks = db.Get<CallbackService>();
        var exchanges = db.Get<ExchangeService>();

        // 12 exchange events in 2023, 7 早茶会 and 5 园区夜话 (10 by the source's 2023-05-18, two in June), newest first, with their 115 problems (105 solved, 87 of them by 05-18).
        var events = await exchanges.EventsAsync(2023);
        Assert.Equal(12, events.Count);
        Assert.Equal(7, events.Count(e => e.Event.Kind == EventKind.TeaMeeting));
        Assert.Equal(5, events.Count(e => e.Event.Kind == EventKind.ParkNight));
        Assert.Equal(10, events.Count(e => e.Event.Date <= new DateOnly(2023, 5, 18)));
        Assert.Equal(events.Select(e => e.Event.Date).OrderDescending(), events.Select(e => e.Event.Date));
        Assert.Equal(115, events.Sum(e => e.Problems));
        Assert.Equal(105, events.Sum(e => e.Solved));
        Assert.Empty(await exchanges.EventsAsync(2022));

        // 问题清单 statistics against the rows themselves (the clock is the TestDb's 2023-05-18).
        var stats = await problems.StatsAsync(new ProblemQuery());
        Assert.Equal(115, stats.Raised);
        Assert.Equal(105, stats.Solved);
        await using var ctx = db.CreateDbContext();
        var rows = await ctx.Problems.AsNoTracking().ToListAsync();
        Assert.Equal(115, rows.Count);
        var solved = rows.Where(p => p.ResolvedOn != null).ToList();
        Assert.Equal(105, solved.Count);
        Assert.Equal(87, solved.Count(p => p.ResolvedOn <= new DateOnly(2023, 5, 18)));
        Assert.All(solved, p => Assert.Equal(ProblemState.Closed, p.State));
        Assert.All(rows.Where(p => p.ResolvedOn == null), p => Assert.Equal(ProblemState.InProgress, p.State));
        var today = db.Clock.Today();
        Assert.Equal(new DateOnly(2023, 5, 18), today);
        Assert.Equal(solved.Count(p => p.ResolvedOn <= p.Deadline), stats.OnTime);
        Assert.Equal(rows.Count(p => p.ResolvedOn == null && p.Deadline < today), stats.Overdue);
        Assert.Equal(Math.Round((decimal)solved.Average(p => p.ResolvedOn!.Value.DayNumber - p.RaisedOn.DayNumber), 1), stats.AverageDaysToSolve);
        var cal = await calendar.GetAsync();
        Assert.All(rows, p => Assert.Equal(cal.AddWorkingDays(p.RaisedOn, p.LimitDays!.Value), p.Deadline));
        Assert.All(rows, p => Assert.NotNull(p.UnitId));
        // Each solved problem has its whole timeline; an open one is registered and assigned.
        var steps = (await ctx.ProblemSteps.AsNoTracking().ToListAsync()).GroupBy(s => s.ProblemId).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Id).Select(s => s.Kind).ToList());
        Assert.All(solved, p => Assert.Equal(
            new[] { ProblemStepKind.Registered, ProblemStepKind.Assigned, ProblemStepKind.Resolved, ProblemStepKind.CalledBack, ProblemStepKind.Closed }, steps[p.Id]));
        Assert.All(rows.Where(p => p.ResolvedOn == null), p => Assert.Equal(new[] { ProblemStepKind.Registered, ProblemStepKind.Assigned }, steps[p.Id]));

        // 1,030 callbacks in 2023, 1,022 satisfied (the top three levels): 99.2 % (by 05-18: 1,004 at 99.2 %, the source's "1000 余人次").
        var satisfaction = await callbacks.SatisfactionAsync(2023, null);
        var all = satisfaction[0];
        Assert.Equal("全部", all.Label);
        Assert.Equal(1030, all.Total);
        Assert.Equal(1022, all.Satisfied);
        Assert.Equal(0.9922m, all.Rate);
        Assert.Equal("99.2%", Ratings.Percent(all.Rate));
        var ratings = await ctx.Callbacks.AsNoTracking().Select(c => new { Unit = c.Unit!.Name, c.Rating, c.CalledOn }).ToListAsync();
        Assert.Equal(1030, ratings.Count);
        Assert.Equal(1004, ratings.Count(r => r.CalledOn <= new DateOnly(2023, 5, 18)));
        Assert.Equal(1022, ratings.Count(r => r.Rating >= Rating.Basic));
        Assert.All(ratings, r => Assert.Equal(2023, r.CalledOn.Year));
        var perUnit = satisfaction.Skip(1).ToList();
        var expected = ratings.GroupBy(r => r.Unit).ToDictionary(g => g.Key, g => (Total: g.Count(), Satisfied: g.Count(r => r.Rating >= Rating.Basic)));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), perUnit.Select(u => u.Label).Order(StringComparer.Ordinal));
        Assert.All(perUnit, u =>
        {
            Assert.Equal(expected[u.Label].Total, u.Total);
            Assert.Equal(expected[u.Label].Satisfied, u.Satisfied);
            Assert.Equal(Math.Round((decimal)u.Satisfied / u.Total, 4), u.Rate);
        });
        Assert.Equal(perUnit.Select(u => u.Rate).Order(), perUnit.Select(u => u.Rate));  // the worst first
        Assert.Equal(1030, perUnit.Sum(u => u.Total));
        // A month: the year's first row is the sum of the months'.
        var months = new List<Satisfaction>();
        for (var m = 1; m <= 12; m++) months.Add((await callbacks.SatisfactionAsync(2023, m))[0]);
        Assert.Equal(1030, months.Sum(m => m.Total));
        Assert.Equal(1022, months.Sum(m => m.Satisfied));
        Assert.Equal(ratings.Count(r => r.CalledOn.Month == 3), months[2].Total);
        Assert.Null(months[11].Rate);

        // The dashboard figures.
        var bySource = new QiyangConsole.Features.Dashboard.Period(new DateOnly(2023, 1, 1), new DateOnly(2023, 5, 18));
        var figures = await db.Figures<ExchangeFigures>().FiguresAsync(bySource, default);
        Assert.Equal(3, figures.Count);
        Assert.Equal(("政企交流活动", "10", "/exchanges?from=2023-01-01&to=2023-05-18"), (figures[0].Label, figures[0].Value, figures[0].Link));
        Assert.Equal(("解决问题", "87", "/exchanges/problems?resolved=true&from=2023-01-01&to=2023-05-18"), (figures[1].Label, figures[1].Value, figures[1].Link));
        Assert.Equal(("回访办事企业和群众", "1,004", "满意度 99.2%", "/callbacks?from=2023-01-01&to=2023-05-18"), (figures[2].Label, figures[2].Value, figures[2].Note, figures[2].Link));
        var year = await db.Figures<ExchangeFigures>().FiguresAsync(QiyangConsole.Features.Dashboard.Period.Year(2023), default);
        Assert.Equal(new[] { "12", "105", "1,030" }, year.Select(f => f.Value));

        // 8 bad ratings, each with its reason and a rectification for the same unit, 10 working days on the calendar.
        var bad = await ctx.Callbacks.AsNoTracking().Where(c => c.Rating == Rating.Dissatisfied || c.Rating == Rating.VeryDissatisfied).ToListAsync();
        Assert.Equal(8, bad.Count);
        Assert.All(bad, c => Assert.False(string.IsNullOrWhiteSpace(c.BadReason)));
        var rects = await ctx.Rectifications.AsNoTracking().ToListAsync();
        Assert.Equal(8, rects.Count);
        Assert.Equal(bad.Select(c => c.Id).Order(), rects.Select(r => r.CallbackId).Order());
        Assert.All(rects, r =>
        {
            var callback = bad.Single(c => c.Id == r.CallbackId);
            Assert.Equal(callback.UnitId, r.UnitId);
            Assert.Equal(cal.AddWorkingDays(callback.CalledOn, 10), r.Deadline);
            Assert.Equal(r.State == RectificationState.Done, r.DoneOn is not null);
        });
        var listed = await callbacks.RectificationsAsync(false);
        Assert.Equal(8, listed.Count);
        Assert.Equal(rects.Count(r => r.State == RectificationState.Open), (await callbacks.RectificationsAsync(true)).Count);
        Assert.Equal(8, (await callbacks.ListAsync(null, true, 0, 100)).Total);
        Assert.Equal(1030, (await callbacks.ListAsync(null, null, 0, 10)).Total);
        // The 105 problem callbacks are all satisfied, two days after the problem was solved.
        var problemCallbacks = await ctx.Callbacks.AsNoTracking().Where(c => c.ProblemId != null).ToListAsync();
        Assert.Equal(105, problemCallbacks.Count);
        Assert.All(problemCallbacks, c => Assert.False(Ratings.IsBad(c.Rating)));
        Assert.All(problemCallbacks, c => Assert.Equal(solved.Single(p => p.Id == c.ProblemId).ResolvedOn!.Value.AddDays(2), c.CalledOn));
    }

    // ---- b. What a unit sees ---------------------------------------------------------------------

    [DbFact]
    public async Task A_unit_sees_only_its_own_problems_callbacks_and_rectifications_and_a_steward_none()
    {
        await using var db = await Seeds.SeededAsync(new ExchangeSeed(Seeds.Config()));
        var natural = await UnitIdAsync(db, Natural);
        var medical = await UnitIdAsync(db, Medical);
        var problems = db.Get<ProblemService>();
        var callbacks = db.Get<CallbackService>();

        List<int> ownProblems;
        Problem otherProblem;
        int ownCallbacks, ownRectifications, medicalRectifications;
        await using (var ctx = db.CreateDbContext())
        {
            ownProblems = await ctx.Problems.Where(p => p.UnitId == natural).Select(p => p.Id).ToListAsync();
            otherProblem = await ctx.Problems.AsNoTracking().OrderBy(p => p.Id).FirstAsync(p => p.UnitId != natural);
            ownCallbacks = await ctx.Callbacks.CountAsync(c => c.UnitId == natural);
            ownRectifications = await ctx.Rectifications.CountAsync(r => r.UnitId == natural);
            medicalRectifications = await ctx.Rectifications.CountAsync(r => r.UnitId == medical);
            Assert.Equal(115, await ctx.Problems.CountAsync());
            Assert.Equal(1030, await ctx.Callbacks.CountAsync());
        }
        Assert.Equal(15, ownProblems.Count);
        Assert.Equal(76, ownCallbacks);
        Assert.Equal(3, medicalRectifications);

        AsLiaison(db, natural, Natural);

        // 问题清单
        var (rows, total) = await problems.ListAsync(new ProblemQuery(), 0, 500);
        Assert.Equal(ownProblems.Count, total);
        Assert.Equal(ownProblems.Order(), rows.Select(r => r.Id).Order());
        Assert.All(rows, r => Assert.Equal(Natural, r.Unit));
        var (paged, pagedTotal) = await problems.ListAsync(new ProblemQuery(), 0, 5);
        Assert.Equal(5, paged.Count);
        Assert.Equal(ownProblems.Count, pagedTotal);
        // Asking for another unit does not widen the scope.
        var (others, othersTotal) = await problems.ListAsync(new ProblemQuery(UnitId: otherProblem.UnitId), 0, 500);
        Assert.Empty(others);
        Assert.Equal(0, othersTotal);
        Assert.Equal(ownProblems.Count, (await problems.StatsAsync(new ProblemQuery())).Raised);

        var (own, ownSteps) = await problems.DetailAsync(ownProblems[0]);
        Assert.Equal(natural, own.UnitId);
        Assert.Equal(Natural, own.Unit!.Name);
        Assert.NotEmpty(ownSteps);
        var foreign = await Assert.ThrowsAsync<DomainException>(() => problems.DetailAsync(otherProblem.Id));
        Assert.Equal("无权访问：问题不存在或不属于本单位", foreign.Message);
        // Nor can it act on another unit's problem, or do the office's part.
        var act = await Assert.ThrowsAsync<DomainException>(() => problems.FeedbackAsync(otherProblem.Id, "已办理"));
        Assert.Equal(NotResponsible, act.Message);
        Assert.Equal(DomainException.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => problems.RegisterAsync(
            new ProblemInput { EnterpriseName = "湖南壕鑫纺织有限公司", Description = "自行登记", Category = "用地" }))).Message);

        // 回访 and 整改
        var (calls, callTotal) = await callbacks.ListAsync(null, null, 0, 2000);
        Assert.Equal(ownCallbacks, callTotal);
        Assert.Equal(ownCallbacks, calls.Count);
        Assert.All(calls, c => Assert.Equal(Natural, c.Unit));
        Assert.Equal(0, (await callbacks.ListAsync(medical, null, 0, 2000)).Total);
        var mySatisfaction = await callbacks.SatisfactionAsync(2023, null);
        Assert.Equal(ownCallbacks, mySatisfaction[0].Total);
        Assert.Equal(Natural, Assert.Single(mySatisfaction.Skip(1)).Label);
        Assert.Equal(ownRectifications, (await callbacks.RectificationsAsync(false)).Count);
        Assert.Equal(DomainException.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => callbacks.RecordAsync(
            new CallbackInput { UnitId = natural, Subject = "自评", Person = "张磊", CalledOn = new DateOnly(2023, 5, 18), Rating = Rating.VerySatisfied }))).Message);

        // 市医疗保障局 sees its three rectifications and no other.
        AsLiaison(db, medical, Medical);
        var medicalRows = await callbacks.RectificationsAsync(false);
        Assert.Equal(medicalRectifications, medicalRows.Count);
        Assert.All(medicalRows, r => Assert.Equal(medical, r.UnitId));
        Assert.All(medicalRows, r => Assert.Equal(Medical, r.Unit));
        var (medicalProblems, _) = await problems.ListAsync(new ProblemQuery(), 0, 500);
        Assert.Empty(medicalProblems);  // 市医疗保障局 has no problem assigned

        // The office and leaders see everything; the read-only role none of it (problems and callbacks name people).
        AsOffice(db);
        Assert.Equal(115, (await problems.ListAsync(new ProblemQuery(), 0, 500)).Total);
        Assert.Equal(8, (await callbacks.RectificationsAsync(false)).Count);
        db.SignIn("leader", AppRoles.Leader);
        Assert.Equal(115, (await problems.ListAsync(new ProblemQuery(), 0, 500)).Total);
        Assert.Equal(1030, (await callbacks.ListAsync(null, null, 0, 10)).Total);
        db.SignIn("viewer", AppRoles.Viewer);
        Assert.Equal(DomainException.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => problems.ListAsync(new ProblemQuery(), 0, 50))).Message);
        Assert.Equal(DomainException.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => callbacks.ListAsync(null, null, 0, 10))).Message);

        // A steward (企业管家) has no access to this area.
        var center = await UnitIdAsync(db, "高新区企业服务中心");
        db.SignIn("steward", AppRoles.Steward, center, "高新区企业服务中心");
        Assert.Equal(DomainException.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => problems.ListAsync(new ProblemQuery(), 0, 50))).Message);
        Assert.Equal(DomainException.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => problems.StatsAsync(new ProblemQuery()))).Message);
        Assert.Equal(DomainException.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => problems.DetailAsync(ownProblems[0]))).Message);
        Assert.Equal(DomainException.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => callbacks.ListAsync(null, null, 0, 50))).Message);
        Assert.Equal(DomainException.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => callbacks.RectificationsAsync(false))).Message);
        Assert.Equal(DomainException.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => callbacks.SatisfactionAsync(2023, null))).Message);
        Assert.Equal(DomainException.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => db.Get<ExchangeService>().EventsAsync(2023))).Message);
    }

    // ---- c. The closed loop ----------------------------------------------------------------------

    [DbFact]
    public async Task A_problem_goes_from_registration_through_a_hand_back_a_bad_rating_and_its_rectification_to_closed()
    {
        await using var db = await Seeds.SeededAsync();
        db.Clock.Now = At(2023, 6, 5);
        var natural = await UnitIdAsync(db, Natural);
        var housing = await UnitIdAsync(db, Housing);
        var calendar = db.Get<CalendarService>();
        var cal = await calendar.GetAsync();
        var problems = db.Get<ProblemService>();
        var callbacks = db.Get<CallbackService>();
        const string enterprise = "湖南壕鑫纺织有限公司";
        const string description = "厂区道路未接入市政管网";
        AsOffice(db);
        var eventId = await db.Get<ExchangeService>().SaveAsync(new ExchangeEvent
        {
            Kind = EventKind.TeaMeeting, Date = new DateOnly(2023, 6, 5), Place = "祁阳高新区企业服务中心", Enterprises = enterprise,
        });

        // 登记: refusals first, none of which leaves a row.
        Assert.Equal("请填写反映问题的企业", (await Assert.ThrowsAsync<DomainException>(() => problems.RegisterAsync(
            new ProblemInput { EnterpriseName = "  ", Description = description, Category = "基础设施" }))).Message);
        Assert.Equal("请填写问题描述", (await Assert.ThrowsAsync<DomainException>(() => problems.RegisterAsync(
            new ProblemInput { EnterpriseName = enterprise, Description = " ", Category = "基础设施" }))).Message);
        Assert.Equal("请选择问题类别", (await Assert.ThrowsAsync<DomainException>(() => problems.RegisterAsync(
            new ProblemInput { EnterpriseName = enterprise, Description = description, Category = "水电" }))).Message);
        Assert.Equal("交流活动不存在", (await Assert.ThrowsAsync<DomainException>(() => problems.RegisterAsync(
            new ProblemInput { EventId = eventId + 100, EnterpriseName = enterprise, Description = description, Category = "基础设施" }))).Message);
        await using (var ctx = db.CreateDbContext())
        {
            Assert.Equal(0, await ctx.Problems.CountAsync());
            Assert.Equal(0, await ctx.ProblemSteps.CountAsync());
        }
        var id = await problems.RegisterAsync(new ProblemInput { EventId = eventId, EnterpriseName = $"  {enterprise} ", Description = description, Category = "基础设施", IsUrgent = true });
        var problem = await ProblemAsync(db, id);
        Assert.Equal(ProblemState.Registered, problem.State);
        Assert.Equal(enterprise, problem.EnterpriseName);
        Assert.Equal(new DateOnly(2023, 6, 5), problem.RaisedOn);
        Assert.Equal(eventId, problem.EventId);
        Assert.True(problem.IsUrgent);
        Assert.Null(problem.UnitId);
        Assert.Null(problem.Deadline);

        // Nobody's liaison can act on a problem not yet assigned.
        AsLiaison(db, natural, Natural);
        Assert.Equal(NotResponsible, (await Assert.ThrowsAsync<DomainException>(() => problems.FeedbackAsync(id, "已了解"))).Message);

        // 分类交办 to 市自然资源局, 5 working days: Mon 06-05 → Mon 06-12.
        AsOffice(db);
        Assert.Equal("办理时限应为 1 至 60 个工作日", (await Assert.ThrowsAsync<DomainException>(() => problems.AssignAsync(id, natural, 0))).Message);
        Assert.Equal("办理时限应为 1 至 60 个工作日", (await Assert.ThrowsAsync<DomainException>(() => problems.AssignAsync(id, natural, 61))).Message);
        Assert.Equal("请选择责任单位", (await Assert.ThrowsAsync<DomainException>(() => problems.AssignAsync(id, null, 5))).Message);
        Assert.Equal(ProblemState.Registered, (await ProblemAsync(db, id)).State);
        await problems.AssignAsync(id, natural, 5);
        problem = await ProblemAsync(db, id);
        Assert.Equal(ProblemState.Assigned, problem.State);
        Assert.Equal(natural, problem.UnitId);
        Assert.Equal(5, problem.LimitDays);
        Assert.Equal(cal.AddWorkingDays(new DateOnly(2023, 6, 5), 5), problem.Deadline);
        Assert.Equal(new DateOnly(2023, 6, 12), problem.Deadline);
        Assert.Equal(0, problem.EscalationLevel);
        await using (var ctx = db.CreateDbContext())
        {
            var reminder = await ctx.Reminders.AsNoTracking().SingleAsync(r => r.UnitId == natural && r.Link == $"/exchanges/problems/{id}");
            Assert.Null(reminder.Role);
            Assert.Equal($"新交办问题：{enterprise}（基础设施）", reminder.Title);
        }
        Assert.Equal("问题已交办", (await Assert.ThrowsAsync<DomainException>(() => problems.AssignAsync(id, housing, 5))).Message);

        // 督办反馈 by the responsible unit only.
        Assert.Equal(NotResponsible, (await Assert.ThrowsAsync<DomainException>(() => problems.FeedbackAsync(id, "办公室代为反馈"))).Message);
        AsLiaison(db, natural, Natural);
        Assert.Equal("请填写办理进展", (await Assert.ThrowsAsync<DomainException>(() => problems.FeedbackAsync(id, "  "))).Message);
        Assert.Equal(ProblemState.Assigned, (await ProblemAsync(db, id)).State);
        await problems.FeedbackAsync(id, "  已现场踏勘，道路红线内无规划管网  ");
        Assert.Equal(ProblemState.InProgress, (await ProblemAsync(db, id)).State);
        Assert.Equal(DomainException.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => problems.ReassignAsync(id, housing, 5))).Message);
        Assert.Equal(id, (await problems.DetailAsync(id)).Problem.Id);

        // Another unit can neither act on it nor see it.
        AsLiaison(db, housing, Housing, HousingLiaison);
        Assert.Equal(NotResponsible, (await Assert.ThrowsAsync<DomainException>(() => problems.FeedbackAsync(id, "代为办理"))).Message);
        Assert.Equal(NotResponsible, (await Assert.ThrowsAsync<DomainException>(() => problems.ResolveAsync(id, "已办结"))).Message);
        Assert.Equal(NotResponsible, (await Assert.ThrowsAsync<DomainException>(() => problems.RequestReturnAsync(id, "不属本单位"))).Message);
        Assert.Equal("无权访问：问题不存在或不属于本单位", (await Assert.ThrowsAsync<DomainException>(() => problems.DetailAsync(id))).Message);
        Assert.Equal(ProblemState.InProgress, (await ProblemAsync(db, id)).State);

        // 申请退回: the state stays, the office is told.
        AsLiaison(db, natural, Natural);
        Assert.Equal("申请退回须说明理由", (await Assert.ThrowsAsync<DomainException>(() => problems.RequestReturnAsync(id, " "))).Message);
        Assert.Null((await ProblemAsync(db, id)).ReturnRequest);
        await problems.RequestReturnAsync(id, " 市政道路管网建设属住建部门职责 ");
        problem = await ProblemAsync(db, id);
        Assert.Equal(ProblemState.InProgress, problem.State);
        Assert.Equal("市政道路管网建设属住建部门职责", problem.ReturnRequest);
        await using (var ctx = db.CreateDbContext())
        {
            var reminder = await ctx.Reminders.AsNoTracking().SingleAsync(r => r.Role == AppRoles.Office && r.Link == $"/exchanges/problems/{id}");
            Assert.Null(reminder.UnitId);
            Assert.Equal($"问题申请退回待重新交办：{enterprise}", reminder.Title);
        }

        // 重新交办 to 市住房和城乡建设局, 3 working days: → Thu 06-08.
        AsOffice(db);
        Assert.Equal("请选择其他责任单位", (await Assert.ThrowsAsync<DomainException>(() => problems.ReassignAsync(id, natural, 5))).Message);
        await problems.ReassignAsync(id, housing, 3);
        problem = await ProblemAsync(db, id);
        Assert.Equal(ProblemState.Assigned, problem.State);
        Assert.Equal(housing, problem.UnitId);
        Assert.Equal(3, problem.LimitDays);
        Assert.Equal(cal.AddWorkingDays(new DateOnly(2023, 6, 5), 3), problem.Deadline);
        Assert.Equal(new DateOnly(2023, 6, 8), problem.Deadline);
        Assert.Null(problem.ReturnRequest);
        await using (var ctx = db.CreateDbContext())
            Assert.Equal($"新交办问题：{enterprise}（基础设施）", (await ctx.Reminders.AsNoTracking().SingleAsync(r => r.UnitId == housing)).Title);

        // The first unit has handed it over: it can no longer act on it or see it.
        AsLiaison(db, natural, Natural);
        Assert.Equal(NotResponsible, (await Assert.ThrowsAsync<DomainException>(() => problems.ResolveAsync(id, "已办结"))).Message);
        Assert.Equal("无权访问：问题不存在或不属于本单位", (await Assert.ThrowsAsync<DomainException>(() => problems.DetailAsync(id))).Message);

        // 办结 by the new unit, with an answer.
        AsLiaison(db, housing, Housing, HousingLiaison);
        Assert.Equal("办结须填写办理结果", (await Assert.ThrowsAsync<DomainException>(() => problems.ResolveAsync(id, " "))).Message);
        Assert.Equal(ProblemState.Assigned, (await ProblemAsync(db, id)).State);
        const string answer = "已纳入2023年市政管网改造计划，7月开工";
        await problems.ResolveAsync(id, $" {answer} ");
        problem = await ProblemAsync(db, id);
        Assert.Equal(ProblemState.Resolved, problem.State);
        Assert.Equal(answer, problem.Answer);
        Assert.Equal(new DateOnly(2023, 6, 5), problem.ResolvedOn);
        Assert.Equal("问题已办结", (await Assert.ThrowsAsync<DomainException>(() => problems.ResolveAsync(id, answer))).Message);
        Assert.Equal("问题已办结", (await Assert.ThrowsAsync<DomainException>(() => problems.FeedbackAsync(id, "补充说明"))).Message);

        // 销号 only after the callback.
        AsOffice(db);
        Assert.Equal("问题尚未回访，不能销号", (await Assert.ThrowsAsync<DomainException>(() => problems.CloseAsync(id))).Message);

        // 回访: a bad rating without a reason (or dated tomorrow, or without a rating) is refused and changes nothing.
        var call = new CallbackInput { ProblemId = id, Person = $"{enterprise} 刘女士", Phone = " 13807460000 ", CalledOn = new DateOnly(2023, 6, 5), Rating = Rating.Dissatisfied };
        Assert.Equal("“不满意”须填写差评原因", (await Assert.ThrowsAsync<DomainException>(() => callbacks.RecordAsync(call))).Message);
        call.BadReason = "   ";
        Assert.Equal("“不满意”须填写差评原因", (await Assert.ThrowsAsync<DomainException>(() => callbacks.RecordAsync(call))).Message);
        call.BadReason = "开工时间未明确";
        call.CalledOn = new DateOnly(2023, 6, 6);
        Assert.Equal("回访日期不能晚于今天", (await Assert.ThrowsAsync<DomainException>(() => callbacks.RecordAsync(call))).Message);
        call.CalledOn = new DateOnly(2023, 6, 5);
        call.Rating = null;
        Assert.Equal("请选择评价等级", (await Assert.ThrowsAsync<DomainException>(() => callbacks.RecordAsync(call))).Message);
        call.Rating = Rating.Dissatisfied;
        await using (var ctx = db.CreateDbContext())
        {
            Assert.Equal(0, await ctx.Callbacks.CountAsync());
            Assert.Equal(0, await ctx.Rectifications.CountAsync());
        }
        Assert.Equal(ProblemState.Resolved, (await ProblemAsync(db, id)).State);

        // With the reason it records: the problem is called back and a rectification opens for 市住房和城乡建设局.
        var callbackId = await callbacks.RecordAsync(call);
        Assert.Equal(ProblemState.CalledBack, (await ProblemAsync(db, id)).State);
        var rectDeadline = cal.AddWorkingDays(new DateOnly(2023, 6, 5), 10);
        Assert.Equal(new DateOnly(2023, 6, 19), rectDeadline);
        Rectification rect;
        await using (var ctx = db.CreateDbContext())
        {
            var callback = await ctx.Callbacks.AsNoTracking().SingleAsync(c => c.Id == callbackId);
            Assert.Equal(id, callback.ProblemId);
            Assert.Equal(housing, callback.UnitId);
            Assert.Equal($"问题回访：{description}", callback.Subject);
            Assert.Equal($"{enterprise} 刘女士", callback.Person);
            Assert.Equal("13807460000", callback.Phone);
            Assert.Equal(Office, callback.CalledBy);
            Assert.Equal(Rating.Dissatisfied, callback.Rating);
            Assert.Equal("开工时间未明确", callback.BadReason);
            Assert.Null(callback.RectificationId);
            rect = await ctx.Rectifications.AsNoTracking().SingleAsync();
            Assert.Equal(callbackId, rect.CallbackId);
            Assert.Equal(housing, rect.UnitId);
            Assert.Equal(rectDeadline, rect.Deadline);
            Assert.Equal(RectificationState.Open, rect.State);
            var reminder = await ctx.Reminders.AsNoTracking().SingleAsync(r => r.DedupKey == $"rectification-{callbackId}");
            Assert.Equal(housing, reminder.UnitId);
            Assert.Null(reminder.Role);
            Assert.Equal($"差评整改（2023-06-19 前）：问题回访：{description}", reminder.Title);
            Assert.Equal("/callbacks", reminder.Link);
        }
        Assert.Equal("问题办结后、销号前才能回访", (await Assert.ThrowsAsync<DomainException>(() => callbacks.RecordAsync(call))).Message);

        // Re-rating waits for the rectification.
        var reRate = new CallbackInput { RectificationId = rect.Id, Person = $"{enterprise} 刘女士", CalledOn = new DateOnly(2023, 6, 5), Rating = Rating.Satisfied };
        Assert.Equal("整改完成后才能再次评价", (await Assert.ThrowsAsync<DomainException>(() => callbacks.RecordAsync(reRate))).Message);

        // 整改 by the responsible unit only.
        Assert.Equal("只有责任单位的联络员可以提交整改结果", (await Assert.ThrowsAsync<DomainException>(() => callbacks.CompleteRectificationAsync(rect.Id, "已整改"))).Message);
        AsLiaison(db, natural, Natural);
        Assert.Equal("只有责任单位的联络员可以提交整改结果", (await Assert.ThrowsAsync<DomainException>(() => callbacks.CompleteRectificationAsync(rect.Id, "已整改"))).Message);
        AsLiaison(db, housing, Housing, HousingLiaison);
        var mine = Assert.Single(await callbacks.RectificationsAsync(true));
        Assert.Equal(rect.Id, mine.Id);
        Assert.Equal("开工时间未明确", mine.BadReason);
        Assert.False(mine.ReRated);
        Assert.Equal("请填写整改情况", (await Assert.ThrowsAsync<DomainException>(() => callbacks.CompleteRectificationAsync(rect.Id, " "))).Message);
        await callbacks.CompleteRectificationAsync(rect.Id, " 已明确7月10日开工并书面告知企业 ");
        Assert.Equal("整改已完成", (await Assert.ThrowsAsync<DomainException>(() => callbacks.CompleteRectificationAsync(rect.Id, "再次提交"))).Message);
        await using (var ctx = db.CreateDbContext())
        {
            var done = await ctx.Rectifications.AsNoTracking().SingleAsync(r => r.Id == rect.Id);
            Assert.Equal(RectificationState.Done, done.State);
            Assert.Equal("已明确7月10日开工并书面告知企业", done.Answer);
            Assert.Equal(new DateOnly(2023, 6, 5), done.DoneOn);
            var reminder = await ctx.Reminders.AsNoTracking().SingleAsync(r => r.DedupKey == $"rectification-done-{rect.Id}");
            Assert.Equal(AppRoles.Office, reminder.Role);
            Assert.Null(reminder.UnitId);
        }
        Assert.Empty(await callbacks.RectificationsAsync(true));

        // 再次评价 by the office, once.
        AsOffice(db);
        var reRatingId = await callbacks.RecordAsync(reRate);
        Assert.Equal("该整改已再次评价", (await Assert.ThrowsAsync<DomainException>(() => callbacks.RecordAsync(reRate))).Message);
        await using (var ctx = db.CreateDbContext())
        {
            var second = await ctx.Callbacks.AsNoTracking().SingleAsync(c => c.Id == reRatingId);
            Assert.Equal(rect.Id, second.RectificationId);
            Assert.Null(second.ProblemId);
            Assert.Equal(housing, second.UnitId);
            Assert.Equal($"整改再评价：问题回访：{description}", second.Subject);
            Assert.Equal(Rating.Satisfied, second.Rating);
            Assert.Null(second.BadReason);
            Assert.Equal(2, await ctx.Callbacks.CountAsync());
            Assert.Equal(1, await ctx.Rectifications.CountAsync());
        }
        var (listed, _) = await callbacks.ListAsync(null, null, 0, 10);
        Assert.Equal(new[] { reRatingId, callbackId }, listed.Select(c => c.Id));
        Assert.True(listed[0].IsReRating);
        Assert.Null(listed[0].Rectification);
        Assert.False(listed[1].IsReRating);
        Assert.Equal(RectificationState.Done, listed[1].Rectification);
        Assert.Equal(Housing, listed[1].Unit);
        Assert.True(Assert.Single(await callbacks.RectificationsAsync(false)).ReRated);

        // 销号 by the office only.
        AsLiaison(db, housing, Housing, HousingLiaison);
        Assert.Equal(DomainException.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => problems.CloseAsync(id))).Message);
        AsOffice(db);
        await problems.CloseAsync(id);
        Assert.Equal(ProblemState.Closed, (await ProblemAsync(db, id)).State);
        Assert.Equal("该问题已销号", (await Assert.ThrowsAsync<DomainException>(() => problems.CloseAsync(id))).Message);
        Assert.Equal("该问题已销号", (await Assert.ThrowsAsync<DomainException>(() => problems.ReassignAsync(id, natural, 5))).Message);

        // The timeline, in order, with who did what.
        await using (var ctx = db.CreateDbContext())
        {
            var timeline = await ctx.ProblemSteps.AsNoTracking().Where(s => s.ProblemId == id).OrderBy(s => s.Id).ToListAsync();
            Assert.Equal(new[]
            {
                ProblemStepKind.Registered, ProblemStepKind.Assigned, ProblemStepKind.Feedback, ProblemStepKind.ReturnRequested,
                ProblemStepKind.Reassigned, ProblemStepKind.Resolved, ProblemStepKind.CalledBack, ProblemStepKind.Closed,
            }, timeline.Select(s => s.Kind));
            Assert.Equal(new[] { Office, Office, Liaison, Liaison, Office, HousingLiaison, Office, Office }, timeline.Select(s => s.By));
            Assert.All(timeline, s => Assert.Equal(At(2023, 6, 5).UtcDateTime, s.At));
            Assert.Equal($"{enterprise}：{description}", timeline[0].Text);
            Assert.Equal($"分类交办至{Natural}，5 个工作日内（2023-06-12 前）办结", timeline[1].Text);
            Assert.Equal("已现场踏勘，道路红线内无规划管网", timeline[2].Text);
            Assert.Equal("申请退回：市政道路管网建设属住建部门职责", timeline[3].Text);
            Assert.Equal($"重新交办至{Housing}，3 个工作日内（2023-06-08 前）办结", timeline[4].Text);
            Assert.Equal($"办结：{answer}", timeline[5].Text);
            Assert.Equal($"回访{enterprise} 刘女士：不满意（开工时间未明确）", timeline[6].Text);
            Assert.Equal("回访完成，予以销号", timeline[7].Text);
        }

        // The detail lists the timeline newest first; the event counts its problem as solved.
        var (closed, steps) = await problems.DetailAsync(id);
        Assert.Equal(ProblemState.Closed, closed.State);
        Assert.Equal(Housing, closed.Unit!.Name);
        Assert.Equal(ProblemStepKind.Closed, steps[0].Kind);
        Assert.Equal(ProblemStepKind.Registered, steps[^1].Kind);
        var row = Assert.Single(await db.Get<ExchangeService>().EventsAsync(2023));
        Assert.Equal(1, row.Problems);
        Assert.Equal(1, row.Solved);
        var stats = await problems.StatsAsync(new ProblemQuery());
        Assert.Equal(new ProblemStats(1, 1, 1, 0, 0m), stats);
        // The bad rating and its re-rating both count in the month's satisfaction.
        var june = (await callbacks.SatisfactionAsync(2023, 6))[0];
        Assert.Equal(2, june.Total);
        Assert.Equal(1, june.Satisfied);
        Assert.Equal(0.5m, june.Rate);
    }

    // ---- d. The escalation job -------------------------------------------------------------------

    [DbFact]
    public async Task The_morning_job_escalates_an_overdue_problem_to_the_leader_and_then_to_the_office_head_once()
    {
        await using var db = await Seeds.SeededAsync();
        db.Clock.Now = At(2023, 6, 15);
        var natural = await UnitIdAsync(db, Natural);
        var housing = await UnitIdAsync(db, Housing);
        var problems = db.Get<ProblemService>();
        AsOffice(db);
        const string overdueText = "标准厂房不动产权证办理滞后";
        var overdue = await problems.RegisterAsync(Input(overdueText));
        var registered = await problems.RegisterAsync(Input("园区路灯不亮"));
        var resolved = await problems.RegisterAsync(Input("用地指标不足"));
        var notDue = await problems.RegisterAsync(Input("厂区供水压力不足"));
        // Thu 06-15 + 3 working days → Tue 06-20; + 10 over the Dragon Boat holiday (06-25 is worked) → Fri 06-30.
        await problems.AssignAsync(overdue, natural, 3);
        await problems.AssignAsync(resolved, natural, 3);
        await problems.AssignAsync(notDue, housing, 10);
        Assert.Equal(new DateOnly(2023, 6, 20), (await ProblemAsync(db, overdue)).Deadline);
        var round = $"{overdue}-{natural}-20230620";  // reminders are keyed per assignment (unit and deadline)
        Assert.Equal(new DateOnly(2023, 6, 30), (await ProblemAsync(db, notDue)).Deadline);
        AsLiaison(db, natural, Natural);
        await problems.FeedbackAsync(overdue, "已与不动产登记中心对接");
        await problems.ResolveAsync(resolved, "已调剂用地指标");
        AsOffice(db);

        var job = db.Get<ProblemEscalationJob>();
        var before = await ReminderKeysAsync(db);

        // Tue 06-20, the deadline day: nothing.
        db.Clock.Now = At(2023, 6, 20, 7, 0);
        Assert.Equal("在办问题 2 个，本次升级 0 个", await job.RunAsync());
        Assert.Equal(0, (await ProblemAsync(db, overdue)).EscalationLevel);
        Assert.Equal(before.Count, (await ReminderKeysAsync(db)).Count);

        // Wed 06-21, one working day late: the leader in charge.
        db.Clock.Now = At(2023, 6, 21, 7, 0);
        Assert.Equal("在办问题 2 个，本次升级 1 个", await job.RunAsync());
        Assert.Equal(1, (await ProblemAsync(db, overdue)).EscalationLevel);
        Assert.Equal(0, (await ProblemAsync(db, notDue)).EscalationLevel);
        Assert.Equal(0, (await ProblemAsync(db, resolved)).EscalationLevel);
        Assert.Equal(0, (await ProblemAsync(db, registered)).EscalationLevel);
        await using (var ctx = db.CreateDbContext())
        {
            var added = (await ctx.Reminders.AsNoTracking().ToListAsync()).Where(r => !before.Contains(r.DedupKey ?? "")).ToDictionary(r => r.DedupKey ?? "");
            Assert.Equal(new[] { $"problem-escalated-{round}-1", $"problem-escalated-unit-{round}-1" }.Order(StringComparer.Ordinal), added.Keys.Order(StringComparer.Ordinal));
            var toLeader = added[$"problem-escalated-{round}-1"];
            Assert.Equal(AppRoles.Leader, toLeader.Role);
            Assert.Null(toLeader.UnitId);
            Assert.Equal($"问题逾期，请分管领导督办：{Natural}“{overdueText}”", toLeader.Title);
            Assert.Equal($"/exchanges/problems/{overdue}", toLeader.Link);
            Assert.Equal(At(2023, 6, 21, 7, 0).UtcDateTime, toLeader.CreatedAt);
            var toUnit = added[$"problem-escalated-unit-{round}-1"];
            Assert.Equal(natural, toUnit.UnitId);
            Assert.Null(toUnit.Role);
            Assert.Equal($"问题已逾期并升级督办：{overdueText}", toUnit.Title);
            var step = await ctx.ProblemSteps.AsNoTracking().Where(s => s.ProblemId == overdue).OrderByDescending(s => s.Id).FirstAsync();
            Assert.Equal(ProblemStepKind.Escalated, step.Kind);
            Assert.Equal("系统", step.By);
            Assert.Equal("逾期未办结（期限 2023-06-20），升级至分管领导督办", step.Text);
            Assert.Equal(At(2023, 6, 21, 7, 0).UtcDateTime, step.At);
        }

        // Again the same day: nothing changes.
        var afterFirst = await ReminderKeysAsync(db);
        var stepsAfterFirst = await StepCountAsync(db, overdue);
        db.Clock.Now = At(2023, 6, 21, 11, 0);
        Assert.Equal("在办问题 2 个，本次升级 0 个", await job.RunAsync());
        Assert.Equal(afterFirst.Count, (await ReminderKeysAsync(db)).Count);
        Assert.Equal(stepsAfterFirst, await StepCountAsync(db, overdue));

        // Mon 06-26 is the third working day late (06-21, the makeup Sunday 06-25, 06-26): still the leader.
        db.Clock.Now = At(2023, 6, 26, 7, 0);
        Assert.Equal("在办问题 2 个，本次升级 0 个", await job.RunAsync());
        Assert.Equal(1, (await ProblemAsync(db, overdue)).EscalationLevel);

        // Tue 06-27, the fourth: the office's head.
        db.Clock.Now = At(2023, 6, 27, 7, 0);
        Assert.Equal("在办问题 2 个，本次升级 1 个", await job.RunAsync());
        Assert.Equal(2, (await ProblemAsync(db, overdue)).EscalationLevel);
        Assert.Equal(0, (await ProblemAsync(db, notDue)).EscalationLevel);
        await using (var ctx = db.CreateDbContext())
        {
            var added = (await ctx.Reminders.AsNoTracking().ToListAsync()).Where(r => !afterFirst.Contains(r.DedupKey ?? "")).ToDictionary(r => r.DedupKey ?? "");
            Assert.Equal(new[] { $"problem-escalated-{round}-2", $"problem-escalated-unit-{round}-2" }.Order(StringComparer.Ordinal), added.Keys.Order(StringComparer.Ordinal));
            var toOffice = added[$"problem-escalated-{round}-2"];
            Assert.Equal(AppRoles.Office, toOffice.Role);
            Assert.Null(toOffice.UnitId);
            Assert.Equal($"问题严重逾期，请专班负责人督办：{Natural}“{overdueText}”", toOffice.Title);
            Assert.Equal(natural, added[$"problem-escalated-unit-{round}-2"].UnitId);
            var escalations = await ctx.ProblemSteps.AsNoTracking().Where(s => s.ProblemId == overdue && s.Kind == ProblemStepKind.Escalated).OrderBy(s => s.Id).ToListAsync();
            Assert.Equal(2, escalations.Count);
            Assert.Equal("逾期未办结（期限 2023-06-20），升级至专班负责人督办", escalations[1].Text);
            Assert.Equal(At(2023, 6, 27, 7, 0).UtcDateTime, escalations[1].At);
            var kinds = await ctx.ProblemSteps.AsNoTracking().Where(s => s.ProblemId == overdue).OrderBy(s => s.Id).Select(s => s.Kind).ToListAsync();
            Assert.Equal(new[] { ProblemStepKind.Registered, ProblemStepKind.Assigned, ProblemStepKind.Feedback, ProblemStepKind.Escalated, ProblemStepKind.Escalated }, kinds);
        }
        var afterSecond = await ReminderKeysAsync(db);
        db.Clock.Now = At(2023, 6, 27, 11, 0);
        Assert.Equal("在办问题 2 个，本次升级 0 个", await job.RunAsync());
        Assert.Equal(2, (await ProblemAsync(db, overdue)).EscalationLevel);
        Assert.Equal(afterSecond.Count, (await ReminderKeysAsync(db)).Count);

        // Reassigning starts over: level 0, a new deadline (Tue 06-27 + 5 → Tue 07-04), and the job leaves it there.
        await problems.ReassignAsync(overdue, housing, 5);
        var reassigned = await ProblemAsync(db, overdue);
        Assert.Equal(0, reassigned.EscalationLevel);
        Assert.Equal(new DateOnly(2023, 7, 4), reassigned.Deadline);
        db.Clock.Now = At(2023, 6, 27, 12, 0);
        Assert.Equal("在办问题 2 个，本次升级 0 个", await job.RunAsync());
        Assert.Equal(0, (await ProblemAsync(db, overdue)).EscalationLevel);

        await using (var ctx = db.CreateDbContext())
        {
            var runs = await ctx.JobRuns.AsNoTracking().Where(r => r.JobName == ProblemEscalationJob.Id).OrderBy(r => r.Id).ToListAsync();
            Assert.Equal(new[] { "2023-06-20", "2023-06-21", "2023-06-21", "2023-06-26", "2023-06-27", "2023-06-27", "2023-06-27" }, runs.Select(r => r.Argument));
            Assert.Equal(new[] { 0, 1, 0, 0, 1, 0, 0 }.Select(n => $"在办问题 2 个，本次升级 {n} 个"), runs.Select(r => r.Message));
            Assert.All(runs, r => Assert.True(r.Succeeded));
            Assert.All(runs, r => Assert.NotNull(r.EndedAt));
            Assert.Equal(At(2023, 6, 20, 7, 0).UtcDateTime, runs[0].StartedAt);
        }
    }

    // ---- e. The evaluation reads the satisfaction -------------------------------------------------

    [DbFact]
    public async Task The_evaluation_scores_the_satisfaction_indicator_from_the_months_callbacks()
    {
        await using var db = await Seeds.SeededAsync(new ExchangeSeed(Seeds.Config()));
        AsOffice(db);
        var evaluation = db.Get<EvaluationService>();
        var scores = db.Get<ScoreService>();
        var transport = await UnitIdAsync(db, Transport);
        var humanResources = await UnitIdAsync(db, HumanResources);
        var natural = await UnitIdAsync(db, Natural);
        var commerce = await UnitIdAsync(db, Commerce);

        await evaluation.CreateSchemeAsync(2023);
        const string name = "企业回访满意度";
        await evaluation.SaveIndicatorAsync(2023, new Indicator { Name = name, Kind = IndicatorKind.Base, Source = ScoreSource.Satisfaction, MaxPoints = 10 });
        var bonus = await Assert.ThrowsAsync<DomainException>(() => evaluation.SaveIndicatorAsync(2023,
            new Indicator { Name = "满意度加分", Kind = IndicatorKind.Bonus, Source = ScoreSource.Satisfaction, MaxPoints = 5 }));
        Assert.Equal("“满意度加分”：回访满意度只能用于基础指标", bonus.Message);
        var march = await evaluation.CreatePeriodAsync(2023, 3);

        // The month's callbacks per unit, counted directly.
        Dictionary<int, (int Satisfied, int Total)> counted;
        await using (var ctx = db.CreateDbContext())
        {
            var from = new DateOnly(2023, 3, 1);
            var to = new DateOnly(2023, 3, 31);
            counted = (await ctx.Callbacks.AsNoTracking().Where(c => c.CalledOn >= from && c.CalledOn <= to).Select(c => new { c.UnitId, c.Rating }).ToListAsync())
                .GroupBy(c => c.UnitId).ToDictionary(g => g.Key, g => (g.Count(c => c.Rating >= Rating.Basic), g.Count()));
        }
        Assert.Equal(258, counted.Values.Sum(c => c.Total));
        Assert.Equal(256, counted.Values.Sum(c => c.Satisfied));
        Assert.Contains(natural, counted.Keys);
        Assert.DoesNotContain(commerce, counted.Keys);

        var sheet = await scores.SheetAsync(march);
        var indicator = Assert.Single(sheet.Indicators);
        Assert.Equal(name, indicator.Name);
        Assert.Equal(ScoreSource.Satisfaction, indicator.Source);
        Assert.Equal(10m, indicator.MaxPoints);
        Assert.Equal(43, sheet.Units.Count);
        Assert.Equal(43, sheet.Cells.Count);
        Assert.All(sheet.Units, u =>
        {
            var cell = sheet.Cells[(u.Id, indicator.Id)];
            var expected = counted.TryGetValue(u.Id, out var c) ? Math.Round(10m * c.Satisfied / c.Total, 2) : 10m;
            Assert.Equal(expected, cell.Points);
            Assert.True(cell.IsDerived);
        });
        // The seed fixes these: 市交通运输局 16 of 17, 市人力资源和社会保障局 15 of 16, 市自然资源局 all, 市商务局 nobody called.
        Assert.Equal((16, 17), counted[transport]);
        Assert.Equal(9.41m, sheet.Cells[(transport, indicator.Id)].Points);
        Assert.Equal((15, 16), counted[humanResources]);
        Assert.Equal(9.38m, sheet.Cells[(humanResources, indicator.Id)].Points);
        Assert.Equal(10m, sheet.Cells[(natural, indicator.Id)].Points);
        Assert.Equal(10m, sheet.Cells[(commerce, indicator.Id)].Points);
        Assert.Equal(9.41m, sheet.TotalOf(transport).Total);
        Assert.Equal(2, sheet.Cells.Values.Count(c => c.Points < 10m));

        // It cannot be entered by hand.
        var entered = await Assert.ThrowsAsync<DomainException>(() => scores.SaveAsync(march, [new ScoreInput(transport, indicator.Id, 10m, 0)]));
        Assert.Equal($"{Transport}的“{name}”由回访满意度自动计算，不能手工录入", entered.Message);

        // Review writes the points into the sheet.
        await evaluation.TransitionAsync(march, PeriodAction.Review, (await evaluation.PeriodAsync(march)).Version);
        await using (var ctx = db.CreateDbContext())
        {
            var stored = await ctx.Scores.AsNoTracking().Where(s => s.PeriodId == march).ToListAsync();
            Assert.Equal(43, stored.Count);
            Assert.All(stored, s => Assert.True(s.IsDerived));
            Assert.Equal(9.41m, stored.Single(s => s.UnitId == transport).Points);
            Assert.Equal(9.38m, stored.Single(s => s.UnitId == humanResources).Points);
            Assert.Equal(10m, stored.Single(s => s.UnitId == commerce).Points);
        }

        // A month without callbacks gives everyone full points.
        var june = await evaluation.CreatePeriodAsync(2023, 6);
        var juneSheet = await scores.SheetAsync(june);
        Assert.Equal(43, juneSheet.Cells.Count);
        Assert.All(juneSheet.Cells.Values, c => Assert.Equal(10m, c.Points));
    }

    // ---- Helpers -------------------------------------------------------------------------------

    private static ProblemInput Input(string description) => new()
    {
        EnterpriseName = "祁阳住信电气有限公司", Description = description, Category = "用地",
    };

    private static void AsOffice(TestDb db) => db.SignIn(Office, AppRoles.Office);

    private static void AsLiaison(TestDb db, int unitId, string unitName, string userName = Liaison) => db.SignIn(userName, AppRoles.Unit, unitId, unitName);

    private static DateTimeOffset At(int year, int month, int day, int hour = 9, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    private static async Task<int> UnitIdAsync(TestDb db, string name)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }

    private static async Task<Problem> ProblemAsync(TestDb db, int id)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Problems.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    private static async Task<int> StepCountAsync(TestDb db, int id)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.ProblemSteps.CountAsync(s => s.ProblemId == id);
    }

    private static async Task<HashSet<string>> ReminderKeysAsync(TestDb db)
    {
        await using var ctx = db.CreateDbContext();
        return (await ctx.Reminders.AsNoTracking().Select(r => r.DedupKey ?? "").ToListAsync()).ToHashSet();
    }
}
