namespace QiyangConsole.Features.WorkItems.Rules;

/// <summary>An approved extension: its deadline is in force from the day it was approved.</summary>
public readonly record struct DeadlineChange(DateOnly ApprovedOn, DateOnly Deadline);

/// <summary>What an item's light over time depends on: the day it was registered, its deadline, its approved extensions, the day it was closed.</summary>
public sealed record ItemHistory(DateOnly RegisteredOn, DateOnly Deadline, DateOnly? ClosedOn, IReadOnlyList<DeadlineChange> Extensions);

/// <summary>One column of the chart: the open items by their light on <see cref="Day"/>, and those closed in the month up to that day.</summary>
public sealed record MonthLights(DateOnly Month, DateOnly? Day, int Red, int Yellow, int Green, int Closed);

/// <summary>
/// 红黄绿灯 over time, computed from the records rather than stored: the light is a function of the day, the deadline in
/// force that day (an approved extension counts from its approval) and whether the item was closed by then.
/// </summary>
public static class LightHistory
{
    /// <summary>The deadline in force on <paramref name="day"/>: that of the last extension approved by then, else the item's own.</summary>
    public static DateOnly DeadlineOn(ItemHistory item, DateOnly day)
    {
        var deadline = item.Deadline;
        var approvedOn = DateOnly.MinValue;
        foreach (var change in item.Extensions)
            if (change.ApprovedOn <= day && change.ApprovedOn >= approvedOn) (deadline, approvedOn) = (change.Deadline, change.ApprovedOn);
        return deadline;
    }

    /// <summary>The item's light at the end of <paramref name="day"/>: none before it was registered or once closed.</summary>
    public static WarningLight LightOn(ItemHistory item, DateOnly day, int yellowDays, Func<DateOnly, DateOnly, int> countWorkingDays) =>
        item.RegisteredOn > day ? WarningLight.None
        : WarningLights.OnCalendar(day, DeadlineOn(item, day), item.ClosedOn <= day, yellowDays, countWorkingDays);

    /// <summary>
    /// For each month from <paramref name="from"/> to <paramref name="to"/>: the lights of the items open at its end (or
    /// at <paramref name="to"/>, or <paramref name="today"/>, whichever comes first), and the items closed in the month
    /// within the period. A month that starts after today has no figures yet (<see cref="MonthLights.Day"/> is null).
    /// </summary>
    public static IReadOnlyList<MonthLights> ByMonth(IReadOnlyCollection<ItemHistory> items, DateOnly from, DateOnly to, DateOnly today,
        int yellowDays, Func<DateOnly, DateOnly, int> countWorkingDays)
    {
        var months = new List<MonthLights>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var first = month < from ? from : month;
            var day = Min(Min(month.AddMonths(1).AddDays(-1), to), today);
            if (day < first) { months.Add(new MonthLights(month, null, 0, 0, 0, 0)); continue; }
            int red = 0, yellow = 0, green = 0, closed = 0;
            foreach (var item in items)
            {
                if (item.ClosedOn is { } c && c >= first && c <= day) { closed++; continue; }
                switch (LightOn(item, day, yellowDays, countWorkingDays))
                {
                    case WarningLight.Red: red++; break;
                    case WarningLight.Yellow: yellow++; break;
                    case WarningLight.Green: green++; break;
                }
            }
            months.Add(new MonthLights(month, day, red, yellow, green, closed));
        }
        return months;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
