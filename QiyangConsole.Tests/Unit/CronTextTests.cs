using QiyangConsole.Features.Administration;
using QiyangConsole.Infrastructure.Jobs;

namespace QiyangConsole.Tests.Unit;

public sealed class CronTextTests
{
    [Theory]
    [InlineData("0 7 * * *", "每天 07:00（北京时间）")]
    [InlineData("30 8 * * *", "每天 08:30（北京时间）")]
    [InlineData("5 0 * * *", "每天 00:05（北京时间）")]
    [InlineData("59 23 * * *", "每天 23:59（北京时间）")]
    [InlineData("0  9  *  *  *", "每天 09:00（北京时间）")] // repeated spaces are tolerated
    [InlineData("0 2 1 * *", "每月1日 02:00（北京时间）")]
    [InlineData("15 7 28 * *", "每月28日 07:15（北京时间）")]
    [InlineData("0 9 * * 0", "每周日 09:00（北京时间）")]
    [InlineData("0 9 * * 1", "每周一 09:00（北京时间）")]
    [InlineData("0 9 * * 2", "每周二 09:00（北京时间）")]
    [InlineData("0 9 * * 3", "每周三 09:00（北京时间）")]
    [InlineData("0 9 * * 4", "每周四 09:00（北京时间）")]
    [InlineData("0 18 * * 5", "每周五 18:00（北京时间）")]
    [InlineData("0 9 * * 6", "每周六 09:00（北京时间）")]
    [InlineData("0 9 * * 7", "每周日 09:00（北京时间）")] // cron allows 7 for Sunday too
    public void Known_shapes_are_described_in_Chinese(string cron, string expected) =>
        Assert.Equal(expected, CronText.Describe(cron));

    [Theory]
    [InlineData("")]
    [InlineData("0 9 * *")]         // four fields
    [InlineData("0 0 9 * * *")]     // six fields (with seconds)
    [InlineData("*/5 * * * *")]     // minute is not a number
    [InlineData("0 */2 * * *")]     // hour is not a number
    [InlineData("0 9-17 * * *")]
    public void Schedules_that_cannot_be_read_are_shown_as_is(string cron) =>
        Assert.Equal(cron, CronText.Describe(cron));

    /// <summary>The class promises "anything else is shown as is" — five numeric-time fields of another shape included.</summary>
    [Theory]
    [InlineData("0 9 * * 1-5")]     // weekdays
    [InlineData("0 9 * * 1,3")]     // a list of weekdays
    [InlineData("0 9 */2 * *")]     // every other day
    [InlineData("0 9 1 1 *")]       // yearly
    [InlineData("0 9 1 * 1")]       // day of month and weekday together
    [InlineData("0 9 * 6 *")]       // every day in June
    public void Other_five_field_shapes_are_shown_as_is(string cron) =>
        Assert.Equal(cron, CronText.Describe(cron));

    [Fact]
    public void Calendar_check_job_schedule_reads_as_every_morning() =>
        Assert.Equal("每天 07:00（北京时间）", CronText.Describe(CalendarCheckJob.Definition.Cron));
}
