using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Administration.Calendar;

/// <summary>A day of the calendar page: <paramref name="IsException"/> when it differs from the Monday–Friday rule; <paramref name="Name"/> the holiday (or 调休上班) it belongs to.</summary>
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
        {
            var working = calendar.IsWorkingDay(d);
            list.Add(new CalendarDayView(d, working, working == OfficialCalendar.IsWeekend(d), names.GetValueOrDefault(d)));
        }
        return list;
    }

    /// <summary>The holidays' breaks that touch <paramref name="year"/>, whole even where they start in December before or end in January after.</summary>
    public async Task<List<HolidayBreak>> BreaksAsync(int year)
    {
        await using var db = await factory.CreateDbContextAsync();
        var (from, to) = (new DateOnly(year - 1, 12, 1), new DateOnly(year + 1, 1, 31));
        var days = await db.CalendarDays.Where(d => !d.IsWorkday && d.Name != null && d.Date >= from && d.Date <= to)
            .Select(d => new { d.Date, d.Name }).ToListAsync();
        return HolidayBreaks.Of(days.Select(d => (d.Date, d.Name!))).Where(b => b.From.Year <= year && b.To.Year >= year).ToList();
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
            // Back to the weekly rule: the exception goes; a weekend day of a break keeps its holiday's name.
            if (existing is not null && existing.IsWorkday != isWorkday) db.CalendarDays.Remove(existing);
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
        string.IsNullOrWhiteSpace(name) ? (isWorkday ? OfficialYear.MakeupName : OfficialYear.UnnamedOff) : name.Trim();
}

/// <summary>The one loaded calendar for the whole app (a singleton); null after an edit.</summary>
public sealed class CalendarCache
{
    private volatile WorkCalendar? _current;
    public WorkCalendar? Current { get => _current; set => _current = value; }
}
