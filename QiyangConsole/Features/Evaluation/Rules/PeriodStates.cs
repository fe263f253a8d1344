namespace QiyangConsole.Features.Evaluation.Rules;

public enum PeriodAction { Review, Reopen, Rank, Issue }

/// <summary>录入中 → 已审核 → 已排名 → 已通报 (locked). Reopening sends a reviewed or ranked month back for corrections.</summary>
public static class PeriodStates
{

    public static bool IsLocked(PeriodState state) => state == PeriodState.Issued;

    public static bool CanEditScores(PeriodState state) => state == PeriodState.Open;

    /// <summary>Why the month's scores may not be entered, or null while it is open.</summary>
    public static string? ScoreEditProblem(PeriodState state) =>
        CanEditScores(state) ? null : IsLocked(state) ? "该月已通报并锁定，如需修改请走更正流程" : "该月评分已审核，如需修改请先退回";

    /// <summary>Why a score sheet may not be imported, or null while the month is open.</summary>
    public static string? ImportProblem(PeriodState state) => CanEditScores(state) ? null : "该月评分已审核或锁定，不能导入";

    /// <summary>The state after <paramref name="action"/>, or the Chinese reason it is refused.</summary>
    public static (PeriodState? Next, string? Error) Apply(PeriodState state, PeriodAction action) => (state, action) switch
    {
        (PeriodState.Issued, _) => (null, "该月已通报并锁定，如需修改请走更正流程"),
        (PeriodState.Open, PeriodAction.Review) => (PeriodState.Reviewed, null),
        (PeriodState.Reviewed or PeriodState.Ranked, PeriodAction.Reopen) => (PeriodState.Open, null),
        (PeriodState.Reviewed or PeriodState.Ranked, PeriodAction.Rank) => (PeriodState.Ranked, null),
        (PeriodState.Ranked, PeriodAction.Issue) => (PeriodState.Issued, null),
        (PeriodState.Open, PeriodAction.Rank) => (null, "评分表尚未审核，不能排名"),
        (_, PeriodAction.Issue) => (null, "尚未完成排名，不能签发通报"),
        (_, PeriodAction.Review) => (null, "该月评分已审核"),
        _ => (null, "该月仍在录入中"),
    };
}
