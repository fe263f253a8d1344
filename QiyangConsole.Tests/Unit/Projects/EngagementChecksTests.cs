using System.Globalization;
using QiyangConsole.Features.Projects.Rules;

namespace QiyangConsole.Tests.Unit.Projects;

/// <summary>A leader's month on projects: the leader and month, and days from 0 to the month's working days.</summary>
public sealed class EngagementChecksTests
{
    [Theory]
    [InlineData(null, 6, "请选择市级领导")]
    [InlineData("", 6, "请选择市级领导")]
    [InlineData("leader", 0, "月份应在 1 至 12 之间")]
    [InlineData("leader", 13, "月份应在 1 至 12 之间")]
    [InlineData("leader", 1, null)]
    [InlineData("leader", 12, null)]
    public void Leader_and_month(string? leaderId, int month, string? expected) => Assert.Equal(expected, EngagementChecks.Problem(leaderId, month));

    [Theory]
    [InlineData("-0.5", "2024年6月共 19 个工作日，项目工作天数应在 0 至 19 之间")]
    [InlineData("0", null)]
    [InlineData("6.5", null)]
    [InlineData("19", null)]
    [InlineData("19.5", "2024年6月共 19 个工作日，项目工作天数应在 0 至 19 之间")]
    public void Days(string days, string? expected) =>
        Assert.Equal(expected, EngagementChecks.DaysProblem(2024, 6, decimal.Parse(days, CultureInfo.InvariantCulture), 19));
}
