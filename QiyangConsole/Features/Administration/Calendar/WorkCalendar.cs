namespace QiyangConsole.Features.Administration.Calendar;

public sealed class CalendarMissingException(int year)
    : InvalidOperationException($"{year}年的工作日历尚未载入，无法计算工作日，请在“系统管理 → 工作日历”中维护该年安排")
{
    public int Year { get; } = year;
}

/// <summary>
/// The official working-day calendar: a day is a working day if it is a makeup workday, or
/// Monday–Friday and not an official day off. Only loaded years are answered.
/// Built once per change of the calendar, it keeps every loaded day's ordinal among working days,
/// so adding or counting working days is a lookup rather than a walk (the clocks call it per step, per record).
/// </summary>
public sealed class WorkCalendar
{
    private readonly HashSet<int> _years;
    private readonly Dictionary<DateOnly, bool> _exceptions;
    /// <summary>Day number of 1 January of the first loaded year.</summary>
    private readonly int _first;
    /// <summary>For each day from <see cref="_first"/> to the end of the last loaded year: working days up to and including it.</summary>
    private readonly int[] _upTo = [];
    /// <summary>The index (from <see cref="_first"/>) of the k-th working day, k from 0.</summary>
    private readonly int[] _workingDay = [];

    public WorkCalendar(IEnumerable<int> years, IEnumerable<KeyValuePair<DateOnly, bool>> exceptions)
    {
        _years = [.. years];
        _exceptions = new Dictionary<DateOnly, bool>(exceptions);
        if (_years.Count == 0) return;
        _first = new DateOnly(_years.Min(), 1, 1).DayNumber;
        _upTo = new int[new DateOnly(_years.Max(), 12, 31).DayNumber - _first + 1];
        var working = new List<int>(_upTo.Length);
        for (var i = 0; i < _upTo.Length; i++)
        {
            var day = DateOnly.FromDayNumber(_first + i);
            if (_years.Contains(day.Year) && Rule(day)) working.Add(i);
            _upTo[i] = working.Count;
        }
        _workingDay = [.. working];
    }

    public IReadOnlyCollection<int> Years => _years;

    public bool HasYear(int year) => _years.Contains(year);

    public bool IsWorkingDay(DateOnly date)
    {
        if (!_years.Contains(date.Year)) throw new CalendarMissingException(date.Year);
        return Rule(date);
    }

    private bool Rule(DateOnly date) =>
        _exceptions.TryGetValue(date, out var isWorkday) ? isWorkday : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>Whether every year from <paramref name="from"/> to <paramref name="to"/> is loaded (so a lookup answers as a walk would).</summary>
    private bool Loaded(DateOnly from, DateOnly to)
    {
        for (var y = from.Year; y <= to.Year; y++)
            if (!_years.Contains(y)) return false;
        return true;
    }

    /// <summary>
    /// The day a limit of <paramref name="workingDays"/> working days ends when it starts on
    /// <paramref name="start"/>: the start day is not counted, and a limit always ends on a working day.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var s = start.DayNumber - _first;
        if (workingDays > 0 && s >= 0 && s < _upTo.Length)
        {
            var k = _upTo[s] + workingDays - 1;
            if (k < _workingDay.Length)
            {
                var end = DateOnly.FromDayNumber(_first + _workingDay[k]);
                if (Loaded(start.AddDays(1), end)) return end;
            }
        }
        // Outside the loaded years, or across a missing one: walk, which names the missing year.
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
        int f = from.DayNumber - _first, t = to.DayNumber - _first;
        if (f >= 0 && t < _upTo.Length && to > from && Loaded(from.AddDays(1), to)) return _upTo[t] - _upTo[f];
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (IsWorkingDay(day)) count++;
        return count;
    }
}
