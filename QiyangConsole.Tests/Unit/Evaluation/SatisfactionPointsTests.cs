using System.Globalization;
using QiyangConsole.Features.Evaluation.Rules;

namespace QiyangConsole.Tests.Unit.Evaluation;

/// <summary>Points from callbacks: max points times the month's satisfaction rate, two decimals (banker's rounding, as decimal.Round); nobody called keeps full points.</summary>
public sealed class SatisfactionPointsTests
{
    [Theory]
    // nobody called about the unit: full points
    [InlineData("10", 0, 0, "10")]
    [InlineData("7.5", 0, 0, "7.5")]
    // all satisfied, none satisfied
    [InlineData("10", 4, 4, "10")]
    [InlineData("10", 0, 4, "0")]
    // shares, rounded to two decimals
    [InlineData("10", 3, 4, "7.5")]
    [InlineData("10", 2, 3, "6.67")]
    [InlineData("10", 1, 3, "3.33")]
    [InlineData("5", 1, 6, "0.83")]
    [InlineData("20", 5, 7, "14.29")]
    // midpoint rounds to even: 0.125 → 0.12, 0.375 → 0.38
    [InlineData("1", 1, 8, "0.12")]
    [InlineData("1", 3, 8, "0.38")]
    public void From_satisfaction(string maxPoints, int satisfied, int total, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), Scoring.FromSatisfaction(decimal.Parse(maxPoints, CultureInfo.InvariantCulture), satisfied, total));
}
