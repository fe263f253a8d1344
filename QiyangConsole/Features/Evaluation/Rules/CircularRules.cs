using QiyangConsole.Infrastructure;

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
        : TextLimit.Problem(title, 200, "通报标题") is { } tooLong ? tooLong
        : number is not { } n || n < 1 ? "请填写正确的发文序号（正整数）"
        : null;

    public static string? IssuerProblem(string? issuer, DateOnly? issueDate) =>
        string.IsNullOrWhiteSpace(issuer) ? "发文机关不能为空"
        : TextLimit.Problem(issuer, 100, "发文机关") is { } tooLong ? tooLong
        : issueDate is null ? "请填写成文日期"
        : null;

    /// <summary>The summary (at most 2,000 characters), the distribution lines (500 each) and who prints it (required, at most 100).</summary>
    public static string? TextProblem(string? summary, string? reportTo, string? distributeTo, string? copyTo, string? printedBy) =>
        TextLimit.Problem(summary, 2000, "正文摘要") ?? TextLimit.Problem(reportTo, 500, "报送（报）") ?? TextLimit.Problem(distributeTo, 500, "发送（发）")
        ?? TextLimit.Problem(copyTo, 500, "抄送")
        ?? (string.IsNullOrWhiteSpace(printedBy) ? "印发机关不能为空" : TextLimit.Problem(printedBy, 100, "印发机关"));

    public static string? CriticisedProblem(IEnumerable<int> criticised, IEnumerable<int> ranked) =>
        criticised.Except(ranked).Any() ? "通报批评的单位须为本月参加排名的单位" : null;

    public static string? AmendReasonProblem(string? reason) => string.IsNullOrWhiteSpace(reason) ? "更正须填写原因" : TextLimit.Problem(reason, 500, "更正原因");

    public static string? AmendStateProblem(PeriodState state) => PeriodStates.IsLocked(state) ? null : "未通报的月份请直接修改评分表";

    public static string? AmendChangeProblem(decimal oldPoints, decimal newPoints) => oldPoints == newPoints ? "更正后的分值与原分值相同" : null;
}
