using QiyangConsole.Features.Administration;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Dashboard;

/// <summary>
/// 我的待办: gathers each area's to-dos for the signed-in user. Kept per user for a short time and until anything is saved
/// (<see cref="FigureCache"/>), so the overview does not count them on every render and an action removes its to-do at once.
/// </summary>
public sealed class TodoService(IEnumerable<ITodoSource> sources, FigureCache cache, CurrentUser user, TimeProvider clock)
{
    /// <summary>Entries kept per kind for the overview's card.</summary>
    public const int CardTake = 5;
    /// <summary>Entries listed per kind on /todos; the group's link leads to the whole list.</summary>
    public const int PageTake = 100;

    public TodoScope Scope(int take) => new(
        user.IsInRole(AppRoles.Office),
        user.IsInRole(AppRoles.Unit) ? user.UnitId : null,
        user.IsInRole(AppRoles.Steward) ? user.UserId : null,
        user.UserId, clock.Today(), take);

    public Task<TodoList> MineAsync(int take = CardTake, CancellationToken ct = default)
    {
        var scope = Scope(take);
        if (scope.IsEmpty || !user.IsAuthenticated) return Task.FromResult(TodoList.Empty);
        return cache.GetAsync($"todos:{user.UserId}:{scope.Office}:{scope.UnitId}:{scope.StewardId}:{take}", async () =>
        {
            var groups = new List<TodoGroup>();
            foreach (var source in sources.OrderBy(s => s.Order)) groups.AddRange(await source.TodosAsync(scope, ct));
            return new TodoList(groups.AsReadOnly());
        });
    }
}
