namespace QiyangConsole.Features.Projects.Rules;

/// <summary>The dates a project keeps per stage.</summary>
public sealed record StageDates(DateOnly? Signed, DateOnly? Landed, DateOnly? Started, DateOnly? Producing, DateOnly? Terminated);

/// <summary>What a stage move does to the stage dates, and the checks on the date given for it.</summary>
public static class StageMove
{
    /// <summary>The stage date is required and not in the future.</summary>
    public static string? DateProblem(DateOnly? on, DateOnly today) =>
        on is not { } date ? "请填写阶段日期"
        : date > today ? "阶段日期不能晚于今天"
        : null;

    /// <summary>The latest date the project reached so far (in talks through producing), which a forward move may not precede.</summary>
    public static DateOnly? LastDate(DateOnly negotiatingOn, StageDates dates) =>
        new DateOnly?[] { negotiatingOn, dates.Signed, dates.Landed, dates.Started, dates.Producing }.Where(d => d is not null).Max();

    /// <summary>
    /// The dates after moving <paramref name="from"/> → <paramref name="to"/> on <paramref name="on"/>. Going back clears
    /// the dates of the stages undone; moving forward records the new stage's date and fills the skipped stages' missing
    /// dates with it (dates the project really reached are kept); terminating records the termination date.
    /// </summary>
    public static StageDates Apply(ProjectStage from, ProjectStage to, DateOnly on, StageDates dates)
    {
        var (signed, landed, started, producing, terminated) = dates;
        if (to < from && to != ProjectStage.Terminated)
        {
            if (to < ProjectStage.Producing) producing = null;
            if (to < ProjectStage.Started) started = null;
            if (to < ProjectStage.Landed) landed = null;
            if (to < ProjectStage.Signed) signed = null;
        }
        if (to > from) switch (to)
        {
            case ProjectStage.Signed: signed ??= on; break;
            case ProjectStage.Landed: signed ??= on; landed = on; break;
            case ProjectStage.Started: signed ??= on; landed ??= on; started = on; break;
            case ProjectStage.Producing: signed ??= on; landed ??= on; started ??= on; producing = on; break;
            case ProjectStage.Terminated: terminated = on; break;
        }
        return new StageDates(signed, landed, started, producing, terminated);
    }
}
