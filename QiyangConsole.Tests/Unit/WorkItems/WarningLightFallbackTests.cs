using System.Globalization;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Features.WorkItems;
using QiyangConsole.Features.WorkItems.Rules;

namespace QiyangConsole.Tests.Unit.WorkItems;

/// <summary>
/// 红黄绿灯 when the deadline's year has no calendar: green only when the working days left in the last loaded year
/// already exceed the yellow window; otherwise yellow rather than guess. Working days here are Monday to Friday, calendar up to 2024.
/// </summary>
public sealed class WarningLightFallbackTests
{
    private const int YellowDays = 3;

    [Theory]
    // 2024-12-24 (Tue) → 12-31 (Tue): 5 working days left in 2024 > 3: green
    [InlineData("2024-12-24", "2025-01-20", WarningLight.Green)]
    // 2024-12-26 (Thu) → 12-31: 3 working days (27, 30, 31), not more than 3: yellow
    [InlineData("2024-12-26", "2025-01-20", WarningLight.Yellow)]
    // 2024-12-25 (Wed) → 12-31: 4 working days: green
    [InlineData("2024-12-25", "2025-01-20", WarningLight.Green)]
    // on the last day of the loaded year nothing is left: yellow
    [InlineData("2024-12-31", "2025-01-02", WarningLight.Yellow)]
    // today itself in the unloaded year: yellow
    [InlineData("2025-01-02", "2025-01-20", WarningLight.Yellow)]
    // past the deadline the calendar is not needed: red; closed: no light
    [InlineData("2025-01-21", "2025-01-20", WarningLight.Red)]
    // a deadline within the loaded calendar is lit as usual
    [InlineData("2024-12-02", "2024-12-31", WarningLight.Green)]
    [InlineData("2024-12-26", "2024-12-31", WarningLight.Yellow)]
    public void On_calendar(string today, string deadline, WarningLight expected) =>
        Assert.Equal(expected, WarningLights.OnCalendar(D(today), D(deadline), false, YellowDays, Weekdays));

    [Fact]
    public void Closed_has_no_light_even_without_a_calendar() =>
        Assert.Equal(WarningLight.None, WarningLights.OnCalendar(D("2025-01-02"), D("2025-01-20"), true, YellowDays, Weekdays));

    [Theory]
    [InlineData("2024-12-24", 2025, WarningLight.Green)]
    [InlineData("2024-12-26", 2025, WarningLight.Yellow)]
    [InlineData("2024-12-31", 2025, WarningLight.Yellow)]
    [InlineData("2025-03-01", 2025, WarningLight.Yellow)]
    public void When_calendar_missing(string today, int missingYear, WarningLight expected) =>
        Assert.Equal(expected, WarningLights.WhenCalendarMissing(D(today), missingYear, YellowDays, Weekdays));

    /// <summary>Monday to Friday, known for 2024 and before only (like a calendar with 2024 as its last loaded year).</summary>
    private static int Weekdays(DateOnly from, DateOnly to)
    {
        if (to < from) return -Weekdays(to, from);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (day.Year > 2024) throw new CalendarMissingException(day.Year);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) count++;
        }
        return count;
    }

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
