namespace QiyangConsole.Features.Exchanges.Rules;

public enum ProblemAction { Assign, Feedback, RequestReturn, Reassign, Resolve, CallBack, Close }

/// <summary>登记 → 分类交办 → 办理中 (督办反馈) → 已办结 → 已回访 → 已销号; a unit may ask to hand a problem back, the office reassigns.</summary>
public static class ProblemStates
{

    public static bool ByOffice(ProblemAction a) => a is ProblemAction.Assign or ProblemAction.Reassign or ProblemAction.CallBack or ProblemAction.Close;

    public static bool IsSolved(ProblemState s) => s >= ProblemState.Resolved;

    public static (ProblemState? Next, string? Error) Apply(ProblemState s, ProblemAction a) => (s, a) switch
    {
        (ProblemState.Closed, _) => (null, "该问题已销号"),
        (ProblemState.Registered, ProblemAction.Assign) => (ProblemState.Assigned, null),
        (ProblemState.Assigned or ProblemState.InProgress, ProblemAction.Feedback) => (ProblemState.InProgress, null),
        (ProblemState.Assigned or ProblemState.InProgress, ProblemAction.RequestReturn) => (s, null),
        (ProblemState.Assigned or ProblemState.InProgress, ProblemAction.Reassign) => (ProblemState.Assigned, null),
        (ProblemState.Assigned or ProblemState.InProgress, ProblemAction.Resolve) => (ProblemState.Resolved, null),
        (ProblemState.Resolved, ProblemAction.CallBack) => (ProblemState.CalledBack, null),
        (ProblemState.CalledBack, ProblemAction.Close) => (ProblemState.Closed, null),
        (ProblemState.Registered, _) => (null, "问题尚未分类交办"),
        (_, ProblemAction.Assign) => (null, "问题已交办"),
        (ProblemState.Resolved, ProblemAction.Close) => (null, "问题尚未回访，不能销号"),
        (ProblemState.Resolved or ProblemState.CalledBack, _) => (null, "问题已办结"),
        _ => (null, "问题尚未办结，不能回访或销号"),
    };

    public static string CategoryOrDefault(string? c) => string.IsNullOrWhiteSpace(c) ? "其他" : c;
}

/// <summary>逐级管理: overdue rises to the unit's leader in charge, and after more working days to the office's head.</summary>
public static class Escalation
{
    public const int HeadAfterWorkingDays = 3;

    public static string LevelName(int level) => level switch
    {
        0 => "责任单位",
        1 => "分管领导",
        _ => "专班负责人",
    };

    /// <summary>The level an unsolved problem should be at today; it never goes down.</summary>
    public static int Level(DateOnly today, DateOnly? deadline, bool solved, int current, Func<DateOnly, DateOnly, int> countWorkingDays)
    {
        if (solved || deadline is not { } d || today <= d) return current;
        var late = countWorkingDays(d, today);
        return Math.Max(current, late > HeadAfterWorkingDays ? 2 : 1);
    }
}

/// <summary>好差评: five levels, the bottom two a bad rating; satisfaction is the share of the top three.</summary>
public static class Ratings
{

    public static bool IsBad(Rating r) => r <= Rating.Dissatisfied;

    /// <summary>Satisfied / total as a fraction, null when nobody was called back.</summary>
    public static decimal? Rate(int satisfied, int total) => total == 0 ? null : Math.Round((decimal)satisfied / total, 4);

    public static string Percent(decimal? rate) => rate is { } r ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r * 100:0.0}%") : "—";
}
