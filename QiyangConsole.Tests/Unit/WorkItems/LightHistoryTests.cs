using System.Globalization;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Features.WorkItems;
using QiyangConsole.Features.WorkItems.Rules;

namespace QiyangConsole.Tests.Unit.WorkItems;

/// <summary>
/// 红黄绿灯 over time from the records: the light at each month's end (or the period's end, or today), the deadline in force
/// then (an approved extension from its approval), items closed in the month, and a year without calendar.
/// Working days here are Monday to Friday, known for 2024 and before only.
/// </summary>
public sealed class LightHistoryTests
{
    private const int YellowDays = 3;
    private static readonly DateOnly Later = D("2025-12-31");

    private static ItemHistory Item(string registered, string deadline, string? closed = null, params (string ApprovedOn, string Deadline)[] extensions) =>
        new(D(registered), D(deadline), closed is null ? null : D(closed), extensions.Select(e => new DeadlineChange(D(e.ApprovedOn), D(e.Deadline))).ToList());

    private static string Lights(IReadOnlyList<MonthLights> months) =>
        string.Join(" ", months.Select(m => m.Day is null ? "-" : $"r{m.Red}y{m.Yellow}g{m.Green}c{m.Closed}"));

    private static IReadOnlyList<MonthLights> ByMonth(string from, string to, DateOnly today, params ItemHistory[] items) =>
        LightHistory.ByMonth(items, D(from), D(to), today, YellowDays, Weekdays);

    [Fact]
    public void At_each_months_end_green_then_yellow_then_red()
    {
        // Due Monday 2024-03-04: at 02-29 (Thu) two working days are left (03-01, 03-04): yellow; at 03-31 it is past: red.
        var months = ByMonth("2024-01-01", "2024-04-30", Later, Item("2024-01-10", "2024-03-04"));
        Assert.Equal(new DateOnly?[] { D("2024-01-31"), D("2024-02-29"), D("2024-03-31"), D("2024-04-30") }, months.Select(m => m.Day));
        Assert.Equal("r0y0g1c0 r0y1g0c0 r1y0g0c0 r1y0g0c0", Lights(months));
    }

    [Fact]
    public void An_item_counts_from_the_day_it_was_registered()
    {
        var months = ByMonth("2024-01-01", "2024-03-31", Later, Item("2024-02-29", "2024-06-28"), Item("2024-03-01", "2024-06-28"));
        Assert.Equal("r0y0g0c0 r0y0g1c0 r0y0g2c0", Lights(months));
    }

    [Fact]
    public void An_extension_counts_from_its_approval_not_before()
    {
        // Due 02-15: red at the end of February; the extension to 05-31 approved on 03-10 makes it green again from March.
        // An extension approved after the period changes nothing in it.
        var extended = Item("2024-01-02", "2024-02-15", null, ("2024-03-10", "2024-05-31"));
        var extendedLater = Item("2024-01-02", "2024-02-15", null, ("2024-06-03", "2024-09-30"));
        Assert.Equal("r0y0g1c0 r1y0g0c0 r0y0g1c0 r0y0g1c0", Lights(ByMonth("2024-01-01", "2024-04-30", Later, extended)));
        Assert.Equal("r0y0g1c0 r1y0g0c0 r1y0g0c0 r1y0g0c0", Lights(ByMonth("2024-01-01", "2024-04-30", Later, extendedLater)));
        Assert.Equal(D("2024-02-15"), LightHistory.DeadlineOn(extended, D("2024-03-09")));
        Assert.Equal(D("2024-05-31"), LightHistory.DeadlineOn(extended, D("2024-03-10")));
    }

    [Fact]
    public void The_latest_approved_extension_is_in_force_whatever_the_order_of_the_records()
    {
        var twice = Item("2024-01-02", "2024-02-15", null, ("2024-04-01", "2024-07-31"), ("2024-02-01", "2024-03-29"));
        Assert.Equal(D("2024-02-15"), LightHistory.DeadlineOn(twice, D("2024-01-31")));
        Assert.Equal(D("2024-03-29"), LightHistory.DeadlineOn(twice, D("2024-03-31")));
        Assert.Equal(D("2024-07-31"), LightHistory.DeadlineOn(twice, D("2024-04-30")));
    }

    [Fact]
    public void An_item_closed_in_a_month_counts_as_closed_in_it_and_has_no_light_after()
    {
        var months = ByMonth("2024-01-01", "2024-04-30", Later, Item("2024-01-02", "2024-03-29", "2024-03-20"), Item("2024-01-02", "2024-01-31", "2024-02-05"));
        // The second is due 01-31 and open at the end of January (its last day: yellow), closed late on 02-05.
        Assert.Equal("r0y1g1c0 r0y0g1c1 r0y0g0c1 r0y0g0c0", Lights(months));
        Assert.Equal(WarningLight.None, LightHistory.LightOn(Item("2024-01-02", "2024-03-29", "2024-03-20"), D("2024-03-20"), YellowDays, Weekdays));
        Assert.Equal(WarningLight.Green, LightHistory.LightOn(Item("2024-01-02", "2024-03-29", "2024-03-20"), D("2024-03-19"), YellowDays, Weekdays));
    }

    [Fact]
    public void The_current_month_is_counted_on_today_and_later_months_have_no_figures_yet()
    {
        // Today is 03-12: March as at today (closed on 03-11 counts, one due 03-14 is yellow); April has not begun.
        var months = ByMonth("2024-01-01", "2024-04-30", D("2024-03-12"), Item("2024-01-02", "2024-03-14"), Item("2024-01-02", "2024-06-28", "2024-03-11"));
        Assert.Equal(D("2024-03-12"), months[2].Day);
        Assert.Null(months[3].Day);
        Assert.Equal("r0y0g2c0 r0y0g2c0 r0y1g0c1 -", Lights(months));
    }

    [Fact]
    public void A_range_counts_from_its_first_day_to_its_last()
    {
        // 01-15 … 03-08: closed on 01-05 is before the range; March is counted on 03-08 (Fri), when 03-12 is two working days off.
        var months = ByMonth("2024-01-15", "2024-03-08", Later, Item("2024-01-02", "2024-03-12"), Item("2024-01-02", "2024-03-12", "2024-01-05"), Item("2024-01-02", "2024-03-12", "2024-01-15"));
        Assert.Equal(new DateOnly?[] { D("2024-01-31"), D("2024-02-29"), D("2024-03-08") }, months.Select(m => m.Day));
        Assert.Equal("r0y0g1c1 r0y0g1c0 r0y1g0c0", Lights(months));
    }

    [Fact]
    public void A_year_without_calendar_warns_rather_than_fails()
    {
        // The calendar ends with 2024. Due 2025-01-20: at 11-30 the working days left in 2024 exceed the window (green); at
        // 12-31 nothing is left (yellow); at 2025-01-31 it is past (red, no calendar needed). Due 2025-03-31: yellow in 2025.
        var months = ByMonth("2024-11-01", "2025-02-28", Later, Item("2024-10-08", "2025-01-20"), Item("2024-10-08", "2025-03-31"));
        Assert.Equal("r0y0g2c0 r0y2g0c0 r1y1g0c0 r1y1g0c0", Lights(months));
    }

    [Fact]
    public void Today_it_is_the_light_the_board_shows()
    {
        var item = Item("2024-01-02", "2024-02-15", null, ("2024-02-10", "2024-03-07"));
        foreach (var day in new[] { "2024-02-12", "2024-03-01", "2024-03-04", "2024-03-08" })
            Assert.Equal(WarningLights.OnCalendar(D(day), D("2024-03-07"), false, YellowDays, Weekdays), LightHistory.LightOn(item, D(day), YellowDays, Weekdays));
    }

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
