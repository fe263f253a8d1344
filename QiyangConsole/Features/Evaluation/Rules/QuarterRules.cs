using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Evaluation.Rules;

public sealed record MonthResult(int UnitId, int GroupId, int Month, decimal Total, bool IsLagging);

public sealed record QuarterResult(int UnitId, int GroupId, int Months, decimal Sum, decimal Average, int Rank, int LaggingMonths, bool StatementByDefault);

/// <summary>季结账: a quarter's months per unit, ranked in the group by the quarter's sum; heads of units lagging in two or more months make a statement.</summary>
public static class QuarterRules
{
    public const int StatementLaggingMonths = 2;

    public static int QuarterOf(int month) => (month - 1) / 3 + 1;

    /// <summary>季度点评: a quarter of a plausible year, a comment of at most 500 characters, and who makes the statement when one is due (at most 50).</summary>
    public static string? ReviewProblem(int year, int quarter, string unitName, string? comment, bool mustMakeStatement, string? statementBy) =>
        year is < 2000 or > 2100 ? "年份应在 2000 至 2100 之间"
        : quarter is < 1 or > 4 ? "季度应在 1 至 4 之间"
        : TextLimit.Problem(comment, 500, $"{unitName}的点评意见") is { } tooLong ? tooLong
        : mustMakeStatement && string.IsNullOrWhiteSpace(statementBy) ? $"{unitName}：请填写表态发言人"
        : TextLimit.Problem(statementBy, 50, $"{unitName}的表态发言人");

    public static IEnumerable<int> MonthsOf(int quarter) => Enumerable.Range(quarter * 3 - 2, 3);

    public static IReadOnlyList<QuarterResult> Summarise(IEnumerable<MonthResult> months)
    {
        // A unit that moved group within the quarter is ranked in the group of its latest month.
        var perUnit = months.GroupBy(m => m.UnitId).Select(g => new
        {
            UnitId = g.Key, g.MaxBy(m => m.Month)!.GroupId, Months = g.Count(), Sum = g.Sum(m => m.Total), Lagging = g.Count(m => m.IsLagging),
        }).ToList();
        var ranked = RankingCalculator.Rank(perUnit.Select(u => new UnitTotal(u.UnitId, u.GroupId, u.Sum)), new LaggingRule(LaggingMode.Count, 0))
            .ToDictionary(r => r.UnitId, r => r.Rank);
        return perUnit
            .Select(u => new QuarterResult(u.UnitId, u.GroupId, u.Months, u.Sum, Math.Round(u.Sum / u.Months, 2), ranked[u.UnitId], u.Lagging, u.Lagging >= StatementLaggingMonths))
            .OrderBy(r => r.GroupId).ThenBy(r => r.Rank).ThenBy(r => r.UnitId).ToList();
    }
}
