using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Dashboard;

namespace QiyangConsole.Features.Projects;

/// <summary>个性需求 (按方抓药): the needs of projects and of enterprises assigned to the user's unit and not done, due on their deadline.</summary>
public sealed class ProjectTodos(IDbContextFactory<AppDbContext> factory) : ITodoSource
{
    public const string Area = "招商项目";
    public int Order => 10;

    public async Task<IReadOnlyList<TodoGroup>> TodosAsync(TodoScope scope, CancellationToken ct)
    {
        if (scope.UnitId is not { } unit) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = scope.Today;
        var needs = db.EnterpriseNeeds.AsNoTracking().Where(n => n.UnitId == unit && n.State != NeedState.Done);
        return Todo.Some(await Todo.GroupAsync(Area, "个性需求待办理", "/projects/needs", needs, n => n.Deadline < today,
            q => q.OrderBy(n => n.Deadline).ThenBy(n => n.Id).Include(n => n.Project).Include(n => n.Enterprise),
            rows => rows.Select(n => new TodoEntry(Area, "个性需求待办理", $"{n.Project?.Name ?? n.Enterprise?.Name}：{n.Description}", "/projects/needs",
                n.Deadline, n.Deadline < today, $"{n.Type} · {n.State.Name()}")),
            scope.Take, ct));
    }
}
