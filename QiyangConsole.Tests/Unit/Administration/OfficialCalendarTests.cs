using System.Globalization;
using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Unit.Administration;

/// <summary>
/// The shipped notices (seeds/system/calendar.json): each year's breaks agree with its days off and makeup days, and
/// every day the calendar stores carries its holiday's name, weekend days inside a break too.
/// </summary>
public sealed class OfficialCalendarTests
{
    private static readonly Lazy<List<OfficialYear>> Shipped = new(() => OfficialCalendar.Read(new SeedFiles(Seeds.Directory)));

    private static readonly Lazy<Dictionary<DateOnly, CalendarDay>> Stored = new(() => Shipped.Value.SelectMany(y => y.Days()).ToDictionary(d => d.Date));

    [Fact]
    public void The_file_holds_2021_to_2026_each_with_its_notice_and_breaks()
    {
        Assert.Equal([2021, 2022, 2023, 2024, 2025, 2026], Shipped.Value.Select(y => y.Year));
        Assert.All(Shipped.Value, y =>
        {
            Assert.Contains($"{y.Year}年部分节假日安排的通知", y.Source);
            Assert.NotEmpty(y.Breaks ?? []);
            Assert.Null(y.Problem());
        });
        Assert.Contains("国办发明电〔2020〕27号", Shipped.Value[0].Source);
        Assert.Contains("国办发明电〔2021〕11号", Shipped.Value[1].Source);
    }

    /// <summary>Each stored day with whether it is worked and its name, as the notices give them.</summary>
    [Theory]
    [InlineData("2021-01-01", false, "元旦")]
    [InlineData("2021-01-03", false, "元旦")]          // Sun inside the break
    [InlineData("2021-02-07", true, "调休上班")]
    [InlineData("2021-02-11", false, "春节")]
    [InlineData("2021-02-13", false, "春节")]          // Sat inside the break
    [InlineData("2021-02-17", false, "春节")]
    [InlineData("2021-02-20", true, "调休上班")]
    [InlineData("2021-04-03", false, "清明节")]        // Sat
    [InlineData("2021-04-05", false, "清明节")]
    [InlineData("2021-05-01", false, "劳动节")]        // Sat
    [InlineData("2021-05-05", false, "劳动节")]
    [InlineData("2021-06-12", false, "端午节")]        // Sat
    [InlineData("2021-06-14", false, "端午节")]
    [InlineData("2021-09-18", true, "调休上班")]
    [InlineData("2021-09-19", false, "中秋节")]        // Sun
    [InlineData("2021-09-21", false, "中秋节")]
    [InlineData("2021-10-02", false, "国庆节")]        // Sat
    [InlineData("2021-10-07", false, "国庆节")]
    [InlineData("2021-10-09", true, "调休上班")]
    [InlineData("2022-01-01", false, "元旦")]          // Sat
    [InlineData("2022-01-03", false, "元旦")]
    [InlineData("2022-01-29", true, "调休上班")]
    [InlineData("2022-02-06", false, "春节")]          // Sun, the last day of the break
    [InlineData("2022-04-03", false, "清明节")]        // Sun
    [InlineData("2022-04-30", false, "劳动节")]        // Sat, the first day of the break
    [InlineData("2022-06-05", false, "端午节")]        // Sun
    [InlineData("2022-09-10", false, "中秋节")]        // Sat
    [InlineData("2022-10-01", false, "国庆节")]        // Sat
    [InlineData("2022-10-09", true, "调休上班")]
    [InlineData("2022-12-31", false, "元旦")]          // Sat, the first day of the 2023 New Year break
    [InlineData("2023-01-01", false, "元旦")]
    [InlineData("2023-09-29", false, "中秋节、国庆节")]
    [InlineData("2023-10-01", false, "中秋节、国庆节")] // Sun
    [InlineData("2023-12-30", false, "元旦")]          // Sat, the 2024 New Year break
    [InlineData("2024-02-10", false, "春节")]
    [InlineData("2024-06-08", false, "端午节")]
    [InlineData("2025-05-31", false, "端午节")]
    [InlineData("2025-10-08", false, "国庆节、中秋节")]
    [InlineData("2026-02-21", false, "春节")]
    [InlineData("2026-09-27", false, "中秋节")]
    [InlineData("2026-10-10", true, "调休上班")]
    public void Each_day_of_a_break_and_each_makeup_day_is_stored_with_its_name(string date, bool isWorkday, string name)
    {
        var day = Stored.Value[D(date)];
        Assert.Equal(isWorkday, day.IsWorkday);
        Assert.Equal(name, day.Name);
    }

    [Theory]
    [InlineData("2021-03-13")] // an ordinary Saturday
    [InlineData("2021-03-15")] // an ordinary Monday
    [InlineData("2022-02-07")] // the Monday after the Spring Festival break
    [InlineData("2024-02-09")] // New Year's Eve 2024 was a working Friday
    public void An_ordinary_day_is_not_stored(string date) => Assert.False(Stored.Value.ContainsKey(D(date)));

    [Fact]
    public void No_shipped_day_is_left_with_the_generic_label() =>
        Assert.DoesNotContain(Stored.Value.Values, d => d.Name == OfficialYear.UnnamedOff);

    [Theory]
    [InlineData(new[] { "02-11", "02-12", "02-15..02-17" }, new[] { "02-07", "02-20" }, "02-11..02-17", null)]
    [InlineData(new[] { "02-13" }, new string[0], "02-11..02-17", "2021-02-13 是周末，不应列为放假的工作日")]
    [InlineData(new[] { "02-11", "03-01" }, new string[0], "02-11..02-17", "2021-03-01 放假但不在任何节日的假期内")]
    [InlineData(new[] { "02-11" }, new[] { "02-08" }, "02-11..02-17", "2021-02-08 不是周末，不应列为调休上班")]
    [InlineData(new[] { "02-11" }, new[] { "02-13" }, "02-11..02-17", "2021-02-13 既在春节假期内又是调休上班")]
    [InlineData(new[] { "02-11" }, new string[0], "02-11..02-12", "2021-02-12 在春节假期内但未列为放假")]
    public void A_year_that_contradicts_itself_is_refused_with_the_day(string[] off, string[] makeup, string springFestival, string? expected)
    {
        var year = new OfficialYear(2021, "测试", [.. off], [.. makeup], [new OfficialBreak("春节", springFestival)]);
        Assert.Equal(expected, year.Problem());
    }

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
