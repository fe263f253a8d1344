using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Administration.Calendar;

public sealed record CalendarDayView(DateOnly Date, bool IsWorkingDay, bool IsException, string? Name);

/// <summary>Loads the working-day calendar once and keeps it until the Office edits a day.</summary>
public sealed class CalendarService(IDbContextFactory<AppDbContext> factory, CalendarCache cache, CurrentUser user)
{
    public async Task<WorkCalendar> GetAsync(CancellationToken ct = default)
    {
        if (cache.Current is { } cached) return cached;
        await using var db = await factory.CreateDbContextAsync(ct);
        var years = await db.CalendarYears.Select(y => y.Year).ToListAsync(ct);
        var days = await db.CalendarDays.Select(d => new KeyValuePair<DateOnly, bool>(d.Date, d.IsWorkday)).ToListAsync(ct);
        return cache.Current = new WorkCalendar(years, days);
    }

    public async Task<List<CalendarYear>> YearsAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.CalendarYears.OrderBy(y => y.Year).ToListAsync();
    }

    public async Task<List<CalendarDayView>> YearAsync(int year)
    {
        var calendar = await GetAsync();
        if (!calendar.HasYear(year)) throw new DomainException(new CalendarMissingException(year).Message);
        await using var db = await factory.CreateDbContextAsync();
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var names = await db.CalendarDays.Where(d => d.Date >= from && d.Date <= to).ToDictionaryAsync(d => d.Date, d => d.Name);
        var list = new List<CalendarDayView>();
        for (var d = from; d <= to; d = d.AddDays(1))
            list.Add(new CalendarDayView(d, calendar.IsWorkingDay(d), names.ContainsKey(d), names.GetValueOrDefault(d)));
        return list;
    }

    /// <summary>Adds a year whose official notice the Office will enter day by day (weekends preset).</summary>
    public async Task AddYearAsync(int year, string? source)
    {
        user.Require(Access.CalendarKeepers);
        if (year is < 2000 or > 2100) throw new DomainException("年份应在 2000 至 2100 之间");
        await using var db = await factory.CreateDbContextAsync();
        if (await db.CalendarYears.AnyAsync(y => y.Year == year)) throw new DomainException($"{year}年的日历已存在");
        db.CalendarYears.Add(new CalendarYear { Year = year, Source = string.IsNullOrWhiteSpace(source) ? "专班办公室维护" : source.Trim() });
        await db.SaveChangesAsync();
        cache.Current = null;
    }

    /// <summary>Sets one day as a working day or a day off; a day equal to the Monday–Friday rule drops its exception.</summary>
    public async Task SetDayAsync(DateOnly date, bool isWorkday, string? name)
    {
        user.Require(Access.CalendarKeepers);
        await using var db = await factory.CreateDbContextAsync();
        if (!await db.CalendarYears.AnyAsync(y => y.Year == date.Year)) throw new DomainException(new CalendarMissingException(date.Year).Message);
        var isWeekday = date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        var existing = await db.CalendarDays.FindAsync(date);
        if (isWorkday == isWeekday)
        {
            if (existing is not null) db.CalendarDays.Remove(existing);
        }
        else if (existing is null)
            db.CalendarDays.Add(new CalendarDay { Date = date, IsWorkday = isWorkday, Name = Label(isWorkday, name) });
        else
        {
            existing.IsWorkday = isWorkday;
            existing.Name = Label(isWorkday, name);
        }
        await db.SaveChangesAsync();
        cache.Current = null;
    }

    private static string Label(bool isWorkday, string? name) =>
        string.IsNullOrWhiteSpace(name) ? (isWorkday ? "调休上班" : "法定节假日") : name.Trim();
}

/// <summary>The one loaded calendar for the whole app (a singleton); null after an edit.</summary>
public sealed class CalendarCache
{
    private volatile WorkCalendar? _current;
    public WorkCalendar? Current { get => _current; set => _current = value; }
}
