namespace QiyangConsole.Features.Evaluation.Rules;

public sealed record IndicatorRule(int Id, string Name, IndicatorKind Kind, ScoreSource Source, decimal MaxPoints);

public sealed record UnitPoints(decimal IndicatorPoints, decimal Bonus, decimal Deductions)
{
    public decimal Total => IndicatorPoints + Bonus - Deductions;
}

/// <summary>Total = indicator points + bonus − deductions, each item within its cap; derived points from findings.</summary>
public static class Scoring
{
    /// <summary>The Chinese reason a value is refused, naming the unit and indicator; null when it fits.</summary>
    public static string? Check(IndicatorRule indicator, decimal points, string unitName)
    {
        if (points < 0 || points > indicator.MaxPoints)
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{unitName}的“{indicator.Name}”分值应在 0 至 {indicator.MaxPoints:0.##} 之间");
        if (decimal.Round(points, 2) != points)
            return $"{unitName}的“{indicator.Name}”分值最多保留两位小数";
        return null;
    }

    /// <summary>Points of an indicator scored from supervision findings: a base indicator loses the deductions, a deduction item adds them up; both within their cap.</summary>
    public static decimal FromFindings(IndicatorRule indicator, decimal deductionsFound) => indicator.Kind switch
    {
        IndicatorKind.Base => Math.Max(0, indicator.MaxPoints - deductionsFound),
        _ => Math.Min(indicator.MaxPoints, deductionsFound),
    };

    /// <summary>Points of an indicator scored from callbacks: max points times the unit's satisfaction rate in the month (two decimals); a unit nobody was called about keeps full points.</summary>
    public static decimal FromSatisfaction(decimal maxPoints, int satisfied, int total) =>
        total > 0 ? Math.Round(maxPoints * satisfied / total, 2) : maxPoints;

    public static UnitPoints Sum(IEnumerable<(IndicatorRule Indicator, decimal Points)> scores)
    {
        decimal basePoints = 0, bonus = 0, deductions = 0;
        foreach (var (indicator, raw) in scores)
        {
            var points = Math.Clamp(raw, 0, indicator.MaxPoints);
            switch (indicator.Kind)
            {
                case IndicatorKind.Base: basePoints += points; break;
                case IndicatorKind.Bonus: bonus += points; break;
                default: deductions += points; break;
            }
        }
        return new UnitPoints(basePoints, bonus, deductions);
    }
}
