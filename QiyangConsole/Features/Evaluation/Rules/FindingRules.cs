using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Evaluation.Rules;

/// <summary>督查: inspections within their month, findings with a description and a deduction within the chosen indicator's cap; only while the month is open.</summary>
public static class FindingRules
{
    /// <summary>Findings are recorded only while the month's scores may be edited.</summary>
    public static string? OpenPeriodProblem(int year, int month, PeriodState state) =>
        PeriodStates.CanEditScores(state) ? null : $"{year}年{month}月{state.Name()}，不能再登记督查发现";

    /// <summary>An inspection: its subject (at most 200 characters), a date inside the month evaluated, who inspected (at most 100).</summary>
    public static string? InspectionProblem(string? title, DateOnly? date, int year, int month, string? inspectors = null) =>
        (title?.Trim() ?? "").Length == 0 ? "督查事项不能为空"
        : TextLimit.Problem(title, 200, "督查事项") is { } tooLong ? tooLong
        : date is not { } d ? "请填写督查日期"
        : d.Year != year || d.Month != month ? $"督查日期应在{year}年{month}月内"
        : TextLimit.Problem(inspectors, 100, "督查人员");

    /// <summary>
    /// A finding: what was found (at most 500 characters), evidence (at most 500), and a deduction not below zero with at
    /// most two decimals (the unit is checked against the stored units first).
    /// </summary>
    public static string? FindingProblem(string? description, decimal deduction, string? evidence = null) =>
        (description?.Trim() ?? "").Length == 0 ? "发现问题不能为空"
        : TextLimit.Problem(description, 500, "发现问题") is { } tooLong ? tooLong
        : TextLimit.Problem(evidence, 500, "佐证") is { } longEvidence ? longEvidence
        : deduction < 0 ? "扣分不能为负数"
        : decimal.Round(deduction, 2) != deduction ? "扣分最多保留两位小数"
        : null;

    /// <summary>A deduction goes to an indicator scored from findings, within its cap.</summary>
    public static string? DeductionProblem(IndicatorRule indicator, decimal deduction) =>
        indicator.Source != ScoreSource.Findings ? $"指标“{indicator.Name}”不是由督查发现计算的指标"
        : deduction > indicator.MaxPoints ? $"单项扣分不能超过“{indicator.Name}”的分值 {indicator.MaxPoints:0.##}"
        : null;
}
