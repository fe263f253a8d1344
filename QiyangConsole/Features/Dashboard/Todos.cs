using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace QiyangConsole.Features.Dashboard;

/// <summary>One thing the user has to act on: what to do (<see cref="Kind"/>), the record it is about and a link to it.</summary>
public sealed record TodoEntry(string Area, string Kind, string Title, string Link, DateOnly? Due, bool Overdue, string? Note = null);

/// <summary>All the user's to-dos of one kind: how many (and how many overdue), the list behind them and the first entries, overdue and soonest due first.</summary>
public sealed record TodoGroup(string Area, string Kind, int Count, int Overdue, string Link, IReadOnlyList<TodoEntry> Entries);

/// <summary>
/// Whose to-dos: the Office's, a liaison's unit's, a steward's (or agent's) own — each set only when the user holds that role.
/// Leaders, the read-only role and the three administrators act on none of these steps.
/// </summary>
public sealed record TodoScope(bool Office, int? UnitId, string? StewardId, string? UserId, DateOnly Today, int Take)
{
    public bool IsEmpty => !Office && UnitId is null && StewardId is null;
}

/// <summary>An area's contribution to 我的待办: the steps of its state machines waiting for this user, counted in SQL.</summary>
public interface ITodoSource
{
    int Order { get; }
    Task<IReadOnlyList<TodoGroup>> TodosAsync(TodoScope scope, CancellationToken ct);
}

/// <summary>The user's to-dos of every area: the groups in area order, the total and the first entries across areas.</summary>
public sealed record TodoList(IReadOnlyList<TodoGroup> Groups)
{
    public static readonly TodoList Empty = new([]);
    public int Total => Groups.Sum(g => g.Count);
    public int Overdue => Groups.Sum(g => g.Overdue);

    /// <summary>The most pressing entries across areas: overdue first, then the soonest due, undated last.</summary>
    public IReadOnlyList<TodoEntry> First(int n) => Ordered(Groups.SelectMany(g => g.Entries)).Take(n).ToList();

    public static IEnumerable<TodoEntry> Ordered(IEnumerable<TodoEntry> entries) =>
        entries.OrderByDescending(e => e.Overdue).ThenBy(e => e.Due is null).ThenBy(e => e.Due);
}

public static class Todo
{
    /// <summary>
    /// A group from a query of the records waiting: the count and the overdue count in SQL, then the first <see cref="TodoScope.Take"/>
    /// records in the order given; null when nothing waits.
    /// </summary>
    public static async Task<TodoGroup?> GroupAsync<T>(string area, string kind, string link, IQueryable<T> waiting, Expression<Func<T, bool>>? overdue,
        Func<IQueryable<T>, IQueryable<T>> order, Func<List<T>, IEnumerable<TodoEntry>> entries, int take, CancellationToken ct)
    {
        var count = await waiting.CountAsync(ct);
        if (count == 0) return null;
        var late = overdue is null ? 0 : await waiting.CountAsync(overdue, ct);
        var first = take <= 0 ? [] : await order(waiting).Take(take).ToListAsync(ct);
        return new TodoGroup(area, kind, count, late, link, entries(first).ToList());
    }

    /// <summary>The groups that have something waiting.</summary>
    public static IReadOnlyList<TodoGroup> Some(params TodoGroup?[] groups) => groups.OfType<TodoGroup>().ToList();
}
