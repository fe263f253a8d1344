using QiyangConsole.Features.WorkItems.Rules;

namespace QiyangConsole.Tests.Unit.WorkItems;

/// <summary>结账点评: months 1–12 of years 2000–2100, settled only after the month's last day, comments of at most 200 characters.</summary>
public sealed class SettlementChecksTests
{
    [Theory]
    [InlineData(2024, 0, "月份应在 1 至 12 之间")]
    [InlineData(2024, 1, null)]
    [InlineData(2024, 12, null)]
    [InlineData(2024, 13, "月份应在 1 至 12 之间")]
    [InlineData(1999, 6, "年份应在 2000 至 2100 之间")]
    [InlineData(2000, 6, null)]
    [InlineData(2100, 6, null)]
    [InlineData(2101, 6, "年份应在 2000 至 2100 之间")]
    [InlineData(1999, 13, "月份应在 1 至 12 之间")]
    public void Month(int year, int month, string? expected) => Assert.Equal(expected, SettlementChecks.MonthProblem(year, month));

    [Theory]
    // the month ends 2024-05-31: settled from 06-01 on
    [InlineData("2024-05-31", 0, "2024年5月尚未结束，月末后才能结账")]
    [InlineData("2024-05-20", 0, "2024年5月尚未结束，月末后才能结账")]
    [InlineData("2024-06-01", 0, null)]
    [InlineData("2024-06-01", 200, null)]
    [InlineData("2024-06-01", 201, "点评意见不能超过 200 个字")]
    [InlineData("2024-05-31", 201, "2024年5月尚未结束，月末后才能结账")]
    public void Save(string today, int commentLength, string? expected) =>
        Assert.Equal(expected, SettlementChecks.SaveProblem(2024, 5, new DateOnly(2024, 5, 31), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture),
            [null, "按期完成", new string('评', commentLength)]));
}
