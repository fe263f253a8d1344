using Microsoft.EntityFrameworkCore;

namespace QiyangConsole.Data;

/// <remarks>
/// The list pages' page of rows is read the same way (<c>AsSingleQuery</c>): their projections have no collections, the
/// SQL is the same, and on PostgreSQL EF then reads the 50 rows as they come rather than copying them into a buffer first.
/// </remarks>
public static class Streaming
{
    /// <summary>
    /// The rows of <paramref name="query"/> as the database sends them (exports), in one statement. The console's contexts
    /// default to split queries (collections loaded apart); EF reads every row of a split query into memory before the
    /// first on PostgreSQL (Npgsql has no multiple active result sets), which for the 500,000-visit export held the whole
    /// list (some 200 MB) instead of a row at a time. For projections without collections only: a collection here would
    /// repeat each row for each of its items.
    /// </summary>
    public static IAsyncEnumerable<T> AsStream<T>(this IQueryable<T> query) where T : class => query.AsSingleQuery().AsAsyncEnumerable();
}
