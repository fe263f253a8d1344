using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Features.Projects.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Projects;

public sealed record ProjectQuery(string? Text = null, ProjectStage? Stage = null, bool? Key = null, string? Industry = null, string? Region = null,
    string? InvestorType = null, string? LeaderId = null, int? LeadUnitId = null, bool OverdueOnly = false, string Sort = "signed",
    DateOnly? From = null, DateOnly? To = null, bool ByLanded = false);

public sealed record ProjectRow(int Id, string Name, string Investor, string Industry, string OriginRegion, decimal InvestmentWan, ProjectStage Stage,
    DateOnly? SignedOn, string Leader, string LeadUnit, int OverdueNodes, bool EnteredBeforeSigning)
{
    public bool IsKey => InvestmentWan >= Money.WanPerYi;
}

public sealed class ProjectEdit
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Investor { get; set; } = "";
    public string? Industry { get; set; }
    public string? OriginRegion { get; set; }
    public string? InvestorType { get; set; }
    public decimal InvestmentWan { get; set; }
    public DateOnly? NegotiatingOn { get; set; }
    public string? ContactLeaderId { get; set; }
    public int? LeadUnitId { get; set; }
    public string? TaskForceMembers { get; set; }
    public string? PlanText { get; set; }
    public int Version { get; set; }
}

public sealed record ProjectDetail(Project Project, List<PlanNode> Nodes, List<ProjectLog> Logs, List<ProjectChecklistItem> Checklist, List<EnterpriseNeed> Needs,
    IReadOnlyList<ClockStep> Clock, bool ClockAchieved);

/// <summary>项目库 and the five ones: register, stages, plan nodes, checklist, factor guarantee, needs, the land-to-construction clock.</summary>
public sealed class ProjectService(IDbContextFactory<AppDbContext> factory, CurrentUser user, CalendarService calendar, SettingsService settings, TimeProvider clock)
{

    public async Task<(List<ProjectRow> Rows, int Total)> ListAsync(ProjectQuery q, int skip, int take)
    {
        user.Require(Access.Overseers);
        await using var db = await factory.CreateDbContextAsync();
        var today = clock.Today();
        var projects = Filter(db, q, today);
        var total = await projects.CountAsync();
        var rows = await Rows(db, Sorted(projects, q.Sort).Skip(skip).Take(take), today).ToListAsync();
        return (rows, total);
    }

    /// <summary>Every project as filtered and sorted, read as it is written (exports).</summary>
    public async IAsyncEnumerable<ProjectRow> StreamAsync(ProjectQuery q, [EnumeratorCancellation] CancellationToken ct = default)
    {
        user.Require(Access.Overseers);
        await using var db = await factory.CreateDbContextAsync(ct);
        var today = clock.Today();
        await foreach (var row in Rows(db, Sorted(Filter(db, q, today), q.Sort), today).AsAsyncEnumerable().WithCancellation(ct)) yield return row;
    }

    private static IQueryable<Project> Sorted(IQueryable<Project> projects, string sort) => sort switch
    {
        "investment" => projects.OrderByDescending(p => p.InvestmentWan),
        "name" => projects.OrderBy(p => p.Name),
        "stage" => projects.OrderByDescending(p => p.Stage).ThenByDescending(p => p.SignedOn),
        _ => projects.OrderByDescending(p => p.SignedOn ?? p.NegotiatingOn).ThenByDescending(p => p.Id),
    };

    private static IQueryable<ProjectRow> Rows(AppDbContext db, IQueryable<Project> projects, DateOnly today) =>
        projects.Select(p => new ProjectRow(p.Id, p.Name, p.Investor, p.Industry, p.OriginRegion, p.InvestmentWan, p.Stage, p.SignedOn,
            p.ContactLeader!.DisplayName, p.LeadUnit!.Name, db.PlanNodes.Count(n => n.ProjectId == p.Id && n.DoneOn == null && n.DueOn < today),
            p.EnteredSiteOn != null && (p.SignedOn == null || p.EnteredSiteOn < p.SignedOn)));

    internal static IQueryable<Project> Filter(AppDbContext db, ProjectQuery q, DateOnly today)
    {
        var projects = db.Projects.AsNoTracking();
        // Text: the matches are found by one pass over the table (IN), then only they are sorted; walking the order's index would test every row.
        if (!string.IsNullOrWhiteSpace(q.Text))
        {
            var matching = db.Projects.Where(p => p.Name.Contains(q.Text) || p.Investor.Contains(q.Text)).Select(p => p.Id);
            projects = projects.Where(p => matching.Contains(p.Id));
        }
        if (q.Stage is { } s) projects = projects.Where(p => p.Stage == s);
        if (q.Key is { } key) projects = key ? projects.Where(p => p.InvestmentWan >= Money.WanPerYi) : projects.Where(p => p.InvestmentWan < Money.WanPerYi);
        if (!string.IsNullOrEmpty(q.Industry)) projects = projects.Where(p => p.Industry == q.Industry);
        if (!string.IsNullOrEmpty(q.Region)) projects = projects.Where(p => p.OriginRegion == q.Region);
        if (!string.IsNullOrEmpty(q.InvestorType)) projects = projects.Where(p => p.InvestorType == q.InvestorType);
        if (!string.IsNullOrEmpty(q.LeaderId)) projects = projects.Where(p => p.ContactLeaderId == q.LeaderId);
        if (q.LeadUnitId is { } u) projects = projects.Where(p => p.LeadUnitId == u);
        // The overview's period: signed (or landed) in those days.
        if (q.From is { } from) projects = q.ByLanded ? projects.Where(p => p.LandedOn >= from) : projects.Where(p => p.SignedOn >= from);
        if (q.To is { } to) projects = q.ByLanded ? projects.Where(p => p.LandedOn <= to) : projects.Where(p => p.SignedOn <= to);
        // IN (the open nodes past due) reads the small partial index once instead of probing it for every project.
        if (q.OverdueOnly) projects = projects.Where(p => db.PlanNodes.Where(n => n.DoneOn == null && n.DueOn < today).Select(n => n.ProjectId).Contains(p.Id));
        return projects;
    }

    public async Task<List<(string Id, string Name)>> LeadersAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await UserService.ActiveInRole(db, AppRoles.Leader)
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync()).Select(u => (u.Id, u.DisplayName)).ToList();
    }

    public async Task<ProjectDetail> DetailAsync(int id)
    {
        user.Require(Access.Overseers);
        await using var db = await factory.CreateDbContextAsync();
        var p = await db.Projects.AsNoTracking().Include(x => x.ContactLeader).Include(x => x.LeadUnit).FirstOrDefaultAsync(x => x.Id == id) ?? throw new DomainException("项目不存在");
        var nodes = await db.PlanNodes.AsNoTracking().Include(n => n.OwnerUnit).Where(n => n.ProjectId == id).OrderBy(n => n.DueOn).ToListAsync();
        var logs = await db.ProjectLogs.AsNoTracking().Where(l => l.ProjectId == id).OrderByDescending(l => l.Id).ToListAsync();
        var checklist = await db.ProjectChecklist.AsNoTracking().Where(c => c.ProjectId == id).OrderBy(c => c.Node == "开工").ThenBy(c => c.SortOrder).ToListAsync();
        var needs = await db.EnterpriseNeeds.AsNoTracking().Include(n => n.Unit).Where(n => n.ProjectId == id).OrderBy(n => n.Deadline).ToListAsync();
        var steps = await ClockAsync(p);
        return new ProjectDetail(p, nodes, logs, checklist, needs, steps, PermitClock.Achieved(steps));
    }

    public async Task<IReadOnlyList<ClockStep>> ClockAsync(Project p)
    {
        var cal = await calendar.GetAsync();
        var limits = new ClockLimits(await settings.IntAsync("permit.certificateDays", 1), await settings.IntAsync("permit.planningDays", 2), await settings.IntAsync("permit.constructionDays", 1));
        return PermitClock.Steps(p.LandAcquiredOn, p.CertificateOn, p.LandPlanningPermitOn, p.WorksPlanningPermitOn, p.ConstructionPermitOn, limits, cal.CountWorkingDays);
    }

    public async Task<int> SaveAsync(ProjectEdit e)
    {
        user.Require(Access.OfficeOnly);
        var name = e.Name?.Trim() ?? "";
        DomainException.ThrowIf(ProjectChecks.EditProblem(name, e.Investor, e.InvestmentWan, e.Industry, await settings.LabelsAsync("industry"),
            e.OriginRegion, await settings.LabelsAsync("region"), e.InvestorType, await settings.LabelsAsync("investor-type"), e.NegotiatingOn,
            clock.Today(), e.TaskForceMembers, e.PlanText));
        await using var db = await factory.CreateDbContextAsync();
        if (e.ContactLeaderId is null || !(await LeadersAsync()).Any(l => l.Id == e.ContactLeaderId)) throw new DomainException("请选择一名联系市级领导");
        if (e.LeadUnitId is not { } leadUnit || !await db.Units.AnyAsync(u => u.Id == leadUnit && u.IsActive)) throw new DomainException("请选择一个牵头单位（专班）");
        await using var tx = await db.Database.BeginTransactionAsync();
        Project p;
        if (e.Id == 0)
        {
            p = new Project { Name = name, Investor = e.Investor.Trim(), Industry = e.Industry!, OriginRegion = e.OriginRegion!, InvestorType = e.InvestorType!, ContactLeaderId = e.ContactLeaderId, NegotiatingOn = e.NegotiatingOn!.Value };
            db.Projects.Add(p);
        }
        else
        {
            p = await db.Projects.FindAsync(e.Id) ?? throw new DomainException(DomainException.Conflict);
            db.ExpectVersion(p, e.Version);
            DomainException.ThrowIf(ProjectChecks.NegotiatingProblem(p.Stage, e.NegotiatingOn!.Value, p.SignedOn));
        }
        p.Name = name;
        p.Investor = e.Investor.Trim();
        p.Industry = e.Industry!;
        p.OriginRegion = e.OriginRegion!;
        p.InvestorType = e.InvestorType!;
        p.InvestmentWan = e.InvestmentWan;
        p.NegotiatingOn = e.NegotiatingOn!.Value;
        p.ContactLeaderId = e.ContactLeaderId;
        p.LeadUnitId = leadUnit;
        p.TaskForceMembers = string.IsNullOrWhiteSpace(e.TaskForceMembers) ? null : e.TaskForceMembers.Trim();
        p.PlanText = string.IsNullOrWhiteSpace(e.PlanText) ? null : e.PlanText.Trim();
        await db.SaveOrConflictAsync();
        if (e.Id == 0)
        {
            // Each project gets its own copy of the material checklists for 立项 and 开工 (审批清单先告知).
            foreach (var t in await db.ChecklistTemplates.OrderBy(t => t.Node).ThenBy(t => t.SortOrder).ToListAsync())
                db.ProjectChecklist.Add(new ProjectChecklistItem { ProjectId = p.Id, Node = t.Node, Name = t.Name, SortOrder = t.SortOrder });
            Log(db, p.Id, $"登记项目：{name}，投资 {Money.Auto(p.InvestmentWan)}");
        }
        else Log(db, p.Id, "更新项目信息与“五个一”安排");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return p.Id;
    }

    public async Task MoveStageAsync(int id, ProjectStage to, DateOnly? on, string? reason, int version)
    {
        user.Require(Access.OfficeOnly);
        DomainException.ThrowIf(StageMove.DateProblem(on, clock.Today()));
        var date = on!.Value;
        await using var db = await factory.CreateDbContextAsync();
        var p = await db.Projects.FindAsync(id) ?? throw new DomainException("项目不存在");
        db.ExpectVersion(p, version);
        var dates = new StageDates(p.SignedOn, p.LandedOn, p.StartedOn, p.ProducingOn, p.TerminatedOn);
        DomainException.ThrowIf(ProjectStages.Check(p.Stage, to, date, to > p.Stage ? StageMove.LastDate(p.NegotiatingOn, dates) : null, reason));
        var from = p.Stage;
        p.Stage = to;
        (p.SignedOn, p.LandedOn, p.StartedOn, p.ProducingOn, p.TerminatedOn) = StageMove.Apply(from, to, date, dates);
        Log(db, id, $"阶段：{from.Name()} → {to.Name()}（{AppTime.ListDate(date)}）{(string.IsNullOrWhiteSpace(reason) ? "" : "，原因：" + reason.Trim())}");
        await db.SaveOrConflictAsync();
    }

    /// <summary>先进场后签约: recorded for the project as it happened, never forbidden.</summary>
    public Task EnterSiteAsync(int id, DateOnly? on, int? version = null) => ChangeAsync(id, version, p =>
    {
        DomainException.ThrowIf(ProjectChecks.EnterSiteProblem(on, clock.Today()));
        var date = on!.Value;
        p.EnteredSiteOn = date;
        return $"进场施工准备（{AppTime.ListDate(date)}）{(p.SignedOn is null || date < p.SignedOn ? "，先进场后签约" : "")}";
    });

    public Task SaveFactorsAsync(int id, decimal? landNeeded, decimal? landReady, DateOnly? landReadyOn, decimal? factoryNeeded, decimal? factoryReady, DateOnly? factoryReadyOn, int? version = null) => ChangeAsync(id, version, p =>
    {
        DomainException.ThrowIf(ProjectChecks.FactorsProblem(landNeeded, landReady, landReadyOn, factoryNeeded, factoryReady, factoryReadyOn, clock.Today()));
        (p.LandNeededMu, p.LandReadyMu, p.LandReadyOn, p.FactoryNeededSqm, p.FactoryReadySqm, p.FactoryReadyOn) = (landNeeded, landReady, landReadyOn, factoryNeeded, factoryReady, factoryReadyOn);
        return $"要素保障：土地 {landReady ?? 0}/{landNeeded ?? 0} 亩，厂房 {factoryReady ?? 0}/{factoryNeeded ?? 0} ㎡";
    });

    /// <summary>拿地即开工: the issue dates, each no earlier than the step before it.</summary>
    public async Task SavePermitsAsync(int id, DateOnly? land, DateOnly? certificate, DateOnly? landPlanning, DateOnly? worksPlanning, DateOnly? construction, int? version = null)
    {
        var cal = await calendar.GetAsync();
        DomainException.ThrowIf(ProjectChecks.PermitCalendarProblem([land, certificate, landPlanning, worksPlanning, construction], cal.HasYear));
        await SavePermitDatesAsync(id, land, certificate, landPlanning, worksPlanning, construction, version);
    }

    private Task SavePermitDatesAsync(int id, DateOnly? land, DateOnly? certificate, DateOnly? landPlanning, DateOnly? worksPlanning, DateOnly? construction, int? version) => ChangeAsync(id, version, p =>
    {
        DomainException.ThrowIf(ProjectChecks.PermitsProblem(land, certificate, landPlanning, worksPlanning, construction, clock.Today()));
        (p.LandAcquiredOn, p.CertificateOn, p.LandPlanningPermitOn, p.WorksPlanningPermitOn, p.ConstructionPermitOn) = (land, certificate, landPlanning, worksPlanning, construction);
        return "更新拿地即开工证照日期";
    });

    public Task CommentAsync(int id, string? text)
    {
        user.Require(Access.OfficeOrLeader);
        DomainException.ThrowIf(ProjectChecks.CommentProblem(text));
        return WithDbAsync(async db =>
        {
            if (!await db.Projects.AnyAsync(p => p.Id == id)) throw new DomainException("项目不存在");
            Log(db, id, $"批示意见：{text!.Trim()}");
            await db.SaveChangesAsync();
        });
    }

    public Task SaveNodeAsync(int projectId, string? name, DateOnly? dueOn, int? ownerUnitId) => WithOfficeDbAsync(async db =>
    {
        DomainException.ThrowIf(ProjectChecks.NodeProblem(name, dueOn));
        if (!await db.Projects.AnyAsync(p => p.Id == projectId)) throw new DomainException("项目不存在");
        if (ownerUnitId is { } owner && !await db.Units.AnyAsync(u => u.Id == owner && u.IsActive)) throw new DomainException("责任单位不存在或已停用");
        var (nodeName, due) = (name!.Trim(), dueOn!.Value);
        db.PlanNodes.Add(new PlanNode { ProjectId = projectId, Name = nodeName, DueOn = due, OwnerUnitId = ownerUnitId });
        Log(db, projectId, $"方案节点：{nodeName}，{AppTime.ListDate(due)} 前完成");
        await db.SaveChangesAsync();
    });

    public Task CompleteNodeAsync(int nodeId, DateOnly? doneOn) => WithOfficeDbAsync(async db =>
    {
        var node = await db.PlanNodes.FindAsync(nodeId) ?? throw new DomainException("节点不存在");
        DomainException.ThrowIf(ProjectChecks.CompleteNodeProblem(node.DoneOn is not null, doneOn, clock.Today()));
        var date = doneOn!.Value;
        node.DoneOn = date;
        Log(db, node.ProjectId, $"节点完成：{node.Name}（{AppTime.ListDate(date)}{(date > node.DueOn ? "，逾期" : "")}）");
        await db.SaveOrConflictAsync();
    });

    public Task SetChecklistAsync(int itemId, ChecklistState state, DateOnly? toldOn) => WithOfficeDbAsync(async db =>
    {
        var item = await db.ProjectChecklist.FindAsync(itemId) ?? throw new DomainException("清单事项不存在");
        DomainException.ThrowIf(ProjectChecks.ChecklistProblem(state, toldOn, clock.Today()));
        item.State = state;
        item.ToldOn = toldOn ?? item.ToldOn;
        await db.SaveOrConflictAsync();
    });

    /// <summary>个性需求: the Office assigns a need to a unit with a deadline.</summary>
    public Task AddNeedAsync(int projectId, string? type, string? description, int? unitId, DateOnly? deadline) => WithOfficeDbAsync(async db =>
    {
        DomainException.ThrowIf(ProjectChecks.NeedProblem(type, await settings.LabelsAsync("need-type"), description));
        if (unitId is not { } u || !await db.Units.AnyAsync(x => x.Id == u)) throw new DomainException("请选择责任单位");
        DomainException.ThrowIf(ProjectChecks.NeedDeadlineProblem(deadline, clock.Today()));
        var (needType, text, d) = (type!, description!.Trim(), deadline!.Value);
        if (!await db.Projects.AnyAsync(p => p.Id == projectId)) throw new DomainException("项目不存在");
        var need = new EnterpriseNeed { ProjectId = projectId, Type = needType, Description = text, UnitId = u, Deadline = d };
        db.EnterpriseNeeds.Add(need);
        Log(db, projectId, $"个性需求（{needType}）：{text}，交办责任单位");
        ReminderService.Notify(db, new Reminder { UnitId = u, Title = $"项目个性需求待办：{text}", Link = "/projects/needs" }, clock.UtcNow());
        await db.SaveChangesAsync();
    });

    /// <summary>The needs a user may see: a Unit its unit's, the Office and leaders all.</summary>
    public async Task<List<EnterpriseNeed>> NeedsAsync()
    {
        user.Require(Access.UnitWork);
        await using var db = await factory.CreateDbContextAsync();
        var needs = db.EnterpriseNeeds.AsNoTracking().Include(n => n.Project).Include(n => n.Enterprise).Include(n => n.Unit).AsQueryable();
        if (!user.Reach.WholeZone) { var unitId = user.Reach.Unit; needs = needs.Where(n => n.UnitId == unitId); }
        return await needs.OrderBy(n => n.State).ThenBy(n => n.Deadline).ToListAsync();
    }

    public async Task UpdateNeedAsync(int needId, NeedState state, string? answer, int version)
    {
        await using var db = await factory.CreateDbContextAsync();
        var need = await db.EnterpriseNeeds.FindAsync(needId) ?? throw new DomainException("需求不存在");
        if (!user.IsOffice && !user.IsLiaisonOf(need.UnitId)) throw new DomainException("只有责任单位或专班办公室可以办理此需求");
        DomainException.ThrowIf(ProjectChecks.NeedUpdateProblem(need.State, state, answer));
        db.ExpectVersion(need, version);
        need.State = state;
        need.Answer = string.IsNullOrWhiteSpace(answer) ? need.Answer : answer.Trim();
        need.DoneOn = state == NeedState.Done ? clock.Today() : null;
        if (need.ProjectId is { } projectId) Log(db, projectId, $"个性需求“{need.Description}”：{(state == NeedState.Done ? "已办结" : "办理中")}{(need.Answer is null ? "" : "，" + need.Answer)}");
        await db.SaveOrConflictAsync();
    }

    public async Task<List<ChecklistTemplateItem>> TemplatesAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.ChecklistTemplates.AsNoTracking().OrderBy(t => t.Node == "开工").ThenBy(t => t.SortOrder).ToListAsync();
    }

    /// <summary>审批清单模板 (Office): new projects copy them; existing projects keep their own copy.</summary>
    public Task SaveTemplateAsync(int id, string? node, string? name, int sortOrder, int version) => WithOfficeDbAsync(async db =>
    {
        DomainException.ThrowIf(ProjectChecks.TemplateProblem(node, name));
        var (nodeName, material) = (node!, name!.Trim());
        var item = id == 0 ? db.ChecklistTemplates.Add(new ChecklistTemplateItem { Node = nodeName, Name = material }).Entity
            : await db.ChecklistTemplates.FindAsync(id) ?? throw new DomainException(DomainException.Conflict);
        if (id != 0) db.ExpectVersion(item, version);
        item.Node = nodeName;
        item.Name = material;
        item.SortOrder = sortOrder;
        await db.SaveOrConflictAsync();
    });

    public Task DeleteTemplateAsync(int id) => WithOfficeDbAsync(async db =>
    {
        var item = await db.ChecklistTemplates.FindAsync(id) ?? throw new DomainException(DomainException.Conflict);
        db.ChecklistTemplates.Remove(item);
        await db.SaveOrConflictAsync();
    });

    /// <summary>An Office edit of one project; with the version the page showed, a stale page is refused instead of overwriting.</summary>
    private Task ChangeAsync(int id, int? version, Func<Project, string> change) => WithOfficeDbAsync(async db =>
    {
        var p = await db.Projects.FindAsync(id) ?? throw new DomainException("项目不存在");
        if (version is { } v) db.ExpectVersion(p, v);
        Log(db, id, change(p));
        await db.SaveOrConflictAsync();
    });

    private Task WithOfficeDbAsync(Func<AppDbContext, Task> action)
    {
        user.Require(Access.OfficeOnly);
        return WithDbAsync(action);
    }

    private async Task WithDbAsync(Func<AppDbContext, Task> action)
    {
        await using var db = await factory.CreateDbContextAsync();
        await action(db);
    }

    private void Log(AppDbContext db, int projectId, string text) =>
        db.ProjectLogs.Add(new ProjectLog { ProjectId = projectId, At = clock.UtcNow(), By = user.IsAuthenticated ? user.DisplayName : "系统", Text = text });
}
