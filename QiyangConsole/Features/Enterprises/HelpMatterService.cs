using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Enterprises;

public sealed class HelpMatterInput
{
    public int? EnterpriseId { get; set; }
    public string? Name { get; set; }
    public HelpMode? Mode { get; set; }
    public string? AgentId { get; set; }
    public IEnumerable<int> WindowUnitIds { get; set; } = [];
    public DateOnly? AcceptedOn { get; set; }
    public DateOnly? PromisedOn { get; set; }
}

/// <summary>A help-matter list's filters; <see cref="FinishedFrom"/>–<see cref="FinishedTo"/> keeps the matters finished in those days.</summary>
public sealed record HelpMatterQuery(string? Text = null, HelpMode? Mode = null, HelpState? State = null, string? AgentId = null, int? EnterpriseId = null,
    DateOnly? FinishedFrom = null, DateOnly? FinishedTo = null);

public sealed record HelpMatterRow(int Id, int EnterpriseId, string Enterprise, string Name, HelpMode Mode, string Agent, HelpState State, DateOnly AcceptedOn,
    DateOnly? PromisedOn, DateOnly? FinishedOn, string? Result, IReadOnlyList<string> Windows, int Version, string AgentId = "");

public sealed record HelpCounts(int FinishedSince2022, IReadOnlyDictionary<(HelpMode, HelpState), int> ByModeAndState)
{
    public int Of(HelpMode? mode = null, HelpState? state = null) =>
        ByModeAndState.Where(kv => (mode is null || kv.Key.Item1 == mode) && (state is null || kv.Key.Item2 == state)).Sum(kv => kv.Value);
}

/// <summary>帮代办: 领办/导办/帮办/代办 matters under 1+1+N — one agent follows each matter through N approval windows.</summary>
public sealed class HelpMatterService(IDbContextFactory<AppDbContext> factory, CurrentUser user, TimeProvider clock)
{
    public static readonly DateOnly CountFrom = new(2022, 1, 1);

    /// <summary>Scope: a steward sees the matters it follows or those of its enterprises; a unit those where it is one of the windows.</summary>
    private IQueryable<HelpMatter> Scoped(AppDbContext db)
    {
        user.Require(Access.EnterpriseWork);
        var matters = db.HelpMatters.AsNoTracking();
        var reach = user.Reach;
        if (reach.WholeZone) return matters;
        var me = reach.Steward;
        var unit = reach.Unit;
        if (!reach.IsLiaison) return matters.Where(m => m.AgentId == me || m.Enterprise!.StewardId == me);
        if (!reach.IsSteward) return matters.Where(m => m.Windows.Any(w => w.UnitId == unit));
        return matters.Where(m => m.AgentId == me || m.Enterprise!.StewardId == me || m.Windows.Any(w => w.UnitId == unit));
    }

    public async Task<(List<HelpMatterRow> Rows, int Total)> ListAsync(HelpMatterQuery q, int skip, int take)
    {
        await using var db = await factory.CreateDbContextAsync();
        var matters = Scoped(db);
        if (!string.IsNullOrWhiteSpace(q.Text)) { var t = q.Text.Trim(); matters = matters.Where(m => m.Name.Contains(t) || m.Enterprise!.Name.Contains(t)); }
        if (q.Mode is { } mode) matters = matters.Where(m => m.Mode == mode);
        if (q.State is { } state) matters = matters.Where(m => m.State == state);
        if (!string.IsNullOrEmpty(q.AgentId)) matters = matters.Where(m => m.AgentId == q.AgentId);
        if (q.EnterpriseId is { } e) matters = matters.Where(m => m.EnterpriseId == e);
        if (q.FinishedFrom is { } ff) matters = matters.Where(m => m.FinishedOn >= ff);
        if (q.FinishedTo is { } ft) matters = matters.Where(m => m.FinishedOn <= ft);
        var total = await matters.CountAsync();
        var rows = await matters.OrderBy(m => m.State == HelpState.Finished).ThenByDescending(m => m.AcceptedOn).ThenByDescending(m => m.Id).Skip(skip).Take(take)
            .Select(m => new { m.Id, m.EnterpriseId, Enterprise = m.Enterprise!.Name, m.Name, m.Mode, Agent = m.Agent!.DisplayName, m.State, m.AcceptedOn, m.PromisedOn, m.FinishedOn, m.Result,
                Windows = m.Windows.Select(w => w.Unit!.Name).ToList(), m.Version, m.AgentId }).ToListAsync();
        return (rows.Select(m => new HelpMatterRow(m.Id, m.EnterpriseId, m.Enterprise, m.Name, m.Mode, m.Agent, m.State, m.AcceptedOn, m.PromisedOn, m.FinishedOn, m.Result, m.Windows, m.Version, m.AgentId)).ToList(), total);
    }

    public async Task<HelpCounts> CountsAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var matters = Scoped(db);
        var grouped = await matters.GroupBy(m => new { m.Mode, m.State }).Select(g => new { g.Key.Mode, g.Key.State, Count = g.Count() }).ToListAsync();
        // The source's "2022年以来办结代办事项180余件" counts 代办 (done on the enterprise's behalf), not all four modes.
        var since = await matters.CountAsync(m => m.Mode == HelpMode.Proxy && m.State == HelpState.Finished && m.FinishedOn >= CountFrom);
        return new HelpCounts(since, grouped.ToDictionary(g => (g.Mode, g.State), g => g.Count));
    }

    public async Task<int> CreateAsync(HelpMatterInput input)
    {
        user.Require(Access.OfficeOrSteward);
        var windows = input.WindowUnitIds.Distinct().ToList();
        var agentId = user.IsOffice ? input.AgentId : user.UserId;
        DomainException.ThrowIf(HelpMatterRules.CreateProblem(input.EnterpriseId, input.Name, input.Mode, windows.Count, input.AcceptedOn, input.PromisedOn, agentId, clock.Today()));
        var (enterpriseId, mode, accepted) = (input.EnterpriseId!.Value, input.Mode!.Value, input.AcceptedOn!.Value);
        await using var db = await factory.CreateDbContextAsync();
        var enterprise = await db.Enterprises.FindAsync(enterpriseId) ?? throw new DomainException("企业不存在");
        if (!user.IsOffice && enterprise.StewardId != user.UserId) throw new DomainException(EnterpriseService.NotYours);
        if (!await UserService.ActiveInRole(db, AppRoles.Steward, AppRoles.Office).AnyAsync(u => u.Id == agentId))
            throw new DomainException("帮代办人员应为在岗的企业管家或专班办公室人员");
        if (await db.Units.CountAsync(u => windows.Contains(u.Id) && u.IsActive) != windows.Count) throw new DomainException("所选审批窗口中有已停用或不存在的单位");
        var matter = new HelpMatter
        {
            EnterpriseId = enterpriseId, Name = input.Name!.Trim(), Mode = mode, AgentId = agentId!, AcceptedOn = accepted, PromisedOn = input.PromisedOn, State = HelpState.Accepted,
            Windows = windows.Select(u => new HelpMatterWindow { UnitId = u }).ToList(),
        };
        db.HelpMatters.Add(matter);
        await db.SaveChangesAsync();
        return matter.Id;
    }

    public Task StartAsync(int id, int version) => ActAsync(id, version, HelpAction.Start, null);

    public Task FinishAsync(int id, string? result, int version)
    {
        DomainException.ThrowIf(HelpMatterRules.FinishProblem(result));
        return ActAsync(id, version, HelpAction.Finish, result!.Trim());
    }

    private async Task ActAsync(int id, int version, HelpAction action, string? result)
    {
        user.Require(Access.OfficeOrSteward);
        await using var db = await factory.CreateDbContextAsync();
        var matter = await db.HelpMatters.FindAsync(id) ?? throw new DomainException("事项不存在");
        if (!user.IsOffice && matter.AgentId != user.UserId) throw new DomainException("只有全程跟踪该事项的帮代办人员可以办理");
        db.ExpectVersion(matter, version);
        try { matter.State = HelpMatters.Next(matter.State, action); }
        catch (InvalidOperationException ex) { throw new DomainException(ex.Message); }
        if (matter.State == HelpState.Finished)
        {
            matter.FinishedOn = clock.Today();
            matter.Result = result;
            await ReminderService.AddOnceAsync(db, new Reminder { Role = AppRoles.Office, Title = $"帮代办事项已办结，待回访：{matter.Name}", Link = "/callbacks", DedupKey = $"help-matter-finished-{matter.Id}" }, clock.UtcNow());
        }
        await db.SaveOrConflictAsync();
    }
}
