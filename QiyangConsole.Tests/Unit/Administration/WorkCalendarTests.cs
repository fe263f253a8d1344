using System.Globalization;
using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Calendar;

namespace QiyangConsole.Tests.Unit.Administration;

/// <summary>
/// The working-day calendar built from the real seed file, checked against the State Council's
/// holiday arrangements for 2021–2026 (国务院办公厅关于部分节假日安排的通知).
/// </summary>
public sealed class WorkCalendarTests
{
    private static readonly Lazy<WorkCalendar> Seeded = new(LoadFromSeed);

    // ---- IsWorkingDay -------------------------------------------------------------------------

    [Theory]
    [InlineData("2021-01-01")] // Fri, New Year
    [InlineData("2021-02-11")] // Thu, Spring Festival's eve
    [InlineData("2021-02-12")] // Fri
    [InlineData("2021-02-15")] // Mon
    [InlineData("2021-02-16")] // Tue
    [InlineData("2021-02-17")] // Wed
    [InlineData("2021-04-05")] // Mon, Qingming
    [InlineData("2021-05-03")] // Mon, Labour Day
    [InlineData("2021-05-04")] // Tue
    [InlineData("2021-05-05")] // Wed
    [InlineData("2021-06-14")] // Mon, Dragon Boat
    [InlineData("2021-09-20")] // Mon, Mid-Autumn
    [InlineData("2021-09-21")] // Tue
    [InlineData("2021-10-01")] // Fri, National Day
    [InlineData("2021-10-04")] // Mon
    [InlineData("2021-10-05")] // Tue
    [InlineData("2021-10-06")] // Wed
    [InlineData("2021-10-07")] // Thu
    [InlineData("2022-01-03")] // Mon, New Year
    [InlineData("2022-01-31")] // Mon, Spring Festival's eve
    [InlineData("2022-02-01")] // Tue
    [InlineData("2022-02-02")] // Wed
    [InlineData("2022-02-03")] // Thu
    [InlineData("2022-02-04")] // Fri
    [InlineData("2022-04-04")] // Mon, Qingming
    [InlineData("2022-04-05")] // Tue
    [InlineData("2022-05-02")] // Mon, Labour Day
    [InlineData("2022-05-03")] // Tue
    [InlineData("2022-05-04")] // Wed
    [InlineData("2022-06-03")] // Fri, Dragon Boat
    [InlineData("2022-09-12")] // Mon, Mid-Autumn
    [InlineData("2022-10-03")] // Mon, National Day
    [InlineData("2022-10-04")] // Tue
    [InlineData("2022-10-05")] // Wed
    [InlineData("2022-10-06")] // Thu
    [InlineData("2022-10-07")] // Fri
    [InlineData("2023-01-02")] // Mon, New Year
    [InlineData("2023-01-23")] // Mon, Spring Festival
    [InlineData("2023-01-27")] // Fri, Spring Festival
    [InlineData("2023-04-05")] // Wed, Qingming
    [InlineData("2023-05-03")] // Wed, Labour Day
    [InlineData("2023-06-22")] // Thu, Dragon Boat
    [InlineData("2023-09-29")] // Fri, Mid-Autumn
    [InlineData("2023-10-06")] // Fri, National Day
    [InlineData("2024-01-01")] // Mon
    [InlineData("2024-02-14")] // Wed
    [InlineData("2024-04-04")] // Thu
    [InlineData("2024-05-01")] // Wed
    [InlineData("2024-06-10")] // Mon
    [InlineData("2024-09-17")] // Tue
    [InlineData("2024-10-07")] // Mon
    [InlineData("2025-01-01")] // Wed
    [InlineData("2025-01-28")] // Tue
    [InlineData("2025-02-04")] // Tue
    [InlineData("2025-04-04")] // Fri
    [InlineData("2025-05-05")] // Mon
    [InlineData("2025-06-02")] // Mon
    [InlineData("2025-10-08")] // Wed
    [InlineData("2026-01-02")] // Fri
    [InlineData("2026-02-23")] // Mon
    [InlineData("2026-04-06")] // Mon
    [InlineData("2026-05-05")] // Tue
    [InlineData("2026-06-19")] // Fri
    [InlineData("2026-09-25")] // Fri
    [InlineData("2026-10-07")] // Wed
    public void Holiday_on_a_weekday_is_not_a_working_day(string date)
    {
        var day = D(date);
        Assert.False(IsWeekend(day), $"{date} 应为周一至周五（表格本身有误）");
        Assert.False(Seeded.Value.IsWorkingDay(day));
    }

    [Theory]
    [InlineData("2021-02-07")] // Sun, Spring Festival
    [InlineData("2021-02-20")] // Sat
    [InlineData("2021-04-25")] // Sun, Labour Day
    [InlineData("2021-05-08")] // Sat
    [InlineData("2021-09-18")] // Sat, Mid-Autumn
    [InlineData("2021-09-26")] // Sun, National Day
    [InlineData("2021-10-09")] // Sat
    [InlineData("2022-01-29")] // Sat, Spring Festival
    [InlineData("2022-01-30")] // Sun
    [InlineData("2022-04-02")] // Sat, Qingming
    [InlineData("2022-04-24")] // Sun, Labour Day
    [InlineData("2022-05-07")] // Sat
    [InlineData("2022-10-08")] // Sat, National Day
    [InlineData("2022-10-09")] // Sun
    [InlineData("2023-01-28")] // Sat
    [InlineData("2023-01-29")] // Sun
    [InlineData("2023-04-23")] // Sun
    [InlineData("2023-05-06")] // Sat
    [InlineData("2023-06-25")] // Sun
    [InlineData("2023-10-07")] // Sat
    [InlineData("2023-10-08")] // Sun
    [InlineData("2024-02-04")] // Sun
    [InlineData("2024-02-18")] // Sun
    [InlineData("2024-04-07")] // Sun
    [InlineData("2024-04-28")] // Sun
    [InlineData("2024-05-11")] // Sat
    [InlineData("2024-09-14")] // Sat
    [InlineData("2024-09-29")] // Sun
    [InlineData("2024-10-12")] // Sat
    [InlineData("2025-01-26")] // Sun
    [InlineData("2025-02-08")] // Sat
    [InlineData("2025-04-27")] // Sun
    [InlineData("2025-09-28")] // Sun
    [InlineData("2025-10-11")] // Sat
    [InlineData("2026-01-04")] // Sun
    [InlineData("2026-02-14")] // Sat
    [InlineData("2026-02-28")] // Sat
    [InlineData("2026-05-09")] // Sat
    [InlineData("2026-09-20")] // Sun
    [InlineData("2026-10-10")] // Sat
    public void Makeup_day_on_a_weekend_is_a_working_day(string date)
    {
        var day = D(date);
        Assert.True(IsWeekend(day), $"{date} 应为周六或周日（表格本身有误）");
        Assert.True(Seeded.Value.IsWorkingDay(day));
    }

    [Theory]
    [InlineData("2021-03-17", true)]  // Wed
    [InlineData("2021-02-10", true)]  // Wed, the day before the Spring Festival break
    [InlineData("2021-02-18", true)]  // Thu, the day after it
    [InlineData("2022-09-09", true)]  // Fri before Mid-Autumn
    [InlineData("2022-12-30", true)]  // Fri
    [InlineData("2021-02-13", false)] // Sat inside the Spring Festival break, not listed
    [InlineData("2021-02-14", false)] // Sun inside it
    [InlineData("2021-10-02", false)] // Sat inside the National Day break
    [InlineData("2022-01-01", false)] // Sat, New Year's Day itself
    [InlineData("2022-02-05", false)] // Sat inside the Spring Festival break
    [InlineData("2022-04-30", false)] // Sat inside the Labour Day break
    [InlineData("2022-12-31", false)] // Sat, the first day of the 2023 New Year break
    [InlineData("2023-03-15", true)]  // Wed
    [InlineData("2024-02-09", true)]  // Fri, New Year's Eve is not a day off in 2024
    [InlineData("2024-07-16", true)]  // Tue
    [InlineData("2025-07-16", true)]  // Wed
    [InlineData("2025-12-31", true)]  // Wed
    [InlineData("2026-11-18", true)]  // Wed
    [InlineData("2023-01-01", false)] // Sun, New Year's Day itself falls on a weekend
    [InlineData("2023-03-18", false)] // Sat
    [InlineData("2024-10-05", false)] // Sat inside the National Day break, not listed
    [InlineData("2025-03-09", false)] // Sun
    [InlineData("2026-02-21", false)] // Sat inside the Spring Festival break, not listed
    [InlineData("2026-12-27", false)] // Sun
    public void Ordinary_day_follows_the_week(string date, bool expected)
    {
        var day = D(date);
        Assert.Equal(expected, !IsWeekend(day));
        Assert.Equal(expected, Seeded.Value.IsWorkingDay(day));
    }

    [Fact]
    public void Seed_loads_exactly_2021_to_2026()
    {
        Assert.Equal(new[] { 2021, 2022, 2023, 2024, 2025, 2026 }, Seeded.Value.Years.Order());
        Assert.False(Seeded.Value.HasYear(2020));
        Assert.True(Seeded.Value.HasYear(2021));
        Assert.True(Seeded.Value.HasYear(2026));
        Assert.False(Seeded.Value.HasYear(2027));
    }

    // ---- AddWorkingDays -----------------------------------------------------------------------

    [Theory]
    [InlineData("2021-02-10", 1, "2021-02-18")] // Wed before Spring Festival 2021: 02-11..02-17 off
    [InlineData("2021-02-05", 1, "2021-02-07")] // Fri + 1 = makeup Sunday 02-07
    [InlineData("2021-09-30", 1, "2021-10-08")] // Thu: 10-01..10-07 off
    [InlineData("2021-09-30", 2, "2021-10-09")] // … then the makeup Saturday
    [InlineData("2022-01-28", 1, "2022-01-29")] // Fri + 1 = makeup Saturday 01-29
    [InlineData("2022-01-28", 3, "2022-02-07")] // 01-29, 01-30 makeup, 01-31..02-04 off, then Monday
    [InlineData("2021-12-31", 1, "2022-01-04")] // Fri across the year: 2022-01-03 Mon off
    [InlineData("2022-12-30", 1, "2023-01-03")] // Fri across the year: 2023-01-02 Mon off
    [InlineData("2023-03-13", 1, "2023-03-14")] // Mon + 1 = Tue: the start day is not counted
    [InlineData("2023-03-13", 5, "2023-03-20")] // Mon + 5 = next Mon
    [InlineData("2023-03-17", 1, "2023-03-20")] // Fri + 1 skips the weekend
    [InlineData("2023-03-17", 3, "2023-03-22")] // Fri + 3 = Wed
    [InlineData("2023-09-28", 1, "2023-10-07")] // Thu + 1: 09-29..10-06 off, 10-07 is a makeup Saturday
    [InlineData("2023-09-28", 2, "2023-10-08")] // … then the makeup Sunday
    [InlineData("2023-09-28", 3, "2023-10-09")] // … then Monday
    [InlineData("2023-01-20", 1, "2023-01-28")] // Fri before Spring Festival: 01-23..27 off, 01-28 makeup Sat
    [InlineData("2024-02-02", 1, "2024-02-04")] // Fri + 1 = makeup Sunday 02-04
    [InlineData("2024-02-08", 2, "2024-02-18")] // Thu: 02-09 Fri (1), 02-12..16 off, 02-18 makeup Sun (2)
    [InlineData("2024-04-26", 1, "2024-04-28")] // Fri + 1 = makeup Sunday 04-28
    [InlineData("2024-04-26", 2, "2024-04-29")] // … then Monday
    [InlineData("2025-01-26", 2, "2025-02-05")] // makeup Sun: 01-27 Mon (1), 01-28..02-04 off, 02-05 Wed (2)
    [InlineData("2025-04-30", 1, "2025-05-06")] // Wed: 05-01/02 off, weekend, 05-05 off
    [InlineData("2023-12-29", 1, "2024-01-02")] // Fri across the year: 2024-01-01 Mon off
    [InlineData("2024-12-31", 1, "2025-01-02")] // Tue across the year: 2025-01-01 Wed off
    [InlineData("2025-12-31", 1, "2026-01-04")] // Wed: 01-01/01-02 off, 01-03 Sat, 01-04 makeup Sun
    [InlineData("2025-12-31", 2, "2026-01-05")] // … then Monday
    [InlineData("2023-03-15", 0, "2023-03-15")] // 0 from a working day is that day
    [InlineData("2023-03-18", 0, "2023-03-20")] // 0 from a Saturday is the next Monday
    [InlineData("2023-10-01", 0, "2023-10-07")] // 0 from inside the National Day break
    [InlineData("2024-02-10", 0, "2024-02-18")] // 0 from inside the Spring Festival break
    [InlineData("2026-01-01", 0, "2026-01-04")] // 0 from New Year's Day 2026
    public void AddWorkingDays_ends_on_the_nth_working_day_after_the_start(string start, int days, string expected)
    {
        var end = Seeded.Value.AddWorkingDays(D(start), days);

        Assert.Equal(D(expected), end);
        Assert.True(Seeded.Value.IsWorkingDay(end));
        if (days > 0) Assert.Equal(days, Seeded.Value.CountWorkingDays(D(start), end));
    }

    /// <summary>拿地 on a Friday → 不动产权证 +1 → 规划许可 +2 → 施工许可 +1 (the default permit parameters).</summary>
    [Theory]
    [InlineData("2021-02-05", "2021-02-07", "2021-02-09", "2021-02-10")] // 02-07 makeup Sun, then before the break
    [InlineData("2022-04-29", "2022-05-05", "2022-05-07", "2022-05-09")] // 04-30..05-04 break; 05-07 makeup Sat
    [InlineData("2023-03-17", "2023-03-20", "2023-03-22", "2023-03-23")] // plain weeks
    [InlineData("2024-02-09", "2024-02-18", "2024-02-20", "2024-02-21")] // into Spring Festival; 02-18 makeup Sun
    [InlineData("2024-09-27", "2024-09-29", "2024-10-08", "2024-10-09")] // 09-29 makeup Sun; 10-01..04, 10-07 off
    [InlineData("2025-09-26", "2025-09-28", "2025-09-30", "2025-10-09")] // 09-28 makeup Sun; 10-01..03, 10-06..08 off
    public void Land_to_construction_chain(string land, string certificate, string planning, string construction)
    {
        var calendar = Seeded.Value;
        Assert.Equal(DayOfWeek.Friday, D(land).DayOfWeek);

        var cert = calendar.AddWorkingDays(D(land), 1);
        var plan = calendar.AddWorkingDays(cert, 2);
        var build = calendar.AddWorkingDays(plan, 1);

        Assert.Equal(D(certificate), cert);
        Assert.Equal(D(planning), plan);
        Assert.Equal(D(construction), build);
    }

    [Fact]
    public void AddWorkingDays_rejects_a_negative_count() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Seeded.Value.AddWorkingDays(D("2024-03-12"), -1));

    // ---- CountWorkingDays ---------------------------------------------------------------------

    [Theory]
    [InlineData("2023-03-13", "2023-03-14", 1)]  // Mon → Tue: the start is not counted
    [InlineData("2023-03-13", "2023-03-13", 0)]  // same day
    [InlineData("2023-03-18", "2023-03-18", 0)]  // same day, a Saturday
    [InlineData("2023-03-14", "2023-03-13", -1)] // reversed order is the negative
    [InlineData("2023-03-13", "2023-03-20", 5)]  // Mon → next Mon
    [InlineData("2023-03-17", "2023-03-19", 0)]  // Fri → Sun
    [InlineData("2023-01-20", "2023-01-31", 4)]  // Spring Festival 2023: 01-28, 01-29 makeup, 01-30, 01-31
    [InlineData("2023-01-31", "2023-01-20", -4)]
    [InlineData("2023-09-28", "2023-10-09", 3)]  // National Day 2023: 10-07, 10-08 makeup, 10-09
    [InlineData("2023-12-29", "2024-01-02", 1)]  // year boundary: 2024-01-01 off
    [InlineData("2025-12-29", "2026-01-09", 8)]  // 12-30, 12-31, 01-04 makeup, 01-05..01-09
    [InlineData("2026-01-09", "2025-12-29", -8)]
    [InlineData("2023-12-31", "2024-12-31", 251)] // all of 2024
    public void CountWorkingDays_counts_days_after_the_start_up_to_the_end(string from, string to, int expected) =>
        Assert.Equal(expected, Seeded.Value.CountWorkingDays(D(from), D(to)));

    // ---- Years without a calendar -------------------------------------------------------------

    [Theory]
    [InlineData("2027-01-04", 2027)]
    [InlineData("2027-06-01", 2027)]
    [InlineData("2020-12-30", 2020)]
    [InlineData("2020-06-01", 2020)]
    public void IsWorkingDay_in_a_year_without_a_calendar_throws(string date, int year) =>
        AssertMissing(year, () => Seeded.Value.IsWorkingDay(D(date)));

    [Theory]
    [InlineData("2026-12-31", 1, 2027)] // Thu: the next day is already 2027
    [InlineData("2026-12-30", 5, 2027)] // 12-31 counts, then 2027 is unknown
    [InlineData("2027-01-04", 0, 2027)]
    [InlineData("2020-12-30", 1, 2020)]
    public void AddWorkingDays_into_a_year_without_a_calendar_throws(string start, int days, int year) =>
        AssertMissing(year, () => Seeded.Value.AddWorkingDays(D(start), days));

    [Theory]
    [InlineData("2026-12-30", "2027-01-05", 2027)]
    [InlineData("2027-01-05", "2026-12-30", 2027)]
    [InlineData("2020-12-30", "2021-01-05", 2020)]
    public void CountWorkingDays_into_a_year_without_a_calendar_throws(string from, string to, int year) =>
        AssertMissing(year, () => Seeded.Value.CountWorkingDays(D(from), D(to)));

    // ---- The seed file against the official facts --------------------------------------------

    /// <summary>The official days off, written out here independently of seeds/system/calendar.json.</summary>
    private static readonly string[] OfficialOff =
    [
        "2021-01-01", "2021-02-11", "2021-02-12", "2021-02-15..2021-02-17", "2021-04-05", "2021-05-03..2021-05-05", "2021-06-14",
        "2021-09-20", "2021-09-21", "2021-10-01", "2021-10-04..2021-10-07",
        "2022-01-03", "2022-01-31..2022-02-04", "2022-04-04", "2022-04-05", "2022-05-02..2022-05-04", "2022-06-03", "2022-09-12",
        "2022-10-03..2022-10-07",
        "2023-01-02", "2023-01-23..2023-01-27", "2023-04-05", "2023-05-01..2023-05-03", "2023-06-22", "2023-06-23",
        "2023-09-29", "2023-10-02..2023-10-06",
        "2024-01-01", "2024-02-12..2024-02-16", "2024-04-04", "2024-04-05", "2024-05-01..2024-05-03", "2024-06-10",
        "2024-09-16", "2024-09-17", "2024-10-01..2024-10-04", "2024-10-07",
        "2025-01-01", "2025-01-28..2025-01-31", "2025-02-03", "2025-02-04", "2025-04-04", "2025-05-01", "2025-05-02",
        "2025-05-05", "2025-06-02", "2025-10-01..2025-10-03", "2025-10-06..2025-10-08",
        "2026-01-01", "2026-01-02", "2026-02-16..2026-02-20", "2026-02-23", "2026-04-06", "2026-05-01", "2026-05-04",
        "2026-05-05", "2026-06-19", "2026-09-25", "2026-10-01", "2026-10-02", "2026-10-05..2026-10-07",
    ];

    /// <summary>The official makeup workdays (调休上班), written out here independently of the seed file.</summary>
    private static readonly string[] OfficialMakeup =
    [
        "2021-02-07", "2021-02-20", "2021-04-25", "2021-05-08", "2021-09-18", "2021-09-26", "2021-10-09",
        "2022-01-29", "2022-01-30", "2022-04-02", "2022-04-24", "2022-05-07", "2022-10-08", "2022-10-09",
        "2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08",
        "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29", "2024-10-12",
        "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
        "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
    ];

    [Theory]
    [InlineData(2021)]
    [InlineData(2022)]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Every_day_of_a_loaded_year_follows_the_official_arrangement(int year)
    {
        var off = ExpandFacts(OfficialOff);
        var makeup = ExpandFacts(OfficialMakeup);
        var wrong = new List<string>();
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            var expected = makeup.Contains(day) || (!IsWeekend(day) && !off.Contains(day));
            if (Seeded.Value.IsWorkingDay(day) != expected)
                wrong.Add($"{Text(day)} 应为{(expected ? "工作日" : "休息日")}");
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public void Official_days_off_fall_on_weekdays_and_makeup_days_on_weekends()
    {
        Assert.Empty(ExpandFacts(OfficialOff).Where(IsWeekend).Select(Text));
        Assert.Empty(ExpandFacts(OfficialMakeup).Where(d => !IsWeekend(d)).Select(Text));
    }

    [Theory]
    [InlineData(2021, 250)]
    [InlineData(2022, 249)]
    [InlineData(2023, 249)]
    [InlineData(2024, 251)]
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    public void Working_days_in_a_year(int year, int expected)
    {
        var count = 0;
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
            if (Seeded.Value.IsWorkingDay(day)) count++;
        Assert.Equal(expected, count);
    }

    // ---- Helpers ------------------------------------------------------------------------------

    /// <summary>The calendar exactly as the seed steps store it (the days off, the weekend days of each break, the makeup days).</summary>
    private static WorkCalendar LoadFromSeed() =>
        OfficialCalendar.Build(OfficialCalendar.Read(new SeedFiles(Path.GetDirectoryName(Path.GetDirectoryName(FindSeed("calendar.json")))!)));

    /// <summary>Walks up from the test binaries (QiyangConsole.Tests/bin/Debug/net10.0/) to the folder holding seeds/system/.</summary>
    private static string FindSeed(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds", "system", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"seeds/system/{name} not found above {AppContext.BaseDirectory}");
    }

    private static HashSet<DateOnly> ExpandFacts(IEnumerable<string> specs)
    {
        var days = new HashSet<DateOnly>();
        foreach (var spec in specs)
        {
            var parts = spec.Split("..");
            var to = D(parts[^1]);
            for (var day = D(parts[0]); day <= to; day = day.AddDays(1)) days.Add(day);
        }
        return days;
    }

    private static void AssertMissing(int year, Func<object> act)
    {
        var ex = Assert.Throws<CalendarMissingException>(act);
        Assert.Equal(year, ex.Year);
        Assert.Contains($"{year}年的工作日历尚未载入", ex.Message);
    }

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    // ---- lookups agree with walking day by day ------------------------------------------------

    /// <summary>The definition, walked day by day: what the calendar's lookups must answer.</summary>
    private static DateOnly WalkAdd(WorkCalendar c, DateOnly start, int n)
    {
        var day = start;
        for (var counted = 0; counted < n;) { day = day.AddDays(1); if (c.IsWorkingDay(day)) counted++; }
        while (n == 0 && !c.IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    private static int WalkCount(WorkCalendar c, DateOnly from, DateOnly to)
    {
        if (to < from) return -WalkCount(c, to, from);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1)) if (c.IsWorkingDay(day)) count++;
        return count;
    }

    private static string Outcome(Func<object> f)
    {
        try { return f().ToString()!; }
        catch (CalendarMissingException e) { return $"missing {e.Year}"; }
    }

    [Fact]
    public void Adding_and_counting_working_days_answer_as_walking_would_across_years_gaps_and_edges()
    {
        // 2021–2024 and 2026 loaded, 2025 missing: limits that cross the gap must still name it.
        var seeded = Seeded.Value;
        var days = seeded.Years.Where(y => y != 2025).SelectMany(y => Enumerable.Range(0, 366).Select(d => new DateOnly(y, 1, 1).AddDays(d)).Where(d => d.Year == y))
            .Select(d => new KeyValuePair<DateOnly, bool>(d, seeded.IsWorkingDay(d))).ToList();
        var gapped = new WorkCalendar([2023, 2024, 2026], days);
        var random = new Random(5);
        var first = new DateOnly(2020, 12, 20);
        for (var i = 0; i < 20_000; i++)
        {
            var start = first.AddDays(random.Next(2250));
            var n = random.Next(0, 60);
            var to = start.AddDays(random.Next(-400, 400));
            foreach (var c in new[] { seeded, gapped })
            {
                Assert.Equal(Outcome(() => WalkAdd(c, start, n)), Outcome(() => c.AddWorkingDays(start, n)));
                Assert.Equal(Outcome(() => WalkCount(c, start, to)), Outcome(() => c.CountWorkingDays(start, to)));
            }
        }
    }

    [Fact]
    public void An_empty_calendar_names_the_year_it_lacks()
    {
        var empty = new WorkCalendar([], []);
        Assert.Equal(2024, Assert.Throws<CalendarMissingException>(() => empty.AddWorkingDays(new DateOnly(2024, 3, 1), 5)).Year);
        Assert.Equal(2024, Assert.Throws<CalendarMissingException>(() => empty.CountWorkingDays(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 9))).Year);
        Assert.Equal(0, empty.CountWorkingDays(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 1)));
    }
}
