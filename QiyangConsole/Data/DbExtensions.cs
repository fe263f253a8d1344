using Microsoft.EntityFrameworkCore;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Data;

public static class DbExtensions
{
    /// <summary>Saves, turning a lost race into the message users know: 数据已被他人修改，请刷新后重试.</summary>
    public static async Task SaveOrConflictAsync(this DbContext db, CancellationToken ct = default)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new DomainException(DomainException.Conflict); }
        // Two users creating the same row at once: the unique index refuses the second.
        catch (DbUpdateException ex) when (ex.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 })
        {
            throw new DomainException(DomainException.Conflict);
        }
    }

    /// <summary>Makes the save check the version the user saw, not the one just read.</summary>
    public static void ExpectVersion<T>(this DbContext db, T entity, int version) where T : class, IVersioned =>
        db.Entry(entity).Property(e => e.Version).OriginalValue = version;
}
