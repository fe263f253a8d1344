using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Exchanges.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Exchanges;

public sealed record EventRow(ExchangeEvent Event, int Problems, int Solved);

public sealed record MonthNorm(int Month, int TeaMeetings, int ParkNights, int Weeks)
{
    /// <summary>早茶会 1–2 a month; 园区夜话 weekly.</summary>
    public bool TeaMeetingsMet => TeaMeetings >= 1;
    public bool ParkNightsMet => ParkNights >= Weeks;
}

/// <summary>政企交流早茶会 and 园区夜话, with the month's count against the norm.</summary>
public sealed class ExchangeService(IDbContextFactory<AppDbContext> factory, CurrentUser user)
{

    public async Task<List<EventRow>> EventsAsync(int year)
    {
        DomainException.ThrowIf(ExchangeEventRules.YearProblem(year));
        return await EventsAsync(Dashboard.Period.Year(year));
    }

    /// <summary>The events held in a period (the overview's figure links here with its period).</summary>
    public async Task<List<EventRow>> EventsAsync(Dashboard.Period period)
    {
        user.Require(Access.UnitWork);
        await using var db = await factory.CreateDbContextAsync();
        var (from, to) = (period.From, period.To);
        return await db.ExchangeEvents.AsNoTracking().Where(e => e.Date >= from && e.Date <= to).OrderByDescending(e => e.Date)
            .Select(e => new EventRow(e, db.Problems.Count(p => p.EventId == e.Id), db.Problems.Count(p => p.EventId == e.Id && p.State >= ProblemState.Resolved)))
            .ToListAsync();
    }

    public async Task<List<MonthNorm>> NormsAsync(int year)
    {
        var events = await EventsAsync(year);
        return Enumerable.Range(1, 12).Select(m =>
        {
            var days = DateTime.DaysInMonth(year, m);
            var mondays = Enumerable.Range(1, days).Count(d => new DateOnly(year, m, d).DayOfWeek == DayOfWeek.Monday);
            var inMonth = events.Where(e => e.Event.Date.Month == m).ToList();
            return new MonthNorm(m, inMonth.Count(e => e.Event.Kind == EventKind.TeaMeeting), inMonth.Count(e => e.Event.Kind == EventKind.ParkNight), mondays);
        }).ToList();
    }

    public async Task<int> SaveAsync(ExchangeEvent edit)
    {
        user.Require(Access.OfficeOnly);
        var place = edit.Place?.Trim() ?? "";
        DomainException.ThrowIf(ExchangeEventRules.Problem(place, edit.Date, edit.Kind, edit.Hosts, edit.Enterprises, edit.Minutes));
        await using var db = await factory.CreateDbContextAsync();
        var entity = edit.Id == 0 ? db.ExchangeEvents.Add(new ExchangeEvent { Place = place }).Entity
            : await db.ExchangeEvents.FindAsync(edit.Id) ?? throw new DomainException(DomainException.Conflict);
        if (edit.Id != 0) db.ExpectVersion(entity, edit.Version);
        entity.Kind = edit.Kind;
        entity.Date = edit.Date;
        entity.Place = place;
        entity.Hosts = edit.Hosts?.Trim();
        entity.Enterprises = edit.Enterprises?.Trim();
        entity.UnitIds = edit.UnitIds;
        entity.Minutes = edit.Minutes?.Trim();
        await db.SaveOrConflictAsync();
        return entity.Id;
    }
}
