using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Evaluation.Rules;

/// <summary>考核方案: a month between 1 and 12, an indicator's name, cap and where its points come from; the base indicators add up to at most 100.</summary>
public static class IndicatorRules
{
    public const decimal MaxBaseTotal = 100;

    public static string? MonthProblem(int month) => month is < 1 or > 12 ? "月份应在 1 至 12 之间" : null;

    /// <summary>A scheme's or a month's year, within what the console's calendars and reports cover.</summary>
    public static string? YearProblem(int year) => year is < 2000 or > 2100 ? "年份应在 2000 至 2100 之间" : null;

    /// <summary>Review and reopen are done by hand; ranking and issuing by the ranking job and the circular.</summary>
    public static string? ManualActionProblem(PeriodAction action) =>
        action is PeriodAction.Review or PeriodAction.Reopen ? null : "该操作由排名任务或签发通报完成";

    /// <summary>
    /// A name; a cap above 0 and at most 100; findings may not feed a bonus; settlement and satisfaction feed base indicators only.
    /// </summary>
    public static string? Problem(string? name, decimal maxPoints, IndicatorKind kind, ScoreSource source)
    {
        var n = name?.Trim() ?? "";
        if (n.Length == 0) return "指标名称不能为空";
        if (TextLimit.Problem(n, 100, "指标名称") is { } tooLong) return tooLong;
        if (!Enum.IsDefined(kind)) return $"“{n}”：请选择指标类型（基础指标、加分项或扣分项）";
        if (!Enum.IsDefined(source)) return $"“{n}”：请选择计分方式";
        if (maxPoints <= 0 || maxPoints > 100) return $"“{n}”的分值上限应大于 0 且不超过 100";
        if (decimal.Round(maxPoints, 2) != maxPoints) return $"“{n}”的分值上限最多保留两位小数";
        if (source == ScoreSource.Findings && kind == IndicatorKind.Bonus) return $"“{n}”是加分项，不能由督查发现扣分计算";
        if (source is ScoreSource.WorkItemSettlement or ScoreSource.Satisfaction && kind != IndicatorKind.Base) return $"“{n}”：{source.Name()}只能用于基础指标";
        return null;
    }

    /// <summary>The base indicators' caps add up to at most 100 (<paramref name="otherBaseTotal"/>: the other base indicators of the scheme).</summary>
    public static string? BaseTotalProblem(IndicatorKind kind, decimal maxPoints, decimal otherBaseTotal) =>
        kind == IndicatorKind.Base && otherBaseTotal + maxPoints > MaxBaseTotal ? $"基础指标分值合计不能超过 100 分（当前其余指标合计 {otherBaseTotal:0.##} 分）" : null;
}
