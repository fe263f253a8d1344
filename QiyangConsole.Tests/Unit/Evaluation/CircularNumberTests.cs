using QiyangConsole.Features.Evaluation.Rules;

namespace QiyangConsole.Tests.Unit.Evaluation;

/// <summary>发文字号 per GB/T 9704: full year in 〔〕, number without leading zeros.</summary>
public sealed class CircularNumberTests
{
    [Theory]
    [InlineData(2023, 5, "〔2023〕5号")]
    [InlineData(2024, 12, "〔2024〕12号")]
    [InlineData(2025, 1, "〔2025〕1号")]
    [InlineData(2024, 100, "〔2024〕100号")]
    public void Format(int year, int number, string expected) =>
        Assert.Equal(expected, CircularNumber.Format(year, number));
}
