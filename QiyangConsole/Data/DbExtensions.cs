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
        catch (DbUpdateException ex) when (IsConstraintViolation(ex.InnerException))
        {
            throw new DomainException(DomainException.Conflict);
        }
    }

    /// <summary>
    /// A row refused by a unique index or a foreign key: another user saved the same row first, or removed the one
    /// referred to. SQLite says SQLITE_CONSTRAINT (19); PostgreSQL says 23505 or 23503.
    /// </summary>
    public static bool IsConstraintViolation(Exception? ex) => ex is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 }
        or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation or Npgsql.PostgresErrorCodes.ForeignKeyViolation };

    /// <summary>Makes the save check the version the user saw, not the one just read.</summary>
    public static void ExpectVersion<T>(this DbContext db, T entity, int version) where T : class, IVersioned =>
        db.Entry(entity).Property(e => e.Version).OriginalValue = version;

    /// <summary>
    /// A step taken from a page that showed <paramref name="version"/> (null: no page, e.g. a job): refused at once when
    /// the entity has moved on since (before any rule answers about a state the user never saw); else the save writes
    /// the entity only if it is still at that version, and moves the version on even when the step changed none of its
    /// columns (a timeline entry alone), so that the next stale page is refused as well. That last check is the UPDATE's
    /// own WHERE, so it holds on any provider, not only under SQLite's one writer.
    /// </summary>
    public static void ActFromVersion<T>(this DbContext db, T entity, int? version) where T : class, IVersioned
    {
        if (version is not { } v) return;
        if (entity.Version != v) throw new DomainException(DomainException.Conflict);
        db.ExpectVersion(entity, v);
        db.Entry(entity).Property(e => e.Version).IsModified = true;
    }
}
