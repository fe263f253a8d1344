namespace QiyangConsole.Features.Administration.Calendar;

/// <summary>A holiday's break: consecutive days off under one name, weekend days inside it too.</summary>
public sealed record HolidayBreak(string Name, DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;
}

public static class HolidayBreaks
{
    /// <summary>Runs of consecutive named days off with the same name, in date order.</summary>
    public static List<HolidayBreak> Of(IEnumerable<(DateOnly Date, string Name)> namedDaysOff)
    {
        var breaks = new List<HolidayBreak>();
        foreach (var (date, name) in namedDaysOff.OrderBy(d => d.Date))
        {
            if (breaks.Count > 0 && breaks[^1] is var last && last.Name == name && last.To.AddDays(1) == date)
                breaks[^1] = last with { To = date };
            else
                breaks.Add(new HolidayBreak(name, date, date));
        }
        return breaks;
    }
}
