using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Enterprises;

/// <summary>
/// A steward's visits due, by the rules of the morning reminders (<see cref="StewardRemindersJob"/>): its enterprises not
/// visited for the parameter's days (<see cref="Stewarding"/>), and those whose latest visit set a next contact date that
/// has come; and the help matters (帮代办) its agent — a steward or the Office — follows that are not finished, due on the
/// date promised.
/// </summary>
public sealed class EnterpriseTodos(IDbContextFactory<AppDbContext> factory, SettingsService settings) : ITodoSource
{
    public const string Area = "企业管家";
    public int Order => 30;

    public async Task<IReadOnlyList<TodoGroup>> TodosAsync(TodoScope scope, CancellationToken ct)
    {
        var groups = new List<TodoGroup?>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = scope.Today;
        if (scope.StewardId is { } me)
        {
            var days = await settings.IntAsync("steward.visitOverdueDays", 30);
            var cutoff = Stewarding.OverdueBefore(today, days);
            var mine = db.Enterprises.AsNoTracking().Where(e => e.StewardId == me);
            var overdue = mine.NotVisitedSince(db, cutoff)
                .Select(e => new { e.Id, e.Name, Last = db.Visits.Where(v => v.EnterpriseId == e.Id).Max(v => (DateOnly?)v.VisitedOn) });
            groups.Add(await Todo.GroupAsync(Area, "超期未走访", "/enterprises?overdue=true", overdue, x => true,
                q => q.OrderBy(x => x.Last).ThenBy(x => x.Name),
                rows => rows.Select(x => new TodoEntry(Area, "超期未走访", x.Name, $"/visits/new?enterprise={x.Id}",
                    x.Last?.AddDays(days), true, x.Last is { } l ? $"超过 {days} 天未走访，上次 {AppTime.ListDate(l)}" : "从未走访")),
                scope.Take, ct));
            // Visited within the window (else counted above) and the latest visit's next contact date has come.
            var next = mine.Where(e => db.Visits.Where(v => v.VisitedOn >= cutoff).Select(v => v.EnterpriseId).Contains(e.Id))
                .Select(e => new { e.Id, e.Name, Next = db.Visits.Where(v => v.EnterpriseId == e.Id).OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id).Select(v => v.NextContactOn).FirstOrDefault() })
                .Where(x => x.Next != null && x.Next <= today);
            groups.Add(await Todo.GroupAsync(Area, "到期应联系", "/visits", next, x => x.Next < today,
                q => q.OrderBy(x => x.Next).ThenBy(x => x.Name),
                rows => rows.Select(x => new TodoEntry(Area, "到期应联系", x.Name, $"/visits/new?enterprise={x.Id}", x.Next, x.Next < today)),
                scope.Take, ct));
        }
        if ((scope.StewardId ?? (scope.Office ? scope.UserId : null)) is { } agent)
        {
            var matters = db.HelpMatters.AsNoTracking().Where(m => m.AgentId == agent && m.State != HelpState.Finished);
            groups.Add(await Todo.GroupAsync(Area, "帮代办办理中", "/help-matters", matters, m => m.PromisedOn < today,
                q => q.OrderBy(m => m.PromisedOn == null).ThenBy(m => m.PromisedOn).ThenBy(m => m.Id).Include(m => m.Enterprise),
                rows => rows.Select(m => new TodoEntry(Area, "帮代办办理中", $"{m.Enterprise!.Name}：{m.Name}", "/help-matters", m.PromisedOn, m.PromisedOn < today,
                    $"{m.Mode.Name()} · {m.State.Name()}")),
                scope.Take, ct));
        }
        return Todo.Some([.. groups]);
    }
}
