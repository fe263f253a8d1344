using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.WorkItems.Rules;

/// <summary>结账点评: a month of a plausible year, settled after it ended, with short comments.</summary>
public static class SettlementChecks
{
    public const int MaxCommentLength = 200;

    public static string? MonthProblem(int year, int month) =>
        month is < 1 or > 12 ? "月份应在 1 至 12 之间"
        : year is < 2000 or > 2100 ? "年份应在 2000 至 2100 之间"
        : null;

    /// <summary>A month is settled once its last day has passed; each result a known one, each comment at most 200 characters.</summary>
    public static string? SaveProblem(int year, int month, DateOnly monthEnd, DateOnly today, IEnumerable<string?> comments, IEnumerable<SettlementResult>? results = null) =>
        monthEnd >= today ? $"{year}年{month}月尚未结束，月末后才能结账"
        : (results ?? []).Any(r => !Enum.IsDefined(r)) ? "请为每个事项选择结账结果（完成、未完成或逾期）"
        : comments.Any(c => TextLimit.Count(c) > MaxCommentLength) ? "点评意见不能超过 200 个字"
        : null;
}
