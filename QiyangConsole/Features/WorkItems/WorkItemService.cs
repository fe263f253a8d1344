using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Features.WorkItems.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;
using QiyangConsole.Infrastructure.Files;

namespace QiyangConsole.Features.WorkItems;

/// <summary>The board's filters; <see cref="DueFrom"/>–<see cref="DueTo"/> keeps the items whose (original) deadline falls in those days.</summary>
public sealed record BoardQuery(string? Text = null, int? UnitId = null, WarningLight? Light = null, WorkItemState? State = null, string? Source = null, bool MineOnly = false,
    DateOnly? DueFrom = null, DateOnly? DueTo = null);

public sealed record BoardRow(int Id, string Title, string Source, Urgency Urgency, string LeadUnit, string? ResponsibleLeader, DateOnly Deadline,
    DateOnly? ExtendedDeadline, WorkItemState State, WarningLight Light, int Percent, DateTime? LastUpdateAt, string? LastUpdate);

public sealed class WorkItemEdit
{
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? Source { get; set; }
    public Urgency Urgency { get; set; }
    public int? LeadUnitId { get; set; }
    public IEnumerable<int> CoUnitIds { get; set; } = [];
    public string? ResponsibleLeader { get; set; }
    public DateOnly? Deadline { get; set; }
    public int? ProjectId { get; set; }
}

public sealed record WorkItemDetail(WorkItem Item, List<string> CoUnits, List<WorkItemUpdate> Timeline, List<Extension> Extensions, bool CanActAsUnit, bool CanActAsOffice);

/// <summary>The supervision platform: registration, the unit's handling, extensions and close-out, each step on the timeline.</summary>
public sealed class WorkItemService(IDbContextFactory<AppDbContext> factory, CurrentUser user, CalendarService calendar,
    SettingsService settings, FileStore files, TimeProvider clock)
{
    public async Task<(List<BoardRow> Rows, int Total)> BoardAsync(BoardQuery q, int skip, int take)
    {
        await using var db = await factory.CreateDbContextAsync();
        var items = Filter(db, q);
        var total = await items.CountAsync();
        var rows = await Rows(db, Ordered(items).Skip(skip).Take(take)).ToListAsync();
        return (rows, total);
    }

    /// <summary>Every board row as filtered, read as it is written (exports).</summary>
    public async IAsyncEnumerable<BoardRow> StreamAsync(BoardQuery q, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await foreach (var row in Rows(db, Ordered(Filter(db, q))).AsAsyncEnumerable().WithCancellation(ct)) yield return row;
    }

    private static IQueryable<WorkItem> Ordered(IQueryable<WorkItem> items) => items.OrderByDescending(i => i.Light).ThenBy(i => i.Deadline).ThenBy(i => i.Id);

    private static IQueryable<BoardRow> Rows(AppDbContext db, IQueryable<WorkItem> items) =>
        items.Select(i => new BoardRow(i.Id, i.Title, i.Source, i.Urgency, i.LeadUnit!.Name, i.ResponsibleLeader, i.Deadline, i.ExtendedDeadline, i.State, i.Light, i.Percent, i.LastUpdateAt,
            db.WorkItemUpdates.Where(u => u.WorkItemId == i.Id && u.Kind == UpdateKind.Progress).OrderByDescending(u => u.Id).Select(u => u.Text).FirstOrDefault()));

    /// <summary>The board is public (实时公开): every role sees every item; "mine" narrows to the user's unit.</summary>
    internal IQueryable<WorkItem> Filter(AppDbContext db, BoardQuery q)
    {
        var items = db.WorkItems.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Text)) items = items.Where(i => i.Title.Contains(q.Text));
        if (q.UnitId is { } unit) items = items.Where(i => i.LeadUnitId == unit);
        if (q.MineOnly && user.UnitId is { } mine) items = items.Where(i => i.LeadUnitId == mine);
        if (q.Light is { } light) items = items.Where(i => i.Light == light);
        if (q.State is { } state) items = items.Where(i => i.State == state);
        if (!string.IsNullOrEmpty(q.Source)) items = items.Where(i => i.Source == q.Source);
        if (q.DueFrom is { } df) items = items.Where(i => i.Deadline >= df);
        if (q.DueTo is { } dt) items = items.Where(i => i.Deadline <= dt);
        return items;
    }

    public async Task<WorkItemDetail> DetailAsync(int id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var item = await db.WorkItems.AsNoTracking().Include(i => i.LeadUnit).Include(i => i.Project).FirstOrDefaultAsync(i => i.Id == id) ?? throw new DomainException("重点工作事项不存在");
        var coUnits = await db.Units.Where(u => db.WorkItemCoUnits.Any(c => c.WorkItemId == id && c.UnitId == u.Id)).OrderBy(u => u.Id).Select(u => u.Name).ToListAsync();
        var timeline = await db.WorkItemUpdates.AsNoTracking().Where(u => u.WorkItemId == id).OrderByDescending(u => u.Id).ToListAsync();
        var extensions = await db.Extensions.AsNoTracking().Where(e => e.WorkItemId == id).OrderByDescending(e => e.Id).ToListAsync();
        return new WorkItemDetail(item, coUnits, timeline, extensions,
            user.IsLiaisonOf(item.LeadUnitId), user.IsOffice);
    }

    /// <summary>Projects still being followed through, for linking an item to its project.</summary>
    public async Task<List<(int Id, string Name)>> ProjectChoicesAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await db.Projects.Where(p => p.Stage != Projects.ProjectStage.Terminated).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync())
            .Select(p => (p.Id, p.Name)).ToList();
    }

    public async Task<int> CreateAsync(WorkItemEdit edit)
    {
        user.Require(Access.OfficeOnly);
        var title = edit.Title?.Trim() ?? "";
        DomainException.ThrowIf(WorkItemChecks.CreateProblem(title, edit.Source, await settings.LabelsAsync("work-source"), edit.LeadUnitId, edit.Deadline, clock.Today(),
            edit.Urgency, edit.Description, edit.ResponsibleLeader));
        var (source, leadId, deadline) = (edit.Source!, edit.LeadUnitId!.Value, edit.Deadline!.Value);
        await using var db = await factory.CreateDbContextAsync();
        if (!await db.Units.AnyAsync(u => u.Id == leadId && u.IsActive)) throw new DomainException("牵头单位不存在或已停用");
        if (edit.ProjectId is { } projectId && !await db.Projects.AnyAsync(p => p.Id == projectId)) throw new DomainException("所属项目不存在");
        var coIds = edit.CoUnitIds.Where(id => id != leadId).Distinct().ToList();
        if (await db.Units.CountAsync(u => coIds.Contains(u.Id)) != coIds.Count) throw new DomainException("协办单位不存在");
        var item = new WorkItem
        {
            Title = title, Description = Blank(edit.Description), Source = source, Urgency = edit.Urgency, LeadUnitId = leadId,
            CoUnits = WorkItemCoUnit.Of(coIds), ResponsibleLeader = Blank(edit.ResponsibleLeader), Deadline = deadline, ProjectId = edit.ProjectId,
            State = WorkItemState.Registered, CreatedAt = clock.UtcNow(),
        };
        item.Light = await LightAsync(item);
        await using var tx = await db.Database.BeginTransactionAsync();
        db.WorkItems.Add(item);
        await db.SaveChangesAsync();
        Timeline(db, item, UpdateKind.Registered, $"立项：{title}，期限 {AppTime.ListDate(deadline)}");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return item.Id;
    }

    public Task AssignAsync(int id, int? version = null) => ActAsync(id, version, WorkAction.Assign, async (db, item) =>
    {
        Timeline(db, item, UpdateKind.Assigned, "交办至牵头单位");
        await ReminderService.AddOnceAsync(db, new Reminder { UnitId = item.LeadUnitId, Title = $"新交办重点工作：{item.Title}", Link = $"/work-items/{item.Id}", DedupKey = $"work-assigned-{item.Id}" }, clock.UtcNow());
    });

    public Task AcceptAsync(int id, int? version = null) => ActAsync(id, version, WorkAction.Accept, (db, item) =>
    {
        Timeline(db, item, UpdateKind.Accepted, "责任单位已承办");
        return Task.CompletedTask;
    });

    /// <summary>The attachment is received before the transaction (the upload may be slow) and removed if the step is not saved.</summary>
    public Task UpdateAsync(int id, string? text, int percent, Upload? attachment = null, int? version = null) => files.KeepAsync(attachment, UploadKind.Attachment, stored => ActAsync(id, version, WorkAction.Update, (db, item) =>
    {
        DomainException.ThrowIf(WorkItemChecks.UpdateProblem(text, percent));
        item.Percent = percent;
        var entry = Timeline(db, item, UpdateKind.Progress, text!.Trim());
        entry.Percent = percent;
        Attach(entry, attachment, stored);
        return Task.CompletedTask;
    }));

    public Task UrgeAsync(int id, string? text, int? version = null) => ActAsync(id, version, WorkAction.Urge, async (db, item) =>
    {
        DomainException.ThrowIf(WorkItemChecks.UrgeProblem(text));
        var message = string.IsNullOrWhiteSpace(text) ? "请加快办理进度" : text.Trim();
        Timeline(db, item, UpdateKind.Urged, $"催办：{message}");
        ReminderService.Notify(db, new Reminder { UnitId = item.LeadUnitId, Title = $"催办：{item.Title}（{message}）", Link = $"/work-items/{item.Id}" }, clock.UtcNow());
    });

    public Task SubmitCloseOutAsync(int id, string? evidence, Upload? attachment = null, int? version = null) => files.KeepAsync(attachment, UploadKind.Attachment, stored => ActAsync(id, version, WorkAction.SubmitCloseOut, (db, item) =>
    {
        DomainException.ThrowIf(WorkItemChecks.CloseOutProblem(evidence));
        var entry = Timeline(db, item, UpdateKind.CloseOutSubmitted, evidence!.Trim());
        Attach(entry, attachment, stored);
        ReminderService.Notify(db, new Reminder { Role = AppRoles.Office, Title = $"销号待审核：{item.Title}", Link = $"/work-items/{item.Id}" }, clock.UtcNow());
        return Task.CompletedTask;
    }));

    public Task ApproveCloseOutAsync(int id, int? version = null) => ActAsync(id, version, WorkAction.Approve, async (db, item) =>
    {
        item.ClosedOn = clock.Today();
        item.Percent = 100;
        Timeline(db, item, UpdateKind.Closed, "审核通过，予以销号");
        foreach (var pending in await db.Extensions.Where(e => e.WorkItemId == id && e.State == ExtensionState.Pending).ToListAsync())
        {
            pending.State = ExtensionState.Rejected;
            pending.DecidedBy = user.DisplayName;
            pending.DecidedAt = clock.UtcNow();
            pending.DecisionNote = "事项已销号";
        }
    });

    public Task ReturnCloseOutAsync(int id, string? reason, int? version = null) => ActAsync(id, version, WorkAction.Return, async (db, item) =>
    {
        DomainException.ThrowIf(WorkItemChecks.ReturnProblem(reason));
        Timeline(db, item, UpdateKind.Returned, $"审核退回：{reason!.Trim()}");
        ReminderService.Notify(db, new Reminder { UnitId = item.LeadUnitId, Title = $"销号被退回：{item.Title}", Link = $"/work-items/{item.Id}" }, clock.UtcNow());
    });

    /// <summary>延期申请: only before the effective deadline, to a later date, one at a time.</summary>
    public async Task RequestExtensionAsync(int id, DateOnly? newDeadline, string? reason, int? version = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var item = await db.WorkItems.FindAsync(id) ?? throw new DomainException("重点工作事项不存在");
        RequireLeadUnit(item);
        db.ActFromVersion(item, version);
        DomainException.ThrowIf(ExtensionRules.RequestProblem(item.State, clock.Today(), item.EffectiveDeadline, newDeadline, reason));
        var (date, why) = (newDeadline!.Value, reason!.Trim());
        if (await db.Extensions.AnyAsync(e => e.WorkItemId == id && e.State == ExtensionState.Pending)) throw new DomainException("已有待审批的延期申请");
        db.Extensions.Add(new Extension { WorkItemId = id, RequestedDeadline = date, Reason = why, RequestedBy = user.DisplayName, RequestedAt = clock.UtcNow() });
        Timeline(db, item, UpdateKind.ExtensionRequested, $"申请延期至 {AppTime.ListDate(date)}：{why}");
        ReminderService.Notify(db, new Reminder { Role = AppRoles.Office, Title = $"延期待审批：{item.Title}", Link = $"/work-items/{id}" }, clock.UtcNow());
        await db.SaveOrConflictAsync();
    }

    public async Task DecideExtensionAsync(int extensionId, bool approve, string? note, int? version = null)
    {
        user.Require(Access.OfficeOnly);
        await using var db = await factory.CreateDbContextAsync();
        var ext = await db.Extensions.FindAsync(extensionId) ?? throw new DomainException("延期申请不存在");
        DomainException.ThrowIf(ExtensionRules.DecisionProblem(ext.State, approve, note));
        var item = await db.WorkItems.FindAsync(ext.WorkItemId) ?? throw new DomainException("重点工作事项不存在");
        db.ActFromVersion(item, version);
        DomainException.ThrowIf(ExtensionRules.DecisionOnItemProblem(item.State));
        ext.State = approve ? ExtensionState.Approved : ExtensionState.Rejected;
        ext.DecidedBy = user.DisplayName;
        ext.DecidedAt = clock.UtcNow();
        ext.DecisionNote = Blank(note);
        if (approve) item.ExtendedDeadline = ext.RequestedDeadline;
        item.Light = await LightAsync(item);
        Timeline(db, item, approve ? UpdateKind.ExtensionApproved : UpdateKind.ExtensionRejected,
            approve ? $"同意延期至 {AppTime.ListDate(ext.RequestedDeadline)}" : $"驳回延期申请：{note!.Trim()}");
        await db.SaveOrConflictAsync();
    }

    public async Task<(string FileName, string Path)> AttachmentAsync(int updateId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var update = await db.WorkItemUpdates.FindAsync(updateId);
        if (update?.AttachmentPath is null) throw new DomainException("附件不存在");
        return (update.AttachmentName!, files.PathOf(update.AttachmentPath));
    }

    /// <summary>
    /// Runs one transition: rights, the version the page showed, state machine, the change, the light, the timeline,
    /// in one transaction.
    /// </summary>
    private async Task ActAsync(int id, int? version, WorkAction action, Func<AppDbContext, WorkItem, Task> change)
    {
        await using var db = await factory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var item = await db.WorkItems.FindAsync(id) ?? throw new DomainException("重点工作事项不存在");
        if (WorkItemStates.ByOffice(action)) user.Require(Access.OfficeOnly);
        else RequireLeadUnit(item);
        db.ActFromVersion(item, version);
        var (next, error) = WorkItemStates.Apply(item.State, action);
        DomainException.ThrowIf(error);
        item.State = next!.Value;
        await change(db, item);
        item.Light = await LightAsync(item);
        await db.SaveOrConflictAsync();
        await tx.CommitAsync();
    }

    private void RequireLeadUnit(WorkItem item)
    {
        if (!user.IsLiaisonOf(item.LeadUnitId)) throw new DomainException("只有牵头单位的联络员可以办理此事项");
    }

    private WorkItemUpdate Timeline(AppDbContext db, WorkItem item, UpdateKind kind, string text)
    {
        var entry = new WorkItemUpdate { WorkItemId = item.Id, Kind = kind, At = clock.UtcNow(), By = user.DisplayName, UnitName = user.UnitName, Text = text };
        db.WorkItemUpdates.Add(entry);
        item.LastUpdateAt = entry.At;
        return entry;
    }

    private static void Attach(WorkItemUpdate entry, Upload? attachment, string? stored)
    {
        if (attachment is null || stored is null) return;
        entry.AttachmentName = System.IO.Path.GetFileName(attachment.FileName);
        entry.AttachmentPath = stored;
    }

    internal async Task<WarningLight> LightAsync(WorkItem item) =>
        Light(item, clock.Today(), await calendar.GetAsync(), await settings.IntAsync("warning.yellowDays", 3));

    /// <summary>The light on the official calendar (see <see cref="WarningLights.OnCalendar"/>).</summary>
    internal static WarningLight Light(WorkItem item, DateOnly today, WorkCalendar cal, int yellowDays) =>
        WarningLights.OnCalendar(today, item.EffectiveDeadline, item.State == WorkItemState.Closed, yellowDays, cal.CountWorkingDays);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
