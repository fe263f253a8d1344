using QiyangConsole.Features.Exchanges.Rules;

namespace QiyangConsole.Tests.Unit.Exchanges;

/// <summary>政企交流活动: the year listed (2000–2100) and an event's place and date.</summary>
public sealed class ExchangeEventRulesTests
{
    [Theory]
    [InlineData(1999, "年份应在 2000 至 2100 之间")]
    [InlineData(2000, null)]
    [InlineData(2100, null)]
    [InlineData(2101, "年份应在 2000 至 2100 之间")]
    public void Year(int year, string? expected) => Assert.Equal(expected, ExchangeEventRules.YearProblem(year));

    [Theory]
    [InlineData(null, true, "请填写活动地点")]
    [InlineData("  ", true, "请填写活动地点")]
    [InlineData("高新区管委会", false, "请填写活动日期")]
    [InlineData("高新区管委会", true, null)]
    [InlineData(null, false, "请填写活动地点")]
    public void Event(string? place, bool dated, string? expected) =>
        Assert.Equal(expected, ExchangeEventRules.Problem(place, dated ? new DateOnly(2024, 6, 3) : default));
}
