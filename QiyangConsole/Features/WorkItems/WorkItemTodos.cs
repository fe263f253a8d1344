using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Dashboard;

namespace QiyangConsole.Features.WorkItems;

/// <summary>
/// The supervision steps waiting (<see cref="Rules.WorkItemStates"/>): the lead unit accepts an assigned item (承办), reports
/// progress or asks to close one in progress, resubmits one returned; the Office assigns what is registered (交办), reviews
/// close-outs (审核销号) and decides extension requests. Due is the effective deadline; overdue once it has passed.
/// </summary>
public sealed class WorkItemTodos(IDbContextFactory<AppDbContext> factory) : ITodoSource
{
    public const string Area = "重点工作";
    public int Order => 20;

    public async Task<IReadOnlyList<TodoGroup>> TodosAsync(TodoScope scope, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = scope.Today;
        var items = db.WorkItems.AsNoTracking();
        var groups = new List<TodoGroup?>();

        Task<TodoGroup?> Items(string kind, IQueryable<WorkItem> waiting) => Todo.GroupAsync(Area, kind, "/work-items", waiting,
            i => (i.ExtendedDeadline ?? i.Deadline) < today,
            q => q.OrderBy(i => i.ExtendedDeadline ?? i.Deadline).ThenBy(i => i.Id),
            rows => rows.Select(i => Entry(kind, i, today)), scope.Take, ct);

        if (scope.UnitId is { } unit)
        {
            var mine = items.Where(i => i.LeadUnitId == unit);
            groups.Add(await Items("待承办", mine.Where(i => i.State == WorkItemState.Assigned)));
            groups.Add(await Items("待报送进展或申请销号", mine.Where(i => i.State == WorkItemState.InProgress)));
            groups.Add(await Items("销号被退回待重新提交", mine.Where(i => i.State == WorkItemState.Returned)));
        }
        if (scope.Office)
        {
            groups.Add(await Items("待交办", items.Where(i => i.State == WorkItemState.Registered)));
            groups.Add(await Items("销号待审核", items.Where(i => i.State == WorkItemState.CloseOutPending)));
            // IN (the pending requests): a few rows read first, then items by key, never a probe per item.
            var pending = items.Where(i => db.Extensions.Where(e => e.State == ExtensionState.Pending).Select(e => e.WorkItemId).Contains(i.Id));
            groups.Add(await Items("延期待审批", pending));
        }
        return Todo.Some([.. groups]);
    }

    private static TodoEntry Entry(string kind, WorkItem i, DateOnly today) =>
        new(Area, kind, i.Title, $"/work-items/{i.Id}", i.EffectiveDeadline, i.EffectiveDeadline < today,
            i.State is WorkItemState.InProgress or WorkItemState.Returned ? $"进度 {i.Percent}%" : null);
}
