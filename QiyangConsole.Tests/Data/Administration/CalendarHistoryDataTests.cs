using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Administration;

/// <summary>
/// The calendar in the database: a new one gets every shipped year with its names; one made when only 2023–2026 were
/// shipped gains 2021 and 2022 and the holidays' names at its next start, and keeps what the Office changed.
/// </summary>
public class CalendarHistoryDataTests
{
    private static readonly SeedFiles Files = new(Seeds.Directory);

    [DbFact]
    public async Task A_new_database_holds_every_shipped_year_day_for_day()
    {
        await using var db = await Seeds.SeededAsync();
        await using var ctx = db.CreateDbContext();
        var shipped = OfficialCalendar.Read(Files);
        Assert.Equal(shipped.Select(y => (y.Year, (string?)y.Source)), (await ctx.CalendarYears.OrderBy(y => y.Year).ToListAsync()).Select(y => (y.Year, y.Source)));
        var expected = shipped.SelectMany(y => y.Days()).Select(d => (d.Date, d.IsWorkday, d.Name)).Order().ToList();
        var stored = (await ctx.CalendarDays.ToListAsync()).Select(d => (d.Date, d.IsWorkday, d.Name)).Order().ToList();
        Assert.Equal(expected, stored);
        Assert.Contains((new DateOnly(2021, 2, 13), false, "春节"), stored);
    }

    [DbFact]
    public async Task A_database_made_before_2021_and_2022_were_shipped_gains_them_and_keeps_the_offices_edits()
    {
        await using var db = await TestDb.CreateAsync();
        await ArrangeAsOfTheFirstCalendarAsync(db);
        await using (var ctx = db.CreateDbContext())
        {
            // The Office's edits since: a day off made a working day, a makeup Saturday made a rest day, a day renamed, a source.
            ctx.CalendarDays.Remove(await ctx.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2023, 10, 6)));
            ctx.CalendarDays.Remove(await ctx.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2024, 5, 11)));
            (await ctx.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2025, 5, 5))).Name = "五一假期（专班核定）";
            (await ctx.CalendarYears.SingleAsync(y => y.Year == 2026)).Source = "专班办公室核对";
            await ctx.SaveChangesAsync();
        }

        await Seeds.Runner(db, Seeds.Config()).RunAsync();

        await using var check = db.CreateDbContext();
        Assert.Equal([2021, 2022, 2023, 2024, 2025, 2026], await check.CalendarYears.OrderBy(y => y.Year).Select(y => y.Year).ToListAsync());
        Assert.Equal("专班办公室核对", (await check.CalendarYears.SingleAsync(y => y.Year == 2026)).Source);
        Assert.Contains("国办发明电〔2020〕27号", (await check.CalendarYears.SingleAsync(y => y.Year == 2021)).Source);
        var days = await check.CalendarDays.ToDictionaryAsync(d => d.Date);
        Assert.Equal("春节", days[new DateOnly(2021, 2, 13)].Name);
        Assert.Equal("元旦", days[new DateOnly(2022, 12, 31)].Name);
        Assert.Equal("中秋节、国庆节", days[new DateOnly(2023, 10, 2)].Name);   // renamed from the generic label
        Assert.Equal("中秋节、国庆节", days[new DateOnly(2023, 9, 30)].Name);   // a Saturday of the break, added
        Assert.Equal("五一假期（专班核定）", days[new DateOnly(2025, 5, 5)].Name);
        Assert.DoesNotContain(new DateOnly(2023, 10, 6), days.Keys);
        Assert.DoesNotContain(new DateOnly(2024, 5, 11), days.Keys);
        Assert.DoesNotContain(days.Values, d => d.Name == OfficialYear.UnnamedOff);

        db.SignIn("office", AppRoles.Office);
        var calendar = await db.Get<CalendarService>().GetAsync();
        Assert.True(calendar.IsWorkingDay(new DateOnly(2023, 10, 6)));    // the Office's working day stays one
        Assert.False(calendar.IsWorkingDay(new DateOnly(2024, 5, 11)));   // and its rest day a rest day
        Assert.False(calendar.IsWorkingDay(new DateOnly(2021, 2, 11)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2022, 1, 29)));

        // The step runs once by name; run by hand again it changes nothing.
        var count = days.Count;
        await using (var again = db.CreateDbContext()) await new CalendarHistorySeed().RunAsync(again, Files, default);
        await using var after = db.CreateDbContext();
        Assert.Equal(count, await after.CalendarDays.CountAsync());
    }

    [DbFact]
    public async Task The_calendar_page_service_gives_each_break_whole_across_the_year_end()
    {
        await using var db = await Seeds.SeededAsync();
        db.SignIn("office", AppRoles.Office);
        var service = db.Get<CalendarService>();

        var breaks = (await service.BreaksAsync(2023)).Select(b => (b.Name, b.From, b.To, b.Days)).ToList();

        Assert.Equal(
        [
            ("元旦", new DateOnly(2022, 12, 31), new DateOnly(2023, 1, 2), 3),
            ("春节", new DateOnly(2023, 1, 21), new DateOnly(2023, 1, 27), 7),
            ("清明节", new DateOnly(2023, 4, 5), new DateOnly(2023, 4, 5), 1),
            ("劳动节", new DateOnly(2023, 4, 29), new DateOnly(2023, 5, 3), 5),
            ("端午节", new DateOnly(2023, 6, 22), new DateOnly(2023, 6, 24), 3),
            ("中秋节、国庆节", new DateOnly(2023, 9, 29), new DateOnly(2023, 10, 6), 8),
            ("元旦", new DateOnly(2023, 12, 30), new DateOnly(2024, 1, 1), 3),
        ], breaks);
        var days = await service.YearAsync(2021);
        var saturday = days.Single(d => d.Date == new DateOnly(2021, 2, 13));
        Assert.Equal(("春节", false, false), (saturday.Name, saturday.IsWorkingDay, saturday.IsException));
        var makeup = days.Single(d => d.Date == new DateOnly(2021, 2, 7));
        Assert.Equal(("调休上班", true, true), (makeup.Name, makeup.IsWorkingDay, makeup.IsException));
    }

    /// <summary>The calendar as the first calendar step stored it: 2023–2026, days off under the generic label, and its seed record.</summary>
    private static async Task ArrangeAsOfTheFirstCalendarAsync(TestDb db)
    {
        await using var ctx = db.CreateDbContext();
        foreach (var y in OfficialCalendar.Read(Files).Where(y => y.Year >= 2023))
        {
            ctx.CalendarYears.Add(new CalendarYear { Year = y.Year, Source = y.Source });
            ctx.CalendarDays.AddRange(OfficialCalendar.Expand(y.Year, y.Off).Select(d => new CalendarDay { Date = d, IsWorkday = false, Name = OfficialYear.UnnamedOff }));
            ctx.CalendarDays.AddRange(OfficialCalendar.Expand(y.Year, y.Makeup).Select(d => new CalendarDay { Date = d, IsWorkday = true, Name = OfficialYear.MakeupName }));
        }
        ctx.SeedRecords.Add(new SeedRecord { Name = new CalendarSeed().Name, AppliedAt = DateTime.UtcNow });
        await ctx.SaveChangesAsync();
    }
}
