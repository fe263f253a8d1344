namespace QiyangConsole.Features.Administration.Calendar;

public sealed class CalendarMissingException(int year)
    : InvalidOperationException($"{year}年的工作日历尚未载入，无法计算工作日，请在“系统管理 → 工作日历”中维护该年安排")
{
    public int Year { get; } = year;
}

/// <summary>
/// The official working-day calendar: a day is a working day if it is a makeup workday, or
/// Monday–Friday and not an official day off. Only loaded years are answered.
/// </summary>
public sealed class WorkCalendar
{
    private readonly HashSet<int> _years;
    private readonly Dictionary<DateOnly, bool> _exceptions;

    public WorkCalendar(IEnumerable<int> years, IEnumerable<KeyValuePair<DateOnly, bool>> exceptions)
    {
        _years = [.. years];
        _exceptions = new Dictionary<DateOnly, bool>(exceptions);
    }

    public IReadOnlyCollection<int> Years => _years;

    public bool HasYear(int year) => _years.Contains(year);

    public bool IsWorkingDay(DateOnly date)
    {
        if (!_years.Contains(date.Year)) throw new CalendarMissingException(date.Year);
        if (_exceptions.TryGetValue(date, out var isWorkday)) return isWorkday;
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The day a limit of <paramref name="workingDays"/> working days ends when it starts on
    /// <paramref name="start"/>: the start day is not counted, and a limit always ends on a working day.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        while (workingDays == 0 && !IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        if (to < from) return -CountWorkingDays(to, from);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (IsWorkingDay(day)) count++;
        return count;
    }
}
