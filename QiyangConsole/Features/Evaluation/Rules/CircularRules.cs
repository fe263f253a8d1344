namespace QiyangConsole.Features.Evaluation.Rules;

/// <summary>通报: drafted once the month is ranked, with a title, a number, an issuer and a date; criticised units are units ranked that month; 更正 only after issue.</summary>
public static class CircularRules
{
    public static string? DraftProblem(PeriodState state) =>
        PeriodStates.IsLocked(state) ? "该月通报已签发，不能修改；如需修改评分请走更正流程"
        : state != PeriodState.Ranked ? "排名完成后才能起草通报"
        : null;

    /// <summary>The title and a positive sequence number (its uniqueness in the year is checked against the stored circulars).</summary>
    public static string? HeadProblem(string? title, int? number) =>
        string.IsNullOrWhiteSpace(title) ? "通报标题不能为空"
        : number is not { } n || n < 1 ? "请填写正确的发文序号（正整数）"
        : null;

    public static string? IssuerProblem(string? issuer, DateOnly? issueDate) =>
        string.IsNullOrWhiteSpace(issuer) ? "发文机关不能为空"
        : issueDate is null ? "请填写成文日期"
        : null;

    public static string? CriticisedProblem(IEnumerable<int> criticised, IEnumerable<int> ranked) =>
        criticised.Except(ranked).Any() ? "通报批评的单位须为本月参加排名的单位" : null;

    public static string? AmendReasonProblem(string? reason) => string.IsNullOrWhiteSpace(reason) ? "更正须填写原因" : null;

    public static string? AmendStateProblem(PeriodState state) => PeriodStates.IsLocked(state) ? null : "未通报的月份请直接修改评分表";

    public static string? AmendChangeProblem(decimal oldPoints, decimal newPoints) => oldPoints == newPoints ? "更正后的分值与原分值相同" : null;
}
