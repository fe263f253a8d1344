using QiyangConsole.Data;

namespace QiyangConsole.Features.Administration.Calendar;

/// <summary>A year whose official arrangement is loaded; a year without one is never guessed.</summary>
public class CalendarYear : IVersioned
{
    public int Year { get; set; }
    public string? Source { get; set; }
    public int Version { get; set; }
}

/// <summary>A day that differs from the Monday–Friday rule: an official day off, or a makeup workday (调休上班).</summary>
public class CalendarDay : IVersioned
{
    public DateOnly Date { get; set; }
    public bool IsWorkday { get; set; }
    public string? Name { get; set; }
    public int Version { get; set; }
}
