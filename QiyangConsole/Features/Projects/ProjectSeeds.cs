using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Data.Seeding;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Projects;

/// <summary>The standard material checklists for the 立项 and 开工 nodes (configuration, seeded in every mode).</summary>
public sealed class ChecklistTemplateSeed : ISeedStep
{
    public string Name => "projects/checklist-templates";
    public int Order => 20;
    private sealed record Row(string Node, List<string> Items);

    public async Task RunAsync(AppDbContext db, SeedFiles files, CancellationToken ct)
    {
        foreach (var row in files.Read<List<Row>>("projects/checklist-templates.json"))
            db.ChecklistTemplates.AddRange(row.Items.Select((name, i) => new ChecklistTemplateItem { Node = row.Node, Name = name, SortOrder = i + 1 }));
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// Demo projects of 2023: 42 signed January–May totalling 155.46 亿元, 14 of them landed with 18.7 亿元
/// planned, including 湖南坤能新材料 (three permits in three days) and 祁阳住信电气 (signed to production in 100 days).
/// </summary>
public class ProjectSeed(IConfiguration config) : ISeedStep
{
    public virtual string Name => "projects/demo-2023";
    public virtual int Order => 21;
    protected virtual string FileName => "projects/2023.json";
    protected virtual bool WithLeaderDays => true;
    public bool Enabled(IConfiguration _) => DemoMode.IsOn(config);

    private sealed record Row(string Name, string Investor, string Industry, string Region, string Type, decimal Wan, string Leader, string LeadUnit, DateOnly Negotiating,
        DateOnly? Signed, DateOnly? Landed, DateOnly? Started, DateOnly? Producing, DateOnly? Entered, List<DateOnly>? Permits);
    private sealed record YearFile(List<Row> Projects);

    public async Task RunAsync(AppDbContext db, SeedFiles files, CancellationToken ct)
    {
        var leaders = await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        var units = await db.Units.ToDictionaryAsync(u => u.Name, u => u.Id, ct);
        var templates = await db.ChecklistTemplates.ToListAsync(ct);
        foreach (var r in files.Read<YearFile>(FileName).Projects)
        {
            var stage = r.Producing is not null ? ProjectStage.Producing : r.Started is not null ? ProjectStage.Started : r.Landed is not null ? ProjectStage.Landed
                : r.Signed is not null ? ProjectStage.Signed : ProjectStage.Negotiating;
            var p = new Project
            {
                Name = r.Name, Investor = r.Investor, Industry = r.Industry, OriginRegion = r.Region, InvestorType = r.Type, InvestmentWan = r.Wan,
                Stage = stage, NegotiatingOn = r.Negotiating, SignedOn = r.Signed, LandedOn = r.Landed, StartedOn = r.Started, ProducingOn = r.Producing, EnteredSiteOn = r.Entered,
                ContactLeaderId = leaders[r.Leader], LeadUnitId = units[r.LeadUnit],
                TaskForceMembers = "专班牵头单位、市自然资源局、市住房和城乡建设局、市行政审批服务局",
                PlanText = "按“一个项目、一名领导、一个专班、一套方案、一抓到底”推进，倒排工期、挂图作战。",
            };
            if (r.Permits is [var land, var certificate, var landPlanning, var worksPlanning, var construction])
                (p.LandAcquiredOn, p.CertificateOn, p.LandPlanningPermitOn, p.WorksPlanningPermitOn, p.ConstructionPermitOn) = (land, certificate, landPlanning, worksPlanning, construction);
            db.Projects.Add(p);
            await db.SaveChangesAsync(ct);
            foreach (var t in templates)
                db.ProjectChecklist.Add(new ProjectChecklistItem { ProjectId = p.Id, Node = t.Node, Name = t.Name, SortOrder = t.SortOrder, State = stage >= ProjectStage.Started || t.Node == "立项" && stage >= ProjectStage.Signed ? ChecklistState.Done : ChecklistState.Pending, ToldOn = r.Signed ?? r.Negotiating });
            if (r.Signed is { } signed)
            {
                db.PlanNodes.Add(new PlanNode { ProjectId = p.Id, Name = "完成项目备案和用地预审", DueOn = signed.AddDays(20), OwnerUnitId = units["市发展和改革局"], DoneOn = stage >= ProjectStage.Landed ? signed.AddDays(15) : null });
                db.PlanNodes.Add(new PlanNode { ProjectId = p.Id, Name = "取得施工许可并开工", DueOn = signed.AddDays(75), OwnerUnitId = units["市住房和城乡建设局"], DoneOn = r.Started });
            }
            db.ProjectLogs.Add(new ProjectLog { ProjectId = p.Id, At = Utc(r.Negotiating), By = "专班办公室", Text = $"登记项目：{r.Name}，投资 {Money.Auto(r.Wan)}" });
            foreach (var (date, text) in new[] { (r.Entered, "进场施工准备，先进场后签约"), (r.Signed, "阶段：在谈 → 已签约"), (r.Landed, "阶段：已签约 → 已落地"), (r.Started, "阶段：已落地 → 已开工"), (r.Producing, "阶段：已开工 → 已投产") })
                if (date is { } on) db.ProjectLogs.Add(new ProjectLog { ProjectId = p.Id, At = Utc(on), By = "专班办公室", Text = text });
        }
        // Contact leaders' project days in 2023 (against the one-third target).
        if (WithLeaderDays)
        foreach (var (leader, i) in new[] { "leader", "leader2", "leader3" }.Select((l, i) => (l, i)))
            for (var month = 1; month <= 5; month++)
                db.LeaderEngagements.Add(new LeaderEngagement { LeaderId = leaders[leader], Year = 2023, Month = month, ProjectDays = 6 + (month + i) % 4 + i, Note = "联系项目现场调度、协调要素保障" });
        await db.SaveChangesAsync(ct);
    }

    private static DateTime Utc(DateOnly d) => TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(new TimeOnly(10, 0)), AppTime.Zone);
}

/// <summary>The key projects signed in 2021–2022 that 百名干部联百企 cadres follow (with the 2023 ones, 150 in all).</summary>
public sealed class KeyProjectSeed(IConfiguration config) : ProjectSeed(config)
{
    public override string Name => "projects/key-2021-2022";
    public override int Order => 22;
    protected override string FileName => "projects/key-2021-2022.json";
    protected override bool WithLeaderDays => false;
}
