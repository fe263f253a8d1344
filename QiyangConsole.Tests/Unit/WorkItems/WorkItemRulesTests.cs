using System.Globalization;
using System.Text.Json;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Features.WorkItems;
using QiyangConsole.Features.WorkItems.Rules;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Unit.WorkItems;

/// <summary>
/// 立项 → 交办 → 承办 → 销号: every (state, action) pair; the 红黄绿灯 on the official calendar
/// (seeds/system/calendar.json); the month-end settlement (结账点评) and the points it gives.
/// </summary>
public sealed class WorkItemRulesTests
{
    private const string IsClosed = "该事项已销号";
    private const string NotAssigned = "事项尚未交办";
    private const string NotAccepted = "责任单位尚未承办";
    private const string UnderReview = "销号申请正在审核中";
    private const string AlreadyAssigned = "事项已交办";
    private const string AlreadyAccepted = "事项已承办";
    private const string NothingToReview = "没有待审核的销号申请";

    private const int YellowDays = 3;

    private static readonly Lazy<WorkCalendar> Official = new(LoadFromSeed);

    // ---- The state machine ---------------------------------------------------------------------

    [Theory]
    // 已立项: only 交办
    [InlineData(WorkItemState.Registered, WorkAction.Assign, WorkItemState.Assigned, null)]
    [InlineData(WorkItemState.Registered, WorkAction.Accept, null, NotAssigned)]
    [InlineData(WorkItemState.Registered, WorkAction.Update, null, NotAssigned)]
    [InlineData(WorkItemState.Registered, WorkAction.Urge, null, NotAssigned)]
    [InlineData(WorkItemState.Registered, WorkAction.SubmitCloseOut, null, NotAssigned)]
    [InlineData(WorkItemState.Registered, WorkAction.Approve, null, NotAssigned)]
    [InlineData(WorkItemState.Registered, WorkAction.Return, null, NotAssigned)]
    // 已交办: 承办, or 催办 while waiting. Assigning again answers "not yet accepted" (the (Assigned, _) arm comes first).
    [InlineData(WorkItemState.Assigned, WorkAction.Assign, null, AlreadyAssigned)]
    [InlineData(WorkItemState.Assigned, WorkAction.Accept, WorkItemState.InProgress, null)]
    [InlineData(WorkItemState.Assigned, WorkAction.Update, null, NotAccepted)]
    [InlineData(WorkItemState.Assigned, WorkAction.Urge, WorkItemState.Assigned, null)]
    [InlineData(WorkItemState.Assigned, WorkAction.SubmitCloseOut, null, NotAccepted)]
    [InlineData(WorkItemState.Assigned, WorkAction.Approve, null, NotAccepted)]
    [InlineData(WorkItemState.Assigned, WorkAction.Return, null, NotAccepted)]
    // 办理中: progress and urging keep the state; close-out goes to review
    [InlineData(WorkItemState.InProgress, WorkAction.Assign, null, AlreadyAssigned)]
    [InlineData(WorkItemState.InProgress, WorkAction.Accept, null, AlreadyAccepted)]
    [InlineData(WorkItemState.InProgress, WorkAction.Update, WorkItemState.InProgress, null)]
    [InlineData(WorkItemState.InProgress, WorkAction.Urge, WorkItemState.InProgress, null)]
    [InlineData(WorkItemState.InProgress, WorkAction.SubmitCloseOut, WorkItemState.CloseOutPending, null)]
    [InlineData(WorkItemState.InProgress, WorkAction.Approve, null, NothingToReview)]
    [InlineData(WorkItemState.InProgress, WorkAction.Return, null, NothingToReview)]
    // 销号审核中: only the Office's decision
    [InlineData(WorkItemState.CloseOutPending, WorkAction.Assign, null, AlreadyAssigned)]
    [InlineData(WorkItemState.CloseOutPending, WorkAction.Accept, null, UnderReview)]
    [InlineData(WorkItemState.CloseOutPending, WorkAction.Update, null, UnderReview)]
    [InlineData(WorkItemState.CloseOutPending, WorkAction.Urge, null, UnderReview)]
    [InlineData(WorkItemState.CloseOutPending, WorkAction.SubmitCloseOut, null, UnderReview)]
    [InlineData(WorkItemState.CloseOutPending, WorkAction.Approve, WorkItemState.Closed, null)]
    [InlineData(WorkItemState.CloseOutPending, WorkAction.Return, WorkItemState.Returned, null)]
    // 审核退回: handled like 办理中, and resubmitted
    [InlineData(WorkItemState.Returned, WorkAction.Assign, null, AlreadyAssigned)]
    [InlineData(WorkItemState.Returned, WorkAction.Accept, null, AlreadyAccepted)]
    [InlineData(WorkItemState.Returned, WorkAction.Update, WorkItemState.Returned, null)]
    [InlineData(WorkItemState.Returned, WorkAction.Urge, WorkItemState.Returned, null)]
    [InlineData(WorkItemState.Returned, WorkAction.SubmitCloseOut, WorkItemState.CloseOutPending, null)]
    [InlineData(WorkItemState.Returned, WorkAction.Approve, null, NothingToReview)]
    [InlineData(WorkItemState.Returned, WorkAction.Return, null, NothingToReview)]
    // 已销号: final
    [InlineData(WorkItemState.Closed, WorkAction.Assign, null, IsClosed)]
    [InlineData(WorkItemState.Closed, WorkAction.Accept, null, IsClosed)]
    [InlineData(WorkItemState.Closed, WorkAction.Update, null, IsClosed)]
    [InlineData(WorkItemState.Closed, WorkAction.Urge, null, IsClosed)]
    [InlineData(WorkItemState.Closed, WorkAction.SubmitCloseOut, null, IsClosed)]
    [InlineData(WorkItemState.Closed, WorkAction.Approve, null, IsClosed)]
    [InlineData(WorkItemState.Closed, WorkAction.Return, null, IsClosed)]
    public void Apply(WorkItemState state, WorkAction action, WorkItemState? expectedNext, string? expectedError)
    {
        var (next, error) = WorkItemStates.Apply(state, action);

        Assert.Equal(expectedNext, next);
        Assert.Equal(expectedError, error);
    }

    [Fact]
    public void Every_pair_gives_either_a_next_state_or_an_error_and_the_table_above_covers_them_all()
    {
        var pairs = 0;
        foreach (var state in Enum.GetValues<WorkItemState>())
        foreach (var action in Enum.GetValues<WorkAction>())
        {
            var (next, error) = WorkItemStates.Apply(state, action);
            Assert.True((next is null) != (error is null), $"{state} + {action}");
            pairs++;
        }
        Assert.Equal(42, pairs);
    }

    [Theory]
    [InlineData(WorkAction.Assign, true)]
    [InlineData(WorkAction.Accept, false)]
    [InlineData(WorkAction.Update, false)]
    [InlineData(WorkAction.Urge, true)]
    [InlineData(WorkAction.SubmitCloseOut, false)]
    [InlineData(WorkAction.Approve, true)]
    [InlineData(WorkAction.Return, true)]
    public void ByOffice_tells_the_office_actions_from_the_lead_units(WorkAction action, bool byOffice) =>
        Assert.Equal(byOffice, WorkItemStates.ByOffice(action));

    [Theory]
    [InlineData(WorkItemState.Registered, "已立项", true)]
    [InlineData(WorkItemState.Assigned, "已交办", true)]
    [InlineData(WorkItemState.InProgress, "办理中", true)]
    [InlineData(WorkItemState.CloseOutPending, "销号审核中", true)]
    [InlineData(WorkItemState.Returned, "审核退回", true)]
    [InlineData(WorkItemState.Closed, "已销号", false)]
    public void State_name_and_whether_it_is_open(WorkItemState state, string name, bool open)
    {
        Assert.Equal(name, state.Name());
        Assert.Equal(open, WorkItemStates.IsOpen(state));
    }

    [Theory]
    [InlineData(Urgency.Normal, "一般")]
    [InlineData(Urgency.Urgent, "紧急")]
    [InlineData(Urgency.Critical, "特急")]
    public void Urgency_name(Urgency urgency, string name) => Assert.Equal(name, urgency.Name());

    [Theory]
    [InlineData(WarningLight.None, "已销号")]
    [InlineData(WarningLight.Green, "绿灯")]
    [InlineData(WarningLight.Yellow, "黄灯")]
    [InlineData(WarningLight.Red, "红灯")]
    public void Light_name(WarningLight light, string name) => Assert.Equal(name, light.Name());

    // ---- 红黄绿灯 on the official calendar --------------------------------------------------------

    [Theory]
    // closed: no light, even long past the deadline
    [InlineData("2023-06-21", "2023-06-20", true, WarningLight.None)]
    [InlineData("2023-06-05", "2023-06-30", true, WarningLight.None)]
    // past the deadline: red from the next day, weekend or not
    [InlineData("2023-06-21", "2023-06-20", false, WarningLight.Red)]
    [InlineData("2023-06-24", "2023-06-21", false, WarningLight.Red)]  // Sat, deadline the Wed before the holiday
    [InlineData("2024-01-01", "2023-12-29", false, WarningLight.Red)]  // across the year
    // the deadline is today: yellow
    [InlineData("2023-06-20", "2023-06-20", false, WarningLight.Yellow)]
    [InlineData("2023-10-03", "2023-10-03", false, WarningLight.Yellow)] // a holiday deadline, today
    // plain weeks: Mon 06-05 → Thu 06-08 is 3 working days (yellow), → Fri 06-09 is 4 (green)
    [InlineData("2023-06-05", "2023-06-06", false, WarningLight.Yellow)]
    [InlineData("2023-06-05", "2023-06-08", false, WarningLight.Yellow)]
    [InlineData("2023-06-05", "2023-06-09", false, WarningLight.Green)]
    // over a weekend: Fri 06-02 → Wed 06-07 is 3 (06-05, 06-06, 06-07), → Thu 06-08 is 4
    [InlineData("2023-06-02", "2023-06-07", false, WarningLight.Yellow)]
    [InlineData("2023-06-02", "2023-06-08", false, WarningLight.Green)]
    // National Day 2023: from Wed 09-27 the working days are 09-28, 10-07 (makeup Sat), 10-08 (makeup Sun), 10-09
    [InlineData("2023-09-27", "2023-10-09", false, WarningLight.Green)]  // 4
    [InlineData("2023-09-27", "2023-10-08", false, WarningLight.Yellow)] // 3
    [InlineData("2023-09-27", "2023-10-07", false, WarningLight.Yellow)] // 2
    [InlineData("2023-09-27", "2023-10-06", false, WarningLight.Yellow)] // 1: only 09-28, the rest is holiday
    [InlineData("2023-09-28", "2023-10-10", false, WarningLight.Green)]  // 10-07, 10-08, 10-09, 10-10
    // Dragon Boat 2023 and its makeup Sunday 06-25: from Tue 06-20 the working days are 06-21, 06-25, 06-26, 06-27
    [InlineData("2023-06-20", "2023-06-26", false, WarningLight.Yellow)] // 3
    [InlineData("2023-06-20", "2023-06-27", false, WarningLight.Green)]  // 4, only because 06-25 is worked
    [InlineData("2023-06-21", "2023-06-26", false, WarningLight.Yellow)] // 2: 06-25, 06-26
    // Spring Festival 2023: from Fri 01-20 the working days are 01-28, 01-29 (makeups), 01-30, 01-31
    [InlineData("2023-01-20", "2023-01-30", false, WarningLight.Yellow)] // 3
    [InlineData("2023-01-20", "2023-01-31", false, WarningLight.Green)]  // 4
    public void Light_on_the_official_calendar(string today, string deadline, bool closed, WarningLight expected) =>
        Assert.Equal(expected, WarningLights.Compute(D(today), D(deadline), closed, YellowDays, Official.Value.CountWorkingDays));

    [Theory]
    [InlineData(0, "2023-06-05", WarningLight.Yellow)] // only the deadline day itself
    [InlineData(0, "2023-06-06", WarningLight.Green)]
    [InlineData(5, "2023-06-12", WarningLight.Yellow)] // Mon → next Mon is 5 working days
    [InlineData(5, "2023-06-13", WarningLight.Green)]
    public void The_yellow_window_follows_the_parameter(int yellowDays, string deadline, WarningLight expected) =>
        Assert.Equal(expected, WarningLights.Compute(D("2023-06-05"), D(deadline), false, yellowDays, Official.Value.CountWorkingDays));

    [Fact]
    public void A_closed_or_overdue_item_does_not_consult_the_calendar()
    {
        Func<DateOnly, DateOnly, int> refuse = (_, _) => throw new InvalidOperationException("calendar consulted");
        Assert.Equal(WarningLight.None, WarningLights.Compute(D("2023-06-05"), D("2023-06-30"), true, YellowDays, refuse));
        Assert.Equal(WarningLight.Red, WarningLights.Compute(D("2023-07-01"), D("2023-06-30"), false, YellowDays, refuse));
    }

    [Fact]
    public void The_item_light_uses_the_extended_deadline_and_the_closed_state()
    {
        var cal = Official.Value;
        var today = D("2023-06-05");
        var item = Item(D("2023-06-08"), WorkItemState.InProgress);
        Assert.Equal(WarningLight.Yellow, WorkItemService.Light(item, today, cal, YellowDays));

        item.ExtendedDeadline = D("2023-06-30");
        Assert.Equal(D("2023-06-30"), item.EffectiveDeadline);
        Assert.Equal(WarningLight.Green, WorkItemService.Light(item, today, cal, YellowDays));
        Assert.Equal(WarningLight.Red, WorkItemService.Light(item, D("2023-07-03"), cal, YellowDays));

        item.State = WorkItemState.Closed;
        Assert.Equal(WarningLight.None, WorkItemService.Light(item, D("2023-07-03"), cal, YellowDays));
    }

    [Fact]
    public void A_deadline_in_a_year_without_a_calendar_warns_yellow_instead_of_guessing()
    {
        var cal = Official.Value;
        Assert.False(cal.HasYear(2027));
        // Four weeks in a loaded year is green …
        Assert.Equal(WarningLight.Green, WorkItemService.Light(Item(D("2026-11-27"), WorkItemState.InProgress), D("2026-10-30"), cal, YellowDays));
        // … the same gap into 2027 cannot be counted, so it is yellow.
        Assert.Equal(WarningLight.Yellow, WorkItemService.Light(Item(D("2027-01-27"), WorkItemState.InProgress), D("2026-12-30"), cal, YellowDays));
        // Past the deadline the calendar is not needed.
        Assert.Equal(WarningLight.Red, WorkItemService.Light(Item(D("2027-01-04"), WorkItemState.InProgress), D("2027-01-05"), cal, YellowDays));
    }

    // ---- 结账点评 --------------------------------------------------------------------------------

    [Theory]
    // closed by the month's end
    [InlineData("2023-06-20", "2023-06-15", SettlementResult.Done)]     // before the deadline
    [InlineData("2023-06-20", "2023-06-20", SettlementResult.Done)]     // on the deadline day
    [InlineData("2023-07-15", "2023-06-28", SettlementResult.Done)]     // early, deadline next month
    [InlineData("2023-06-10", "2023-06-12", SettlementResult.Overdue)]  // late
    [InlineData("2023-06-10", "2023-06-30", SettlementResult.Overdue)]  // late, on the month's last day
    // open at the month's end
    [InlineData("2023-06-29", null, SettlementResult.Overdue)]          // deadline passed
    [InlineData("2023-06-01", null, SettlementResult.Overdue)]
    [InlineData("2023-06-30", null, SettlementResult.NotDone)]          // deadline is the month's last day: not yet late
    [InlineData("2023-07-15", null, SettlementResult.NotDone)]          // not yet due
    // closed only after the month's end counts as open at the month's end
    [InlineData("2023-06-20", "2023-07-03", SettlementResult.Overdue)]
    [InlineData("2023-07-10", "2023-07-03", SettlementResult.NotDone)]
    [InlineData("2023-06-30", "2023-07-03", SettlementResult.NotDone)]
    public void Default_settlement_at_the_end_of_June(string effectiveDeadline, string? closedOn, SettlementResult expected) =>
        Assert.Equal(expected, Settling.Default(D("2023-06-30"), D(effectiveDeadline), closedOn is null ? null : D(closedOn)));

    [Theory]
    [InlineData("20", 0, 0, 0, "20")]     // no items: full points
    [InlineData("20", 3, 0, 1, "15")]     // 1 of 4 overdue: 75 %
    [InlineData("20", 1, 2, 1, "15")]     // not done is not overdue
    [InlineData("20", 0, 0, 4, "0")]      // all overdue
    [InlineData("20", 1, 0, 1, "10")]
    [InlineData("20", 0, 3, 0, "20")]
    [InlineData("10", 2, 0, 1, "6.67")]   // 6.666… rounded to 2 decimals
    [InlineData("20", 1, 0, 2, "6.67")]
    [InlineData("25", 2, 1, 0, "25")]
    [InlineData("15", 1, 1, 1, "10")]
    public void Points_from_the_units_settlement(string max, int done, int notDone, int overdue, string expected) =>
        Assert.Equal(M(expected), Settling.Points(M(max), done, notDone, overdue));

    [Fact]
    public void Points_are_rounded_to_two_decimals()
    {
        var points = Settling.Points(20m, 2, 0, 1);
        Assert.Equal(13.33m, points);
        Assert.Equal(points, decimal.Round(points, 2));
    }

    [Theory]
    [InlineData(SettlementResult.Done, "已完成")]
    [InlineData(SettlementResult.NotDone, "未完成")]
    [InlineData(SettlementResult.Overdue, "逾期")]
    public void Settlement_name(SettlementResult result, string name) => Assert.Equal(name, result.Name());

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

    private static WorkItem Item(DateOnly deadline, WorkItemState state) => new()
    {
        Title = "测试事项", Source = "会议", LeadUnitId = 1, Deadline = deadline, State = state,
    };

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static decimal M(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}
