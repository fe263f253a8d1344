namespace QiyangConsole.Features.Evaluation.Rules;

public sealed record MonthResult(int UnitId, int GroupId, int Month, decimal Total, bool IsLagging);

public sealed record QuarterResult(int UnitId, int GroupId, int Months, decimal Sum, decimal Average, int Rank, int LaggingMonths, bool StatementByDefault);

/// <summary>季结账: a quarter's months per unit, ranked in the group by the quarter's sum; heads of units lagging in two or more months make a statement.</summary>
public static class QuarterRules
{
    public const int StatementLaggingMonths = 2;

    public static int QuarterOf(int month) => (month - 1) / 3 + 1;

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
