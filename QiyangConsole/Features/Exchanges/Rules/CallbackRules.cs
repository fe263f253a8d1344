using QiyangConsole.Infrastructure;
using QiyangConsole.Features.Enterprises.Rules;

namespace QiyangConsole.Features.Exchanges.Rules;

/// <summary>回访: who was called, the rating, the date (not in the future), a reason for a bad rating; what may be called back about; 差评整改.</summary>
public static class CallbackRules
{
    /// <summary>Who was called (at most 50 characters) and the phone (at most 30), the rating, a date since 2000 and not in the future, a reason for a bad rating (at most 500), a comment (at most 500).</summary>
    public static string? Problem(string? person, Rating? rating, DateOnly? calledOn, string? badReason, DateOnly today, string? phone = null, string? comment = null)
    {
        if ((person?.Trim() ?? "").Length == 0) return "请填写回访对象";
        if ((TextLimit.Problem(person, 50, "回访对象") ?? TextLimit.Problem(phone, 30, "联系电话")) is { } tooLong) return tooLong;
        if (rating is not { } r || !Enum.IsDefined(r)) return "请选择评价等级";
        if (calledOn is not { } on) return "请填写回访日期";
        if (on > today) return "回访日期不能晚于今天";
        if (on.Year < 2000) return "回访日期不能早于 2000 年";
        if (Ratings.IsBad(r) && string.IsNullOrWhiteSpace(badReason)) return $"“{r.Name()}”须填写差评原因";
        return TextLimit.Problem(badReason, 500, "差评原因") ?? TextLimit.Problem(comment, 500, "评价意见");
    }

    /// <summary>A rectification is rated again once done (and once only, checked against the stored callbacks).</summary>
    public static string? ReRateProblem(RectificationState state) => state != RectificationState.Done ? "整改完成后才能再次评价" : null;

    public static string? ProblemCallbackProblem(ProblemState state) => state != ProblemState.Resolved ? "问题办结后、销号前才能回访" : null;

    public static string? HelpMatterCallbackProblem(HelpState state) => state != HelpState.Finished ? "帮代办事项办结后才能回访" : null;

    /// <summary>A free callback names what it was about (the unit is checked against the stored units).</summary>
    public static string? SubjectProblem(string? subject) => (subject?.Trim() ?? "").Length == 0 ? "请填写回访事项" : TextLimit.Problem(subject, MaxSubjectLength, "回访事项");

    public const int MaxSubjectLength = 300;

    /// <summary>A rectification is completed once, with what was done.</summary>
    public static string? RectifyProblem(RectificationState state, string? answer) =>
        state == RectificationState.Done ? "整改已完成"
        : string.IsNullOrWhiteSpace(answer) ? "请填写整改情况"
        : TextLimit.Problem(answer, 1000, "整改情况");
}
