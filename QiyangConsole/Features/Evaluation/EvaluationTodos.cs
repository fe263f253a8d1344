using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Dashboard;

namespace QiyangConsole.Features.Evaluation;

/// <summary>
/// The Office's monthly cycle (<see cref="Rules.PeriodStates"/>: 录入中 → 已审核 → 已排名 → 已通报): each month already over
/// whose circular is not yet issued waits for its next step — review the scores, rank, issue the circular. No rule sets a
/// date for these steps, so they carry none.
/// </summary>
public sealed class EvaluationTodos(IDbContextFactory<AppDbContext> factory) : ITodoSource
{
    public const string Area = "考核排名";
    public int Order => 50;

    public static string Step(PeriodState state) => state switch
    {
        PeriodState.Open => "月度评分待审核",
        PeriodState.Reviewed => "月度考核待排名",
        _ => "考核通报待签发",
    };

    public async Task<IReadOnlyList<TodoGroup>> TodosAsync(TodoScope scope, CancellationToken ct)
    {
        if (!scope.Office) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var (year, month) = (scope.Today.Year, scope.Today.Month);
        var ended = db.EvaluationPeriods.AsNoTracking().Where(p => p.State != PeriodState.Issued && (p.Year < year || (p.Year == year && p.Month < month)));
        var groups = new List<TodoGroup?>();
        foreach (var state in new[] { PeriodState.Open, PeriodState.Reviewed, PeriodState.Ranked })
            groups.Add(await Todo.GroupAsync(Area, Step(state), "/evaluation", ended.Where(p => p.State == state), null,
                q => q.OrderBy(p => p.Year).ThenBy(p => p.Month),
                rows => rows.Select(p => new TodoEntry(Area, Step(state), $"{p.Year}年{p.Month}月", $"/evaluation/periods/{p.Id}", null, false)),
                scope.Take, ct));
        return Todo.Some([.. groups]);
    }
}
