using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.WorkItems;

/// <summary>
/// Demo items dated relative to the first start (created N days ago, due in M days), so the board
/// shows green, yellow and red items whenever the console is first started.
/// </summary>
public sealed class WorkItemSeed(IConfiguration config, TimeProvider clock) : ISeedStep
{
    public string Name => "work-items/demo";
    public int Order => 40;
    public bool Enabled(IConfiguration _) => DemoMode.IsOn(config);

    private sealed record Row(string Title, string Source, Urgency Urgency, string LeadUnit, List<string> CoUnits, string Leader, int CreatedDaysAgo, int DeadlineInDays, WorkItemState State);

    public async Task RunAsync(AppDbContext db, SeedFiles files, CancellationToken ct)
    {
        var units = await db.Units.ToDictionaryAsync(u => u.Name, u => u.Id, ct);
        var years = await db.CalendarYears.Select(y => y.Year).ToListAsync(ct);
        var days = await db.CalendarDays.Select(d => new KeyValuePair<DateOnly, bool>(d.Date, d.IsWorkday)).ToListAsync(ct);
        var cal = new WorkCalendar(years, days);
        var yellowDays = int.TryParse(await db.Parameters.Where(p => p.Key == "warning.yellowDays").Select(p => p.Value).FirstOrDefaultAsync(ct), out var y) ? y : 3;
        var today = clock.Today();
        foreach (var row in files.Read<List<Row>>("work-items/items.json"))
        {
            var created = clock.UtcNow().AddDays(-row.CreatedDaysAgo);
            var item = new WorkItem
            {
                Title = row.Title, Source = row.Source, Urgency = row.Urgency, LeadUnitId = units[row.LeadUnit],
                CoUnits = WorkItemCoUnit.Of(row.CoUnits.Select(u => units[u])), ResponsibleLeader = row.Leader,
                Deadline = today.AddDays(row.DeadlineInDays), State = row.State, CreatedAt = created, LastUpdateAt = created,
                Percent = row.State switch { WorkItemState.Closed => 100, WorkItemState.CloseOutPending => 95, WorkItemState.InProgress => 40, _ => 0 },
                ClosedOn = row.State == WorkItemState.Closed ? today.AddDays(row.DeadlineInDays - 2) : null,
            };
            item.Light = WorkItemService.Light(item, today, cal, yellowDays);
            db.WorkItems.Add(item);
            await db.SaveChangesAsync(ct);
            var steps = new List<(UpdateKind Kind, string Text, int Day)> { (UpdateKind.Registered, $"立项：{row.Title}", 0) };
            if (row.State != WorkItemState.Registered) steps.Add((UpdateKind.Assigned, "交办至牵头单位", 0));
            if (row.State is not (WorkItemState.Registered or WorkItemState.Assigned)) { steps.Add((UpdateKind.Accepted, "责任单位已承办", 1)); steps.Add((UpdateKind.Progress, "已制定推进方案，明确责任人和时间节点", 5)); }
            if (row.State is WorkItemState.CloseOutPending or WorkItemState.Closed) steps.Add((UpdateKind.CloseOutSubmitted, "已按期办结，佐证材料已上传", row.CreatedDaysAgo / 2));
            if (row.State == WorkItemState.Closed) steps.Add((UpdateKind.Closed, "审核通过，予以销号", row.CreatedDaysAgo / 2 + 1));
            foreach (var (kind, text, day) in steps)
                db.WorkItemUpdates.Add(new WorkItemUpdate { WorkItemId = item.Id, Kind = kind, Text = text, At = created.AddDays(day), By = kind is UpdateKind.Accepted or UpdateKind.Progress or UpdateKind.CloseOutSubmitted ? "责任单位联络员" : "专班办公室", Percent = kind == UpdateKind.Progress ? 40 : null });
            await db.SaveChangesAsync(ct);
        }
    }
}
