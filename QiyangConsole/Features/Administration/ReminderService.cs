using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Administration;

/// <summary>In-console reminders (提醒) for a unit, a role or a user; jobs create them idempotently by key.</summary>
public sealed class ReminderService(IDbContextFactory<AppDbContext> factory, CurrentUser user, TimeProvider clock)
{
    public async Task<List<Reminder>> MineAsync(int take = 20)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await Mine(db).Where(r => !r.IsRead).OrderByDescending(r => r.Id).Take(take).ToListAsync();
    }

    public async Task<int> UnreadCountAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await Mine(db).CountAsync(r => !r.IsRead);
    }

    public async Task MarkReadAsync(long id)
    {
        await using var db = await factory.CreateDbContextAsync();
        await Mine(db).Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsRead, true));
    }

    /// <summary>Adds a reminder unless one with the same key exists; returns whether it was added.</summary>
    public static async Task<bool> AddOnceAsync(AppDbContext db, Reminder reminder, DateTime now)
    {
        if (reminder.DedupKey is { } key && await db.Reminders.AnyAsync(r => r.DedupKey == key)) return false;
        reminder.CreatedAt = now;
        db.Reminders.Add(reminder);
        return true;
    }

    public Task<bool> AddOnceAsync(AppDbContext db, Reminder reminder) => AddOnceAsync(db, reminder, clock.UtcNow());

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
