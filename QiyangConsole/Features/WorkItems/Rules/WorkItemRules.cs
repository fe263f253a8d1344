using QiyangConsole.Features.Administration.Calendar;

namespace QiyangConsole.Features.WorkItems.Rules;

public enum WorkAction { Assign, Accept, Update, Urge, SubmitCloseOut, Approve, Return }

/// <summary>立项 → 交办 → 承办 → (进展/催办) → 销号申请 → 审核: 销号, or 退回 and resubmit.</summary>
public static class WorkItemStates
{

    public static bool IsOpen(WorkItemState state) => state != WorkItemState.Closed;

    /// <summary>Who may do it: the Office, or the lead unit.</summary>
    public static bool ByOffice(WorkAction action) => action is WorkAction.Assign or WorkAction.Urge or WorkAction.Approve or WorkAction.Return;

    public static (WorkItemState? Next, string? Error) Apply(WorkItemState state, WorkAction action) => (state, action) switch
    {
        (WorkItemState.Closed, _) => (null, "该事项已销号"),
        (WorkItemState.Registered, WorkAction.Assign) => (WorkItemState.Assigned, null),
        (WorkItemState.Assigned, WorkAction.Accept) => (WorkItemState.InProgress, null),
        (WorkItemState.InProgress or WorkItemState.Returned, WorkAction.Update) => (state, null),
        (WorkItemState.Assigned or WorkItemState.InProgress or WorkItemState.Returned, WorkAction.Urge) => (state, null),
        (WorkItemState.InProgress or WorkItemState.Returned, WorkAction.SubmitCloseOut) => (WorkItemState.CloseOutPending, null),
        (WorkItemState.CloseOutPending, WorkAction.Approve) => (WorkItemState.Closed, null),
        (WorkItemState.CloseOutPending, WorkAction.Return) => (WorkItemState.Returned, null),
        (_, WorkAction.Assign) => (null, "事项已交办"),
        (WorkItemState.Registered, _) => (null, "事项尚未交办"),
        (WorkItemState.Assigned, _) => (null, "责任单位尚未承办"),
        (WorkItemState.CloseOutPending, _) => (null, "销号申请正在审核中"),
        (_, WorkAction.Accept) => (null, "事项已承办"),
        _ => (null, "没有待审核的销号申请"),
    };

}

/// <summary>
/// 红黄绿灯 on the working-day calendar: red once the effective deadline has passed and the item is
/// not closed; yellow when the deadline is within <c>yellowDays</c> working days; green otherwise.
/// </summary>
public static class WarningLights
{
    public static WarningLight Compute(DateOnly today, DateOnly deadline, bool closed, int yellowDays, Func<DateOnly, DateOnly, int> countWorkingDays)
    {
        if (closed) return WarningLight.None;
        if (today > deadline) return WarningLight.Red;
        return countWorkingDays(today, deadline) <= yellowDays ? WarningLight.Yellow : WarningLight.Green;
    }

    /// <summary>
    /// The light on the official calendar. For a deadline in a year whose calendar is missing, the
    /// working days up to the end of the last loaded year decide when they already exceed the yellow
    /// window; otherwise it warns (yellow) rather than guess.
    /// </summary>
    public static WarningLight OnCalendar(DateOnly today, DateOnly deadline, bool closed, int yellowDays, Func<DateOnly, DateOnly, int> countWorkingDays)
    {
        try { return Compute(today, deadline, closed, yellowDays, countWorkingDays); }
        catch (CalendarMissingException missing) { return WhenCalendarMissing(today, missing.Year, yellowDays, countWorkingDays); }
    }

    /// <summary>Green only when the working days from today to the end of the year before <paramref name="missingYear"/> already exceed the yellow window; else yellow.</summary>
    public static WarningLight WhenCalendarMissing(DateOnly today, int missingYear, int yellowDays, Func<DateOnly, DateOnly, int> countWorkingDays)
    {
        var lastKnown = new DateOnly(missingYear - 1, 12, 31);
        return lastKnown > today && countWorkingDays(today, lastKnown) > yellowDays ? WarningLight.Green : WarningLight.Yellow;
    }
}

/// <summary>结账点评 defaults and the points a unit's settlement gives an indicator.</summary>
public static class Settling
{
    /// <summary>
    /// Closed by the month's end on time: done; closed late, or still open past its effective deadline
    /// at the month's end: overdue; otherwise not done (not yet due).
    /// </summary>
    public static SettlementResult Default(DateOnly monthEnd, DateOnly effectiveDeadline, DateOnly? closedOn) =>
        closedOn is { } c && c <= monthEnd ? (c <= effectiveDeadline ? SettlementResult.Done : SettlementResult.Overdue)
        : effectiveDeadline < monthEnd ? SettlementResult.Overdue
        : SettlementResult.NotDone;

    /// <summary>Max points less the share of the unit's settled items that were overdue; a unit with no items keeps full points.</summary>
    public static decimal Points(decimal maxPoints, int done, int notDone, int overdue)
    {
        var total = done + notDone + overdue;
        return total == 0 ? maxPoints : Math.Round(maxPoints * (total - overdue) / total, 2);
    }

}
