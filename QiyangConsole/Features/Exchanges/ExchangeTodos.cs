using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Features.Exchanges.Rules;

namespace QiyangConsole.Features.Exchanges;

/// <summary>
/// The problem list's closed loop (<see cref="ProblemStates"/>) and the callbacks: a unit handles the problems assigned to it
/// (feedback or 办结; not those it asked to hand back, which wait for the Office) and rectifies its bad ratings; the Office
/// assigns registered problems, reassigns those handed back, calls back solved problems and finished help matters (the
/// callbacks page's 30 days), closes those called back and rated, rates finished rectifications again, and sees the overdue
/// problems escalated to the office's head (逐级管理).
/// </summary>
public sealed class ExchangeTodos(IDbContextFactory<AppDbContext> factory) : ITodoSource
{
    public const string Area = "政企交流";
    public const int HelpMatterCallbackDays = 30;
    public int Order => 40;

    public async Task<IReadOnlyList<TodoGroup>> TodosAsync(TodoScope scope, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = scope.Today;
        var problems = db.Problems.AsNoTracking();
        var open = problems.Where(p => p.State == ProblemState.Assigned || p.State == ProblemState.InProgress);
        var groups = new List<TodoGroup?>();

        Task<TodoGroup?> Problems(string kind, IQueryable<Problem> waiting, bool dated) => Todo.GroupAsync(Area, kind, "/exchanges/problems", waiting,
            dated ? p => p.Deadline < today : null,
            q => dated ? q.OrderBy(p => p.Deadline).ThenBy(p => p.Id) : q.OrderBy(p => p.RaisedOn).ThenBy(p => p.Id),
            rows => rows.Select(p => new TodoEntry(Area, kind, $"{p.EnterpriseName}：{p.Description}", $"/exchanges/problems/{p.Id}",
                dated ? p.Deadline : null, dated && p.Deadline < today, p.EscalationLevel > 0 ? $"已升级至{Escalation.LevelName(p.EscalationLevel)}" : null)),
            scope.Take, ct);

        Task<TodoGroup?> Rectifications(string kind, IQueryable<Rectification> rectifications, bool dated) => Todo.GroupAsync(Area, kind, "/callbacks",
            rectifications.Join(db.Callbacks, r => r.CallbackId, c => c.Id, (r, c) => new { r.Id, r.Deadline, c.Subject }),
            dated ? r => r.Deadline < today : null,
            q => q.OrderBy(r => r.Deadline).ThenBy(r => r.Id),
            rows => rows.Select(r => new TodoEntry(Area, kind, r.Subject, "/callbacks", dated ? r.Deadline : null, dated && r.Deadline < today)), scope.Take, ct);

        if (scope.UnitId is { } unit)
        {
            groups.Add(await Problems("待办理问题", open.Where(p => p.UnitId == unit && p.ReturnRequest == null), true));
            groups.Add(await Rectifications("差评待整改", db.Rectifications.AsNoTracking().Where(r => r.UnitId == unit && r.State == RectificationState.Open), true));
        }
        if (scope.Office)
        {
            groups.Add(await Problems("问题待分类交办", problems.Where(p => p.State == ProblemState.Registered), false));
            groups.Add(await Problems("申请退回待重新交办", open.Where(p => p.ReturnRequest != null), false));
            groups.Add(await Problems("超期升级至专班", open.Where(p => p.EscalationLevel >= 2 && p.ReturnRequest == null), true));
            groups.Add(await Problems("问题待回访", problems.Where(p => p.State == ProblemState.Resolved), false));
            // Closed once a bad rating is settled: the same condition as ProblemService.CloseAsync.
            groups.Add(await Problems("已回访待销号", problems.Where(p => p.State == ProblemState.CalledBack
                && !db.Rectifications.Any(r => db.Callbacks.Any(c => c.Id == r.CallbackId && c.ProblemId == p.Id) && (r.State == RectificationState.Open || !db.Callbacks.Any(c => c.RectificationId == r.Id)))), false));
            groups.Add(await Rectifications("整改完成待再次评价", db.Rectifications.AsNoTracking().Where(r => r.State == RectificationState.Done && !db.Callbacks.Any(c => c.RectificationId == r.Id)), false));
            var since = today.AddDays(-HelpMatterCallbackDays);
            groups.Add(await Todo.GroupAsync(Area, "帮代办待回访", "/callbacks",
                db.HelpMatters.AsNoTracking().Where(m => m.State == HelpState.Finished && m.FinishedOn >= since && !db.Callbacks.Any(c => c.HelpMatterId == m.Id)), null,
                q => q.OrderBy(m => m.FinishedOn).ThenBy(m => m.Id).Include(m => m.Enterprise),
                rows => rows.Select(m => new TodoEntry(Area, "帮代办待回访", $"{m.Enterprise!.Name}：{m.Name}", "/callbacks", null, false, $"办结于 {Infrastructure.AppTime.ListDate(m.FinishedOn)}")),
                scope.Take, ct));
        }
        return Todo.Some([.. groups]);
    }
}
