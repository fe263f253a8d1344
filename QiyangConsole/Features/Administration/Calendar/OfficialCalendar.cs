using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Data.Seeding;

namespace QiyangConsole.Features.Administration.Calendar;

/// <summary>A holiday's whole break as the notice gives it ("02-11..02-17"), weekend days inside it too.</summary>
public sealed record OfficialBreak(string Name, string Days);

/// <summary>
/// One year of the State Council's notice as seeds/system/calendar.json holds it: the weekdays off and the
/// weekend makeup days (the facts the clocks run on), and each holiday's break (the names the calendar shows).
/// A year's entry names only its own days: 2022-12-31 belongs to the 2023 New Year break but is listed under 2022.
/// </summary>
public sealed record OfficialYear(int Year, string Source, List<string> Off, List<string> Makeup, List<OfficialBreak>? Breaks = null)
{
    public const string MakeupName = "调休上班";
    public const string UnnamedOff = "法定节假日";

    /// <summary>The rows the calendar stores: each day off and each weekend day of a break under its holiday's name, each makeup day.</summary>
    public IEnumerable<CalendarDay> Days()
    {
        var names = Named();
        foreach (var d in OfficialCalendar.Expand(Year, Off))
            yield return new CalendarDay { Date = d, IsWorkday = false, Name = names.GetValueOrDefault(d, UnnamedOff) };
        var off = OfficialCalendar.Expand(Year, Off).ToHashSet();
        foreach (var (d, name) in names.Where(n => !off.Contains(n.Key) && OfficialCalendar.IsWeekend(n.Key)).OrderBy(n => n.Key))
            yield return new CalendarDay { Date = d, IsWorkday = false, Name = name };
        foreach (var d in OfficialCalendar.Expand(Year, Makeup))
            yield return new CalendarDay { Date = d, IsWorkday = true, Name = MakeupName };
    }

    /// <summary>Each day of a break with its holiday's name.</summary>
    public Dictionary<DateOnly, string> Named()
    {
        var names = new Dictionary<DateOnly, string>();
        foreach (var b in Breaks ?? [])
            foreach (var d in OfficialCalendar.Expand(Year, [b.Days])) names[d] = b.Name;
        return names;
    }

    /// <summary>Why the entry contradicts itself (a day off outside every break, a weekday in a break not off, a makeup day on a weekday), or null.</summary>
    public string? Problem()
    {
        var off = OfficialCalendar.Expand(Year, Off).ToHashSet();
        var makeup = OfficialCalendar.Expand(Year, Makeup).ToHashSet();
        var named = Named();
        foreach (var d in off.Order())
        {
            if (OfficialCalendar.IsWeekend(d)) return $"{Text(d)} 是周末，不应列为放假的工作日";
            if (Breaks is not null && !named.ContainsKey(d)) return $"{Text(d)} 放假但不在任何节日的假期内";
        }
        foreach (var d in makeup.Order())
        {
            if (!OfficialCalendar.IsWeekend(d)) return $"{Text(d)} 不是周末，不应列为调休上班";
            if (named.ContainsKey(d)) return $"{Text(d)} 既在{named[d]}假期内又是调休上班";
        }
        foreach (var d in named.Keys.Order())
            if (!OfficialCalendar.IsWeekend(d) && !off.Contains(d)) return $"{Text(d)} 在{named[d]}假期内但未列为放假";
        return null;
    }

    private static string Text(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The official arrangements shipped in seeds/system/calendar.json, and loading them into a database.</summary>
public static class OfficialCalendar
{
    public const string File = "system/calendar.json";

    public static List<OfficialYear> Read(SeedFiles files)
    {
        var years = files.Read<List<OfficialYear>>(File);
        foreach (var y in years)
            if (y.Problem() is { } problem) throw new InvalidDataException($"{File} 的 {y.Year} 年有误：{problem}");
        return years;
    }

    /// <summary>The calendar the official years give, as the app builds it from the database.</summary>
    public static WorkCalendar Build(IEnumerable<OfficialYear> years)
    {
        var list = years.ToList();
        return new WorkCalendar(list.Select(y => y.Year), list.SelectMany(y => y.Days()).Select(d => KeyValuePair.Create(d.Date, d.IsWorkday)));
    }

    /// <summary>Adds each official year the database lacks; a year already there (perhaps edited by the Office) is left as it is.</summary>
    public static async Task<List<int>> AddMissingYearsAsync(AppDbContext db, IEnumerable<OfficialYear> years, CancellationToken ct)
    {
        var loaded = await db.CalendarYears.Select(y => y.Year).ToListAsync(ct);
        var added = new List<int>();
        foreach (var year in years.Where(y => !loaded.Contains(y.Year)))
        {
            db.CalendarYears.Add(new CalendarYear { Year = year.Year, Source = year.Source });
            db.CalendarDays.AddRange(year.Days());
            added.Add(year.Year);
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>
    /// Names the days of years loaded before the breaks were shipped: a day off still under the generic label takes
    /// its holiday's name, a weekend day of a break gains a row. A day the Office turned into a working day keeps that.
    /// </summary>
    public static async Task NameDaysAsync(AppDbContext db, IEnumerable<OfficialYear> years, CancellationToken ct)
    {
        var loaded = await db.CalendarYears.Select(y => y.Year).ToListAsync(ct);
        foreach (var year in years.Where(y => loaded.Contains(y.Year)))
        {
            var named = year.Named();
            if (named.Count == 0) continue;
            var (from, to) = (named.Keys.Min(), named.Keys.Max());
            var rows = await db.CalendarDays.Where(d => d.Date >= from && d.Date <= to).ToDictionaryAsync(d => d.Date, ct);
            foreach (var (date, name) in named)
            {
                if (rows.TryGetValue(date, out var row))
                {
                    if (!row.IsWorkday && row.Name == OfficialYear.UnnamedOff) row.Name = name;
                }
                else if (IsWeekend(date)) db.CalendarDays.Add(new CalendarDay { Date = date, IsWorkday = false, Name = name });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>"05-01..05-03" is a range, "06-22" a single day, both within <paramref name="year"/>.</summary>
    public static IEnumerable<DateOnly> Expand(int year, IEnumerable<string> specs)
    {
        foreach (var spec in specs)
        {
            var parts = spec.Split("..");
            var from = DateOnly.ParseExact($"{year}-{parts[0]}", "yyyy-MM-dd");
            var to = parts.Length > 1 ? DateOnly.ParseExact($"{year}-{parts[1]}", "yyyy-MM-dd") : from;
            for (var d = from; d <= to; d = d.AddDays(1)) yield return d;
        }
    }

    public static bool IsWeekend(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
