using System.Globalization;
using System.Text.Json;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Features.Exchanges;
using QiyangConsole.Features.Exchanges.Rules;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Unit.Exchanges;

/// <summary>
/// 问题清单 登记 → 分类交办 → 办理中 → 已办结 → 已回访 → 已销号: every (state, action) pair;
/// 逐级管理 on the official calendar (seeds/system/calendar.json); 好差评 levels and the satisfaction rate.
/// </summary>
public sealed class ExchangeRulesTests
{
    private const string IsClosed = "该问题已销号";
    private const string NotAssigned = "问题尚未分类交办";
    private const string AlreadyAssigned = "问题已交办";
    private const string AlreadySolved = "问题已办结";
    private const string NotSolved = "问题尚未办结，不能回访或销号";

    private static readonly Lazy<WorkCalendar> Official = new(LoadFromSeed);

    // ---- The state machine ---------------------------------------------------------------------

    [Theory]
    // 登记: only 分类交办
    [InlineData(ProblemState.Registered, ProblemAction.Assign, ProblemState.Assigned, null)]
    [InlineData(ProblemState.Registered, ProblemAction.Feedback, null, NotAssigned)]
    [InlineData(ProblemState.Registered, ProblemAction.RequestReturn, null, NotAssigned)]
    [InlineData(ProblemState.Registered, ProblemAction.Reassign, null, NotAssigned)]
    [InlineData(ProblemState.Registered, ProblemAction.Resolve, null, NotAssigned)]
    [InlineData(ProblemState.Registered, ProblemAction.CallBack, null, NotAssigned)]
    [InlineData(ProblemState.Registered, ProblemAction.Close, null, NotAssigned)]
    // 分类交办: feedback starts the work; a hand-back request keeps the state; the office may reassign; the unit may resolve at once
    [InlineData(ProblemState.Assigned, ProblemAction.Assign, null, AlreadyAssigned)]
    [InlineData(ProblemState.Assigned, ProblemAction.Feedback, ProblemState.InProgress, null)]
    [InlineData(ProblemState.Assigned, ProblemAction.RequestReturn, ProblemState.Assigned, null)]
    [InlineData(ProblemState.Assigned, ProblemAction.Reassign, ProblemState.Assigned, null)]
    [InlineData(ProblemState.Assigned, ProblemAction.Resolve, ProblemState.Resolved, null)]
    [InlineData(ProblemState.Assigned, ProblemAction.CallBack, null, NotSolved)]
    [InlineData(ProblemState.Assigned, ProblemAction.Close, null, NotSolved)]
    // 办理中
    [InlineData(ProblemState.InProgress, ProblemAction.Assign, null, AlreadyAssigned)]
    [InlineData(ProblemState.InProgress, ProblemAction.Feedback, ProblemState.InProgress, null)]
    [InlineData(ProblemState.InProgress, ProblemAction.RequestReturn, ProblemState.InProgress, null)]
    [InlineData(ProblemState.InProgress, ProblemAction.Reassign, ProblemState.Assigned, null)]
    [InlineData(ProblemState.InProgress, ProblemAction.Resolve, ProblemState.Resolved, null)]
    [InlineData(ProblemState.InProgress, ProblemAction.CallBack, null, NotSolved)]
    [InlineData(ProblemState.InProgress, ProblemAction.Close, null, NotSolved)]
    // 已办结: only 回访. Closing before the callback answers "already solved" (the (Resolved or CalledBack, _) arm).
    [InlineData(ProblemState.Resolved, ProblemAction.Assign, null, AlreadyAssigned)]
    [InlineData(ProblemState.Resolved, ProblemAction.Feedback, null, AlreadySolved)]
    [InlineData(ProblemState.Resolved, ProblemAction.RequestReturn, null, AlreadySolved)]
    [InlineData(ProblemState.Resolved, ProblemAction.Reassign, null, AlreadySolved)]
    [InlineData(ProblemState.Resolved, ProblemAction.Resolve, null, AlreadySolved)]
    [InlineData(ProblemState.Resolved, ProblemAction.CallBack, ProblemState.CalledBack, null)]
    [InlineData(ProblemState.Resolved, ProblemAction.Close, null, "问题尚未回访，不能销号")]
    // 已回访: only 销号
    [InlineData(ProblemState.CalledBack, ProblemAction.Assign, null, AlreadyAssigned)]
    [InlineData(ProblemState.CalledBack, ProblemAction.Feedback, null, AlreadySolved)]
    [InlineData(ProblemState.CalledBack, ProblemAction.RequestReturn, null, AlreadySolved)]
    [InlineData(ProblemState.CalledBack, ProblemAction.Reassign, null, AlreadySolved)]
    [InlineData(ProblemState.CalledBack, ProblemAction.Resolve, null, AlreadySolved)]
    [InlineData(ProblemState.CalledBack, ProblemAction.CallBack, null, AlreadySolved)]
    [InlineData(ProblemState.CalledBack, ProblemAction.Close, ProblemState.Closed, null)]
    // 已销号: final
    [InlineData(ProblemState.Closed, ProblemAction.Assign, null, IsClosed)]
    [InlineData(ProblemState.Closed, ProblemAction.Feedback, null, IsClosed)]
    [InlineData(ProblemState.Closed, ProblemAction.RequestReturn, null, IsClosed)]
    [InlineData(ProblemState.Closed, ProblemAction.Reassign, null, IsClosed)]
    [InlineData(ProblemState.Closed, ProblemAction.Resolve, null, IsClosed)]
    [InlineData(ProblemState.Closed, ProblemAction.CallBack, null, IsClosed)]
    [InlineData(ProblemState.Closed, ProblemAction.Close, null, IsClosed)]
    public void Apply(ProblemState state, ProblemAction action, ProblemState? expectedNext, string? expectedError)
    {
        var (next, error) = ProblemStates.Apply(state, action);

        Assert.Equal(expectedNext, next);
        Assert.Equal(expectedError, error);
    }

    [Fact]
    public void Every_pair_gives_either_a_next_state_or_an_error_and_the_table_above_covers_them_all()
    {
        var pairs = 0;
        foreach (var state in Enum.GetValues<ProblemState>())
        foreach (var action in Enum.GetValues<ProblemAction>())
        {
            var (next, error) = ProblemStates.Apply(state, action);
            Assert.True((next is null) != (error is null), $"{state} + {action}");
            pairs++;
        }
        Assert.Equal(42, pairs);
    }

    [Fact]
    public void Closed_is_final_and_only_a_callback_leads_to_it()
    {
        foreach (var action in Enum.GetValues<ProblemAction>())
            Assert.Null(ProblemStates.Apply(ProblemState.Closed, action).Next);
        var intoClosed = Enum.GetValues<ProblemState>().SelectMany(s => Enum.GetValues<ProblemAction>().Select(a => (s, a)))
            .Where(p => ProblemStates.Apply(p.s, p.a).Next == ProblemState.Closed).ToList();
        var only = Assert.Single(intoClosed);
        Assert.Equal(ProblemState.CalledBack, only.s);
        Assert.Equal(ProblemAction.Close, only.a);
    }

    [Theory]
    [InlineData(ProblemAction.Assign, true)]
    [InlineData(ProblemAction.Feedback, false)]
    [InlineData(ProblemAction.RequestReturn, false)]
    [InlineData(ProblemAction.Reassign, true)]
    [InlineData(ProblemAction.Resolve, false)]
    [InlineData(ProblemAction.CallBack, true)]
    [InlineData(ProblemAction.Close, true)]
    public void ByOffice_tells_the_office_actions_from_the_responsible_units(ProblemAction action, bool byOffice) =>
        Assert.Equal(byOffice, ProblemStates.ByOffice(action));

    [Theory]
    [InlineData(ProblemState.Registered, "登记", false)]
    [InlineData(ProblemState.Assigned, "分类交办", false)]
    [InlineData(ProblemState.InProgress, "办理中", false)]
    [InlineData(ProblemState.Resolved, "已办结", true)]
    [InlineData(ProblemState.CalledBack, "已回访", true)]
    [InlineData(ProblemState.Closed, "已销号", true)]
    public void State_name_and_whether_it_is_solved(ProblemState state, string name, bool solved)
    {
        Assert.Equal(name, state.Name());
        Assert.Equal(solved, ProblemStates.IsSolved(state));
    }

    [Theory]
    [InlineData(null, "其他")]
    [InlineData("", "其他")]
    [InlineData("   ", "其他")]
    [InlineData("用地", "用地")]
    public void A_missing_category_is_other(string? category, string expected) =>
        Assert.Equal(expected, ProblemStates.CategoryOrDefault(category));

    // ---- 逐级管理 on the official calendar --------------------------------------------------------

    [Theory]
    // not overdue: stays where it is
    [InlineData("2023-06-05", "2023-06-12", 0, 0)]
    [InlineData("2023-06-12", "2023-06-12", 0, 0)]  // the deadline day itself
    [InlineData("2023-06-12", "2023-06-12", 1, 1)]  // a level reached earlier is kept (the job never lowers it)
    // overdue in plain weeks: Mon 06-12 deadline
    [InlineData("2023-06-13", "2023-06-12", 0, 1)]  // 1 working day late
    [InlineData("2023-06-15", "2023-06-12", 0, 1)]  // 3 late: still the leader in charge
    [InlineData("2023-06-16", "2023-06-12", 0, 2)]  // 4 late: the office's head
    [InlineData("2023-06-16", "2023-06-12", 1, 2)]
    [InlineData("2023-07-31", "2023-06-12", 0, 2)]  // long overdue
    // never goes down
    [InlineData("2023-06-13", "2023-06-12", 2, 2)]
    [InlineData("2023-06-05", "2023-06-12", 2, 2)]
    // overdue from the next day, even when it is a day off (0 working days late)
    [InlineData("2023-06-10", "2023-06-09", 0, 1)]  // Sat after a Friday deadline
    // May Day 2023: Fri 04-28 deadline; 04-29..05-03 off, 05-06 (Sat) worked
    [InlineData("2023-04-29", "2023-04-28", 0, 1)]  // holiday, 0 working days late
    [InlineData("2023-05-03", "2023-04-28", 0, 1)]  // still 0
    [InlineData("2023-05-04", "2023-04-28", 0, 1)]  // 1
    [InlineData("2023-05-06", "2023-04-28", 0, 1)]  // 3: 05-04, 05-05, 05-06 (makeup)
    [InlineData("2023-05-07", "2023-04-28", 0, 1)]  // Sun: still 3
    [InlineData("2023-05-08", "2023-04-28", 0, 2)]  // 4, only because 05-06 is worked
    // Deadline on the makeup Sunday 04-23 before May Day: 04-24..04-28 are 5 working days
    [InlineData("2023-04-26", "2023-04-23", 0, 1)]  // 3: 04-24, 04-25, 04-26
    [InlineData("2023-04-27", "2023-04-23", 0, 2)]  // 4
    public void Level_on_the_official_calendar(string today, string deadline, int current, int expected) =>
        Assert.Equal(expected, Escalation.Level(D(today), D(deadline), false, current, Official.Value.CountWorkingDays));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_solved_problem_stays_where_it_is(int current)
    {
        Assert.Equal(current, Escalation.Level(D("2023-07-31"), D("2023-06-12"), true, current, Official.Value.CountWorkingDays));
        Assert.Equal(current, Escalation.Level(D("2023-05-08"), D("2023-04-28"), true, current, Official.Value.CountWorkingDays));
    }

    [Fact]
    public void Without_a_deadline_there_is_nothing_to_escalate()
    {
        Assert.Equal(0, Escalation.Level(D("2023-07-31"), null, false, 0, Official.Value.CountWorkingDays));
        Assert.Equal(1, Escalation.Level(D("2023-07-31"), null, false, 1, Official.Value.CountWorkingDays));
    }

    [Fact]
    public void The_calendar_is_consulted_only_for_an_unsolved_overdue_problem()
    {
        Func<DateOnly, DateOnly, int> refuse = (_, _) => throw new InvalidOperationException("calendar consulted");
        Assert.Equal(0, Escalation.Level(D("2023-06-05"), D("2023-06-12"), false, 0, refuse));
        Assert.Equal(0, Escalation.Level(D("2023-06-20"), D("2023-06-12"), true, 0, refuse));
        Assert.Equal(0, Escalation.Level(D("2023-06-20"), null, false, 0, refuse));
        Assert.Throws<InvalidOperationException>(() => Escalation.Level(D("2023-06-20"), D("2023-06-12"), false, 0, refuse));
    }

    [Fact]
    public void The_head_is_reached_after_more_than_three_working_days()
    {
        Assert.Equal(3, Escalation.HeadAfterWorkingDays);
        // Counted by the function given: 3 → leader in charge, 4 → office head.
        Assert.Equal(1, Escalation.Level(D("2023-06-20"), D("2023-06-12"), false, 0, (_, _) => 3));
        Assert.Equal(2, Escalation.Level(D("2023-06-20"), D("2023-06-12"), false, 0, (_, _) => 4));
        Assert.Equal(1, Escalation.Level(D("2023-06-20"), D("2023-06-12"), false, 0, (_, _) => 0));
    }

    [Theory]
    [InlineData(0, "责任单位")]
    [InlineData(1, "分管领导")]
    [InlineData(2, "专班负责人")]
    public void Level_name(int level, string name) => Assert.Equal(name, Escalation.LevelName(level));

    // ---- 好差评 --------------------------------------------------------------------------------

    [Theory]
    [InlineData(Rating.VerySatisfied, "非常满意", false)]
    [InlineData(Rating.Satisfied, "满意", false)]
    [InlineData(Rating.Basic, "基本满意", false)]
    [InlineData(Rating.Dissatisfied, "不满意", true)]
    [InlineData(Rating.VeryDissatisfied, "非常不满意", true)]
    public void Rating_name_and_the_bottom_two_are_bad(Rating rating, string name, bool bad)
    {
        Assert.Equal(name, rating.Name());
        Assert.Equal(bad, Ratings.IsBad(rating));
    }

    [Fact]
    public void Five_levels_with_scores_five_to_one()
    {
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, Enum.GetValues<Rating>().Select(r => (int)r).Order());
        Assert.Equal(2, Enum.GetValues<Rating>().Count(Ratings.IsBad));
    }

    [Theory]
    [InlineData(0, 0, null)]          // nobody called back
    [InlineData(1004, 1012, "0.9921")] // 0.992094… rounded to 4 places
    [InlineData(1012, 1012, "1")]
    [InlineData(0, 5, "0")]
    [InlineData(2, 3, "0.6667")]
    [InlineData(15, 16, "0.9375")]
    public void Rate_is_the_satisfied_share_rounded_to_four_places(int satisfied, int total, string? expected) =>
        Assert.Equal(expected is null ? null : M(expected), Ratings.Rate(satisfied, total));

    [Theory]
    [InlineData("0.9921", "99.2%")]
    [InlineData("1", "100.0%")]
    [InlineData("0", "0.0%")]
    [InlineData("0.6667", "66.7%")]
    [InlineData("0.9375", "93.8%")]
    public void Percent_shows_one_decimal(string rate, string expected) => Assert.Equal(expected, Ratings.Percent(M(rate)));

    [Fact]
    public void Percent_of_nobody_is_a_dash()
    {
        Assert.Equal("—", Ratings.Percent(null));
        Assert.Equal("—", Ratings.Percent(Ratings.Rate(0, 0)));
        Assert.Equal("99.2%", Ratings.Percent(Ratings.Rate(1004, 1012)));
    }

    // ---- Helpers -------------------------------------------------------------------------------

    private sealed record YearRow(int Year, string Source, List<string> Off, List<string> Makeup);

    /// <summary>The calendar exactly as <see cref="CalendarSeed"/> loads it from seeds/system/calendar.json.</summary>
    private static WorkCalendar LoadFromSeed()
    {
        var json = File.ReadAllText(Path.Combine(Seeds.Directory, "system", "calendar.json"));
        var rows = JsonSerializer.Deserialize<List<YearRow>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("seeds/system/calendar.json is empty");
        var exceptions = rows
            .SelectMany(r => CalendarSeed.Expand(r.Year, r.Off).Select(d => KeyValuePair.Create(d, false))
                .Concat(CalendarSeed.Expand(r.Year, r.Makeup).Select(d => KeyValuePair.Create(d, true))))
            .ToList();
        return new WorkCalendar(rows.Select(r => r.Year).ToList(), exceptions);
    }

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static decimal M(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}
