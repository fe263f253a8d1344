using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Administration;

/// <summary>In-console reminders (提醒) for a unit, a role or a user; jobs create them idempotently by key.</summary>
public sealed class ReminderService(IDbContextFactory<AppDbContext> factory, CurrentUser user, FigureCache figures, TimeProvider clock)
{
    /// <summary>
    /// The user's latest unread reminders. Every page asks (the bell in the bar, and the overview lists them): they are
    /// kept a short time per user (<see cref="FigureCache"/>), and any save on this instance, a reminder marked read
    /// or one a job added, has them read afresh. The list returned is the caller's own to change.
    /// </summary>
    public async Task<List<Reminder>> MineAsync(int take = 20)
    {
        var roles = string.Join(',', AppRoles.All.Where(user.IsInRole));
        var kept = await figures.GetAsync<IReadOnlyList<Reminder>>($"reminders:{user.UserId}:{user.UnitId}:{roles}:{take}", async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            return await Unread(db).AsNoTracking().OrderByDescending(r => r.Id).Take(take).ToListAsync();
        });
        return [.. kept];
    }

    public async Task<int> UnreadCountAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await Unread(db).CountAsync();
    }

    /// <summary>Marks a reminder read for this user only; colleagues who share it still see it.</summary>
    public async Task MarkReadAsync(long id)
    {
        if (user.UserId is not { } userId) return;
        await using var db = await factory.CreateDbContextAsync();
        if (!await Unread(db).AnyAsync(r => r.Id == id)) return;
        db.ReminderReads.Add(new ReminderRead { ReminderId = id, UserId = userId, ReadAt = clock.UtcNow() });
        await db.SaveOrConflictAsync();
    }

    private IQueryable<Reminder> Unread(AppDbContext db)
    {
        var userId = user.UserId ?? "";
        return Mine(db).Where(r => !db.ReminderReads.Any(x => x.ReminderId == r.Id && x.UserId == userId));
    }

    /// <summary>Adds a keyed reminder (the jobs' once-per-key reminders) unless one with the same key exists; returns whether it was added.</summary>
    public static async Task<bool> AddOnceAsync(AppDbContext db, Reminder reminder, DateTime now)
    {
        var key = reminder.DedupKey ?? throw new ArgumentException("A reminder added once needs its key; use Notify for a one-off event.", nameof(reminder));
        if (db.Reminders.Local.Any(r => r.DedupKey == key) || await db.Reminders.AnyAsync(r => r.DedupKey == key)) return false;
        reminder.CreatedAt = now;
        db.Reminders.Add(reminder);
        return true;
    }

    public Task<bool> AddOnceAsync(AppDbContext db, Reminder reminder) => AddOnceAsync(db, reminder, clock.UtcNow());

    /// <summary>Adds a reminder of an event (催办, 销号待审核, 新交办…): a fresh one each time, without a key (the unique index admits any number of nulls).</summary>
    public static void Notify(AppDbContext db, Reminder reminder, DateTime now)
    {
        reminder.DedupKey = null;
        reminder.CreatedAt = now;
        db.Reminders.Add(reminder);
    }

    private IQueryable<Reminder> Mine(AppDbContext db)
    {
        var roles = AppRoles.All.Where(user.IsInRole).ToList();
        var unitId = user.UnitId;
        var userId = user.UserId;
        return db.Reminders.Where(r => (r.UserId != null && r.UserId == userId)
            || (r.UnitId != null && r.UnitId == unitId && r.Role == null)
            || (r.Role != null && roles.Contains(r.Role) && (r.UnitId == null || r.UnitId == unitId)));
    }
}
