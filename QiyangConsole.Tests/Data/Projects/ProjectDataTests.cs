using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Projects;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Projects;

/// <summary>
/// 项目库 on a real, migrated SQLite file with the system seeds, the checklist templates and the 2023 demo projects:
/// the source's figures, registering, stages, the 拿地即开工 permits, needs by unit, leaders' engagement and the register's filters.
/// </summary>
public class ProjectDataTests
{
    private const string Office = "office";
    private const string Natural = "市自然资源局";
    private const string Transport = "市交通运输局";
    private const string Kunneng = "湖南坤能新材料有限公司新材料生产项目";
    private const string Zhuxin = "祁阳住信电气智能电气设备项目";
    private const string Haoxin = "壕鑫纺织智能纺纱项目";
    private const string NotResponsible = "只有责任单位或专班办公室可以办理此需求";

    // ---- a. The source's figures from the seeds ------------------------------------------------

    [DbFact]
    public async Task The_2023_figures_come_from_the_register()
    {
        await using var db = await SeededAsync();
        var figures = db.Get<ProjectFigures>();

        var t = await figures.TotalsAsync(2023);
        Assert.Equal(2023, t.Year);
        Assert.Equal(42, t.Signed);
        Assert.Equal(1_554_600m, t.SignedWan);
        Assert.Equal(14, t.Landed);
        Assert.Equal(187_000m, t.LandedWan);
        Assert.Equal(36, t.Key);
        Assert.Equal(42, t.ByMonth.Sum(m => m.Signed));
        Assert.Equal(1_554_600m, t.ByMonth.Sum(m => m.Wan));
        Assert.All(t.ByMonth, m => Assert.InRange(m.Month, 1, 5));
        Assert.Equal(48, t.ByStage.Sum(s => s.Count));

        // Without a year: the latest year with signed projects.
        var latest = await figures.TotalsAsync();
        Assert.Equal(2023, latest.Year);
        Assert.Equal(42, latest.Signed);

        // Another year has nothing.
        var empty = await figures.TotalsAsync(2022);
        Assert.Equal(0, empty.Signed);
        Assert.Equal(0m, empty.SignedWan);

        db.SignIn("office", AppRoles.Office); // the overview's figures follow the user's reach
        var cards = await figures.FiguresAsync(QiyangConsole.Features.Dashboard.Period.Year(2023), CancellationToken.None);
        Assert.Equal(2, cards.Count);
        Assert.Equal("签约项目", cards[0].Label);
        Assert.Equal("42", cards[0].Value);
        Assert.Contains("155.46 亿元", cards[0].Note);
        Assert.Equal("/projects?dates=signed&from=2023-01-01&to=2023-12-31", cards[0].Link);
        Assert.Equal("落地项目", cards[1].Label);
        Assert.Equal("14", cards[1].Value);
        Assert.Contains("18.70 亿元", cards[1].Note);
    }

    [DbFact]
    public async Task The_seeded_cases_of_the_source_hold()
    {
        await using var db = await SeededAsync();
        var projects = db.Get<ProjectService>();
        AsOffice(db);

        // 湖南坤能: three permits in three days, every step one working day.
        var kunneng = await projects.DetailAsync(await ProjectIdAsync(db, Kunneng));
        Assert.True(kunneng.ClockAchieved);
        Assert.Equal(4, kunneng.Clock.Count);
        Assert.All(kunneng.Clock, s =>
        {
            Assert.Equal(1, s.WorkingDays);
            Assert.True(s.OnTime);
        });
        Assert.Equal(new DateOnly(2023, 3, 9), kunneng.Clock[3].To);
        Assert.Equal(ProjectStage.Started, kunneng.Project.Stage);
        Assert.Equal(10, kunneng.Checklist.Count);
        Assert.All(kunneng.Checklist, c => Assert.Equal(ChecklistState.Done, c.State));
        Assert.NotEmpty(kunneng.Logs);

        // A project without permit dates is not achieved.
        var zhuxinId = await ProjectIdAsync(db, Zhuxin);
        var zhuxinDetail = await projects.DetailAsync(zhuxinId);
        Assert.False(zhuxinDetail.ClockAchieved);
        Assert.All(zhuxinDetail.Clock, s => Assert.Null(s.OnTime));

        // 祁阳住信电气: signed to production in 100 days.
        var zhuxin = await ProjectAsync(db, zhuxinId);
        Assert.Equal(ProjectStage.Producing, zhuxin.Stage);
        Assert.Equal(100, zhuxin.ProducingOn!.Value.DayNumber - zhuxin.SignedOn!.Value.DayNumber);

        // 壕鑫纺织: entered the site before signing (先进场后签约).
        var (haoxin, _) = await projects.ListAsync(new ProjectQuery(Text: "壕鑫"), 0, 10);
        var row = Assert.Single(haoxin);
        Assert.Equal(Haoxin, row.Name);
        Assert.True(row.EnteredBeforeSigning);
        Assert.True(row.IsKey);

        var (all, total) = await projects.ListAsync(new ProjectQuery(), 0, 100);
        Assert.Equal(48, total);
        Assert.False(all.Single(r => r.Name == Kunneng).EnteredBeforeSigning);
        Assert.Equal(2, all.Count(r => r.EnteredBeforeSigning));
    }

    // ---- b. Registering ------------------------------------------------------------------------

    [DbFact]
    public async Task Registering_refuses_bad_input_and_saves_nothing()
    {
        await using var db = await SeededAsync();
        var projects = db.Get<ProjectService>();
        var leader = await UserIdAsync(db, "leader");
        var liaison = await UserIdAsync(db, "unit");
        var lead = await UnitIdAsync(db, "高新区招商合作局");
        AsOffice(db);
        var before = await CountsAsync(db);

        await RefusedAsync(() => projects.SaveAsync(Edit("   ", 20000m, leader, lead)), "项目名称不能为空");
        await RefusedAsync(() => projects.SaveAsync(Edit("祁阳测试项目", 0m, leader, lead)), "投资额应为大于 0 的金额（万元）");
        await RefusedAsync(() => projects.SaveAsync(Edit("祁阳测试项目", -5m, leader, lead)), "投资额应为大于 0 的金额（万元）");
        await RefusedAsync(() => projects.SaveAsync(Edit("祁阳测试项目", 1234.567m, leader, lead)), "投资额最多保留两位小数（万元）");
        await RefusedAsync(() => projects.SaveAsync(Edit("祁阳测试项目", 20000m, null, lead)), "请选择一名联系市级领导");
        await RefusedAsync(() => projects.SaveAsync(Edit("祁阳测试项目", 20000m, liaison, lead)), "请选择一名联系市级领导");
        await RefusedAsync(() => projects.SaveAsync(Edit("祁阳测试项目", 20000m, "no-such-user", lead)), "请选择一名联系市级领导");
        await RefusedAsync(() => projects.SaveAsync(Edit("祁阳测试项目", 20000m, leader, null)), "请选择一个牵头单位（专班）");
        await RefusedAsync(() => projects.SaveAsync(Edit("祁阳测试项目", 20000m, leader, -1)), "请选择一个牵头单位（专班）");
        var badIndustry = Edit("祁阳测试项目", 20000m, leader, lead);
        badIndustry.Industry = "房地产";
        await RefusedAsync(() => projects.SaveAsync(badIndustry), "请选择行业");

        // Only the Office registers.
        db.SignIn("viewer", AppRoles.Viewer);
        await RefusedAsync(() => projects.SaveAsync(Edit("祁阳测试项目", 20000m, leader, lead)), DomainException.Forbidden);

        Assert.Equal(before, await CountsAsync(db));
    }

    [DbFact]
    public async Task A_valid_project_gets_the_checklist_a_log_entry_and_is_key_from_ten_thousand_wan()
    {
        await using var db = await SeededAsync();
        var projects = db.Get<ProjectService>();
        var leader = await UserIdAsync(db, "leader2");
        var lead = await UnitIdAsync(db, "市商务局");
        AsOffice(db);
        var before = await CountsAsync(db);

        var key = await projects.SaveAsync(Edit("  祁阳测试新材料项目  ", 10_000m, leader, lead));
        var notKey = await projects.SaveAsync(Edit("祁阳测试配件项目", 9_999.99m, leader, lead));
        Assert.Equal(before with { Projects = before.Projects + 2, Checklist = before.Checklist + 20, Logs = before.Logs + 2 }, await CountsAsync(db));

        var p = await ProjectAsync(db, key);
        Assert.Equal("祁阳测试新材料项目", p.Name);
        Assert.Equal(ProjectStage.Negotiating, p.Stage);
        Assert.Equal(10_000m, p.InvestmentWan);
        Assert.True(p.IsKey);
        Assert.Equal(leader, p.ContactLeaderId);
        Assert.Equal(lead, p.LeadUnitId);
        Assert.Null(p.SignedOn);

        var q = await ProjectAsync(db, notKey);
        Assert.Equal(9_999.99m, q.InvestmentWan);
        Assert.False(q.IsKey);

        await using (var ctx = db.CreateDbContext())
        {
            var templates = await ctx.ChecklistTemplates.AsNoTracking().OrderBy(t => t.Node).ThenBy(t => t.SortOrder).ToListAsync();
            Assert.Equal(10, templates.Count);
            Assert.Equal(5, templates.Count(t => t.Node == "立项"));
            Assert.Equal(5, templates.Count(t => t.Node == "开工"));
            var items = await ctx.ProjectChecklist.AsNoTracking().Where(c => c.ProjectId == key).OrderBy(c => c.Node).ThenBy(c => c.SortOrder).ToListAsync();
            Assert.Equal(10, items.Count);
            Assert.Equal(templates.Select(t => (t.Node, t.Name, t.SortOrder)), items.Select(c => (c.Node, c.Name, c.SortOrder)));
            Assert.All(items, c =>
            {
                Assert.Equal(ChecklistState.Pending, c.State);
                Assert.Null(c.ToldOn);
            });
            Assert.Equal(10, await ctx.ProjectChecklist.CountAsync(c => c.ProjectId == notKey));

            var log = Assert.Single(await ctx.ProjectLogs.AsNoTracking().Where(l => l.ProjectId == key).ToListAsync());
            Assert.Equal("登记项目：祁阳测试新材料项目，投资 1.00 亿元", log.Text);
            Assert.Equal(Office, log.By);
            var small = Assert.Single(await ctx.ProjectLogs.AsNoTracking().Where(l => l.ProjectId == notKey).ToListAsync());
            Assert.Equal("登记项目：祁阳测试配件项目，投资 9,999.99 万元", small.Text);
        }

        var (rows, _) = await projects.ListAsync(new ProjectQuery(Text: "祁阳测试"), 0, 10);
        Assert.Equal(2, rows.Count);
        Assert.True(rows.Single(r => r.Id == key).IsKey);
        Assert.False(rows.Single(r => r.Id == notKey).IsKey);
        var (keyRows, _) = await projects.ListAsync(new ProjectQuery(Text: "祁阳测试", Key: true), 0, 10);
        Assert.Equal(key, Assert.Single(keyRows).Id);
        var (otherRows, _) = await projects.ListAsync(new ProjectQuery(Text: "祁阳测试", Key: false), 0, 10);
        Assert.Equal(notKey, Assert.Single(otherRows).Id);
    }

    [DbFact]
    public async Task Editing_with_a_stale_version_is_a_conflict()
    {
        await using var db = await SeededAsync();
        var projects = db.Get<ProjectService>();
        var leader = await UserIdAsync(db, "leader");
        var lead = await UnitIdAsync(db, "市商务局");
        AsOffice(db);
        var id = await projects.SaveAsync(Edit("祁阳测试项目", 20000m, leader, lead));
        var version = (await ProjectAsync(db, id)).Version;

        var first = Edit("祁阳测试项目（一期）", 20000m, leader, lead);
        first.Id = id;
        first.Version = version;
        await projects.SaveAsync(first);

        var stale = Edit("祁阳测试项目（二期）", 30000m, leader, lead);
        stale.Id = id;
        stale.Version = version;
        await RefusedAsync(() => projects.SaveAsync(stale), DomainException.Conflict);

        var p = await ProjectAsync(db, id);
        Assert.Equal("祁阳测试项目（一期）", p.Name);
        Assert.Equal(20000m, p.InvestmentWan);
        Assert.Equal(version + 1, p.Version);
    }

    // ---- c. Stages -----------------------------------------------------------------------------

    [DbFact]
    public async Task Stages_move_forward_with_dates_go_back_with_a_reason_and_terminate_with_a_reason()
    {
        await using var db = await SeededAsync();
        var projects = db.Get<ProjectService>();
        var leader = await UserIdAsync(db, "leader");
        var lead = await UnitIdAsync(db, "高新区经济发展局");
        AsOffice(db);
        var id = await projects.SaveAsync(Edit("祁阳测试项目", 20000m, leader, lead)); // 洽谈 2023-03-01

        // Forward with dates.
        var v0 = await VersionAsync(db, id);
        await projects.MoveStageAsync(id, ProjectStage.Signed, new DateOnly(2023, 4, 3), null, v0);

        // A stale version: someone else moved it meanwhile.
        await RefusedAsync(() => projects.MoveStageAsync(id, ProjectStage.Landed, new DateOnly(2023, 4, 20), null, v0), DomainException.Conflict);
        Assert.Equal(ProjectStage.Signed, (await ProjectAsync(db, id)).Stage);

        await projects.MoveStageAsync(id, ProjectStage.Landed, new DateOnly(2023, 4, 20), null, await VersionAsync(db, id));
        await projects.MoveStageAsync(id, ProjectStage.Started, new DateOnly(2023, 5, 10), null, await VersionAsync(db, id));
        var started = await ProjectAsync(db, id);
        Assert.Equal(ProjectStage.Started, started.Stage);
        Assert.Equal(new DateOnly(2023, 4, 3), started.SignedOn);
        Assert.Equal(new DateOnly(2023, 4, 20), started.LandedOn);
        Assert.Equal(new DateOnly(2023, 5, 10), started.StartedOn);
        Assert.Null(started.ProducingOn);
        var logs = await LogCountAsync(db, id);
        Assert.Equal(4, logs);

        // Refusals change nothing.
        var v = await VersionAsync(db, id);
        await RefusedAsync(() => projects.MoveStageAsync(id, ProjectStage.Producing, new DateOnly(2023, 5, 5), null, v), "“已投产”日期不能早于上一阶段日期 2023-05-10");
        await RefusedAsync(() => projects.MoveStageAsync(id, ProjectStage.Producing, new DateOnly(2023, 5, 19), null, v), "阶段日期不能晚于今天");
        await RefusedAsync(() => projects.MoveStageAsync(id, ProjectStage.Producing, null, null, v), "请填写阶段日期");
        await RefusedAsync(() => projects.MoveStageAsync(id, ProjectStage.Started, new DateOnly(2023, 5, 12), null, v), "项目已处于该阶段");
        await RefusedAsync(() => projects.MoveStageAsync(id, ProjectStage.Signed, new DateOnly(2023, 5, 15), null, v), "阶段由“已开工”退回“已签约”须填写原因");
        await RefusedAsync(() => projects.MoveStageAsync(id, ProjectStage.Signed, new DateOnly(2023, 5, 15), "  ", v), "阶段由“已开工”退回“已签约”须填写原因");
        await RefusedAsync(() => projects.MoveStageAsync(id, ProjectStage.Terminated, new DateOnly(2023, 5, 15), null, v), "终止项目须填写原因");
        db.SignIn("leader", AppRoles.Leader, userId: leader);
        await RefusedAsync(() => projects.MoveStageAsync(id, ProjectStage.Producing, new DateOnly(2023, 5, 15), null, v), DomainException.Forbidden);
        AsOffice(db);
        var unchanged = await ProjectAsync(db, id);
        Assert.Equal(ProjectStage.Started, unchanged.Stage);
        Assert.Equal(v, unchanged.Version);
        Assert.Equal(new DateOnly(2023, 5, 10), unchanged.StartedOn);
        Assert.Equal(logs, await LogCountAsync(db, id));

        // Back with a reason: the later dates are cleared.
        await projects.MoveStageAsync(id, ProjectStage.Signed, new DateOnly(2023, 5, 15), "用地手续退回重办", v);
        var back = await ProjectAsync(db, id);
        Assert.Equal(ProjectStage.Signed, back.Stage);
        Assert.Equal(new DateOnly(2023, 4, 3), back.SignedOn);
        Assert.Null(back.LandedOn);
        Assert.Null(back.StartedOn);
        Assert.Null(back.ProducingOn);
        Assert.Equal(v + 1, back.Version);
        Assert.Equal("阶段：已开工 → 已签约（2023-05-15），原因：用地手续退回重办", await LastLogAsync(db, id));

        // Forward again: only the dates still standing bound the new one.
        await projects.MoveStageAsync(id, ProjectStage.Landed, new DateOnly(2023, 5, 16), null, await VersionAsync(db, id));
        Assert.Equal(new DateOnly(2023, 5, 16), (await ProjectAsync(db, id)).LandedOn);

        // Terminate with a reason; then nothing moves.
        await projects.MoveStageAsync(id, ProjectStage.Terminated, new DateOnly(2023, 5, 18), "企业投资计划调整", await VersionAsync(db, id));
        var ended = await ProjectAsync(db, id);
        Assert.Equal(ProjectStage.Terminated, ended.Stage);
        Assert.Equal(new DateOnly(2023, 5, 18), ended.TerminatedOn);
        Assert.Equal(new DateOnly(2023, 5, 16), ended.LandedOn);
        Assert.Contains("已落地 → 已终止", await LastLogAsync(db, id));
        Assert.Contains("企业投资计划调整", await LastLogAsync(db, id));
        await RefusedAsync(() => projects.MoveStageAsync(id, ProjectStage.Started, new DateOnly(2023, 5, 18), "恢复建设", ended.Version), "项目已终止");
        await RefusedAsync(() => projects.MoveStageAsync(id, ProjectStage.Terminated, new DateOnly(2023, 5, 18), "再次终止", ended.Version), "项目已处于该阶段");
        Assert.Equal(logs + 3, await LogCountAsync(db, id));
    }

    [DbFact]
    public async Task Skipping_stages_fills_the_skipped_dates()
    {
        await using var db = await SeededAsync();
        var projects = db.Get<ProjectService>();
        var leader = await UserIdAsync(db, "leader3");
        var lead = await UnitIdAsync(db, "高新区规划建设局");
        AsOffice(db);
        var id = await projects.SaveAsync(Edit("祁阳测试项目", 20000m, leader, lead));

        await projects.MoveStageAsync(id, ProjectStage.Started, new DateOnly(2023, 4, 10), null, await VersionAsync(db, id));
        var p = await ProjectAsync(db, id);
        Assert.Equal(ProjectStage.Started, p.Stage);
        Assert.Equal(new DateOnly(2023, 4, 10), p.SignedOn);
        Assert.Equal(new DateOnly(2023, 4, 10), p.LandedOn);
        Assert.Equal(new DateOnly(2023, 4, 10), p.StartedOn);

        // A date before the 洽谈 date is refused when moving forward.
        var other = await projects.SaveAsync(Edit("祁阳测试项目二", 20000m, leader, lead));
        await RefusedAsync(() => projects.MoveStageAsync(other, ProjectStage.Signed, new DateOnly(2023, 2, 28), null, 0), "“已签约”日期不能早于上一阶段日期 2023-03-01");
    }

    // ---- d. 拿地即开工 permits -----------------------------------------------------------------

    [DbFact]
    public async Task Permit_dates_must_follow_the_step_before_and_the_clock_counts_working_days()
    {
        await using var db = await SeededAsync();
        var projects = db.Get<ProjectService>();
        var leader = await UserIdAsync(db, "leader");
        var lead = await UnitIdAsync(db, "高新区招商合作局");
        AsOffice(db);
        var id = await projects.SaveAsync(Edit("祁阳测试项目", 20000m, leader, lead));
        var logs = await LogCountAsync(db, id);

        var land = new DateOnly(2023, 4, 3);        // Monday
        var certificate = new DateOnly(2023, 4, 4); // Tuesday
        var landPlanning = new DateOnly(2023, 4, 6);  // Thursday (04-05 is 清明节)
        var worksPlanning = new DateOnly(2023, 4, 7); // Friday
        var construction = new DateOnly(2023, 4, 10); // Monday

        await RefusedAsync(() => projects.SavePermitsAsync(id, land, certificate, new DateOnly(2023, 4, 3), worksPlanning, construction),
            "“建设用地规划许可证”核发日期不能早于前一步日期 2023-04-04");
        await RefusedAsync(() => projects.SavePermitsAsync(id, land, new DateOnly(2023, 3, 31), landPlanning, worksPlanning, construction),
            "“不动产权证”核发日期不能早于前一步日期 2023-04-03");
        await RefusedAsync(() => projects.SavePermitsAsync(id, land, certificate, landPlanning, new DateOnly(2023, 4, 3), construction),
            "“建设工程规划许可证”核发日期不能早于前一步日期 2023-04-04");
        await RefusedAsync(() => projects.SavePermitsAsync(id, land, certificate, landPlanning, worksPlanning, new DateOnly(2023, 4, 6)),
            "“施工许可证”核发日期不能早于前一步日期 2023-04-07");
        await RefusedAsync(() => projects.SavePermitsAsync(id, null, certificate, null, null, null), "请先填写“不动产权证”之前一步的日期");
        await RefusedAsync(() => projects.SavePermitsAsync(id, land, certificate, landPlanning, null, construction), "请先填写“施工许可证”之前一步的日期");
        await RefusedAsync(() => projects.SavePermitsAsync(id, land, certificate, landPlanning, worksPlanning, new DateOnly(2023, 5, 19)), "证照日期不能晚于今天");

        var refused = await ProjectAsync(db, id);
        Assert.Null(refused.LandAcquiredOn);
        Assert.Null(refused.CertificateOn);
        Assert.Null(refused.ConstructionPermitOn);
        Assert.Equal(logs, await LogCountAsync(db, id));
        Assert.False((await projects.DetailAsync(id)).ClockAchieved);

        await projects.SavePermitsAsync(id, land, certificate, landPlanning, worksPlanning, construction);
        var saved = await ProjectAsync(db, id);
        Assert.Equal(land, saved.LandAcquiredOn);
        Assert.Equal(certificate, saved.CertificateOn);
        Assert.Equal(landPlanning, saved.LandPlanningPermitOn);
        Assert.Equal(worksPlanning, saved.WorksPlanningPermitOn);
        Assert.Equal(construction, saved.ConstructionPermitOn);
        Assert.Equal("更新拿地即开工证照日期", await LastLogAsync(db, id));

        var detail = await projects.DetailAsync(id);
        Assert.Equal(new int?[] { 1, 1, 2, 1 }, detail.Clock.Select(s => s.WorkingDays));
        Assert.Equal(new[] { 1, 2, 2, 1 }, detail.Clock.Select(s => s.Limit));
        Assert.Equal(worksPlanning, detail.Clock[3].From);
        Assert.True(detail.ClockAchieved);

        // A construction permit three working days after the later planning permit is late.
        await projects.SavePermitsAsync(id, land, certificate, landPlanning, worksPlanning, new DateOnly(2023, 4, 12));
        var late = await projects.DetailAsync(id);
        Assert.Equal(3, late.Clock[3].WorkingDays);
        Assert.False(late.Clock[3].OnTime);
        Assert.False(late.ClockAchieved);

        // Only the certificate so far: the rest pending.
        await projects.SavePermitsAsync(id, land, certificate, null, null, null);
        var partial = await projects.DetailAsync(id);
        Assert.True(partial.Clock[0].OnTime);
        Assert.All(partial.Clock.Skip(1), s => Assert.Null(s.OnTime));
        Assert.False(partial.ClockAchieved);
    }

    // ---- e. Needs by unit ----------------------------------------------------------------------

    [DbFact]
    public async Task A_need_is_seen_and_done_by_its_unit_only_and_seen_by_readers()
    {
        await using var db = await SeededAsync();
        var projects = db.Get<ProjectService>();
        var natural = await UnitIdAsync(db, Natural);
        var transport = await UnitIdAsync(db, Transport);
        var projectId = await ProjectIdAsync(db, Kunneng);
        AsOffice(db);

        await RefusedAsync(() => projects.AddNeedAsync(projectId, "贷款", "协调贷款", natural, new DateOnly(2023, 5, 31)), "请选择需求类型");
        await RefusedAsync(() => projects.AddNeedAsync(projectId, "用工", "  ", natural, new DateOnly(2023, 5, 31)), "请填写需求内容");
        await RefusedAsync(() => projects.AddNeedAsync(projectId, "用工", "协调招用一线操作工 200 人", null, new DateOnly(2023, 5, 31)), "请选择责任单位");
        await RefusedAsync(() => projects.AddNeedAsync(projectId, "用工", "协调招用一线操作工 200 人", natural, new DateOnly(2023, 5, 17)), "请填写不早于今天的办理期限");
        await projects.AddNeedAsync(projectId, "用工", "协调招用一线操作工 200 人", natural, new DateOnly(2023, 5, 31));
        await using (var ctx = db.CreateDbContext())
        {
            Assert.Equal(1, await ctx.EnterpriseNeeds.CountAsync());
            Assert.True(await ctx.Reminders.AnyAsync(r => r.UnitId == natural && r.Link == "/projects/needs"));
        }
        Assert.Single(await projects.NeedsAsync());

        // The responsible unit sees it.
        AsLiaison(db, natural, Natural);
        var need = Assert.Single(await projects.NeedsAsync());
        Assert.Equal("协调招用一线操作工 200 人", need.Description);
        Assert.Equal(NeedState.Open, need.State);
        Assert.Equal(Kunneng, need.Project!.Name);
        Assert.Equal(Natural, need.Unit!.Name);

        // Another unit sees none and cannot handle it.
        AsLiaison(db, transport, Transport);
        Assert.Empty(await projects.NeedsAsync());
        await RefusedAsync(() => projects.UpdateNeedAsync(need.Id, NeedState.Done, "已办结", need.Version), NotResponsible);

        // Readers see all but do not handle.
        db.SignIn("viewer", AppRoles.Viewer);
        Assert.Single(await projects.NeedsAsync());
        await RefusedAsync(() => projects.UpdateNeedAsync(need.Id, NeedState.Done, "已办结", need.Version), NotResponsible);
        db.SignIn("leader", AppRoles.Leader);
        Assert.Single(await projects.NeedsAsync());
        await RefusedAsync(() => projects.UpdateNeedAsync(need.Id, NeedState.InProgress, null, need.Version), NotResponsible);

        // The responsible unit: done only with an answer.
        AsLiaison(db, natural, Natural);
        await RefusedAsync(() => projects.UpdateNeedAsync(need.Id, NeedState.Done, null, need.Version), "办结须填写办理结果");
        await RefusedAsync(() => projects.UpdateNeedAsync(need.Id, NeedState.Done, "  ", need.Version), "办结须填写办理结果");
        Assert.Equal(NeedState.Open, Assert.Single(await projects.NeedsAsync()).State);

        await projects.UpdateNeedAsync(need.Id, NeedState.InProgress, null, need.Version);
        var inProgress = Assert.Single(await projects.NeedsAsync());
        Assert.Equal(NeedState.InProgress, inProgress.State);
        Assert.Null(inProgress.DoneOn);
        await RefusedAsync(() => projects.UpdateNeedAsync(need.Id, NeedState.Done, "已组织专场招聘会", need.Version), DomainException.Conflict);

        await projects.UpdateNeedAsync(need.Id, NeedState.Done, " 已组织专场招聘会，招用 210 人 ", inProgress.Version);
        var done = Assert.Single(await projects.NeedsAsync());
        Assert.Equal(NeedState.Done, done.State);
        Assert.Equal("已组织专场招聘会，招用 210 人", done.Answer);
        Assert.Equal(new DateOnly(2023, 5, 18), done.DoneOn);
        Assert.Contains("已办结", await LastLogAsync(db, projectId));
    }

    // ---- f. Leader engagement ------------------------------------------------------------------

    [DbFact]
    public async Task A_leader_logs_its_own_days_within_the_months_working_days_and_the_share_is_against_one_third()
    {
        await using var db = await SeededAsync();
        var engagement = db.Get<LeaderEngagementService>();
        var leader = await UserIdAsync(db, "leader");
        var leader2 = await UserIdAsync(db, "leader2");
        db.SignIn("leader", AppRoles.Leader, userId: leader);

        // June 2023: 22 weekdays, 端午 06-22/06-23 off, Sunday 06-25 worked → 21 working days.
        await RefusedAsync(() => engagement.LogAsync(null, 2023, 6, 22m, null), "2023年6月共 21 个工作日，项目工作天数应在 0 至 21 之间");
        await RefusedAsync(() => engagement.LogAsync(null, 2023, 6, -1m, null), "2023年6月共 21 个工作日，项目工作天数应在 0 至 21 之间");
        await RefusedAsync(() => engagement.LogAsync(null, 2023, 13, 5m, null), "月份应在 1 至 12 之间");
        await RefusedAsync(() => engagement.LogAsync(null, 2020, 12, 5m, null), "2020年的工作日历尚未载入");
        Assert.Equal(0, await EngagementCountAsync(db, leader, 2023, 6));

        await engagement.LogAsync(null, 2023, 6, 7m, " 联系项目现场调度 ");
        await using (var ctx = db.CreateDbContext())
        {
            var entry = await ctx.LeaderEngagements.AsNoTracking().SingleAsync(e => e.Year == 2023 && e.Month == 6);
            Assert.Equal(leader, entry.LeaderId);
            Assert.Equal(7m, entry.ProjectDays);
            Assert.Equal("联系项目现场调度", entry.Note);
        }

        var year = await engagement.YearAsync(2023);
        var june = year.Single(r => r.LeaderId == leader && r.Month == 6);
        Assert.Equal(21, june.WorkingDays);
        Assert.Equal(7m, june.ProjectDays);
        Assert.Equal(0.3333m, june.Share);
        Assert.True(june.MeetsTarget);
        Assert.Equal(16, year.Count); // three leaders × January–May from the seed, and this June
        Assert.All(year, r =>
        {
            Assert.True(r.WorkingDays > 0);
            Assert.Equal(Math.Round(r.ProjectDays / r.WorkingDays, 4), r.Share);
            Assert.Equal(r.Share >= 0.3333m, r.MeetsTarget);
        });
        var january = year.Single(r => r.LeaderId == leader && r.Month == 1);
        Assert.Equal(18, january.WorkingDays);

        // Logging the month again updates the one entry.
        await engagement.LogAsync(null, 2023, 6, 6.9m, null);
        Assert.Equal(1, await EngagementCountAsync(db, leader, 2023, 6));
        var lower = (await engagement.YearAsync(2023)).Single(r => r.LeaderId == leader && r.Month == 6);
        Assert.Equal(0.3286m, lower.Share);
        Assert.False(lower.MeetsTarget);

        // A leader cannot log for another leader: the entry is its own.
        await engagement.LogAsync(leader2, 2023, 7, 5m, null);
        Assert.Equal(1, await EngagementCountAsync(db, leader, 2023, 7));
        Assert.Equal(0, await EngagementCountAsync(db, leader2, 2023, 7));

        // The Office logs for a chosen leader.
        AsOffice(db);
        await RefusedAsync(() => engagement.LogAsync(null, 2023, 7, 5m, null), "请选择市级领导");
        await engagement.LogAsync(leader2, 2023, 7, 8m, null);
        Assert.Equal(1, await EngagementCountAsync(db, leader2, 2023, 7));

        // A liaison neither logs nor reads.
        db.SignIn("unit", AppRoles.Unit);
        await RefusedAsync(() => engagement.LogAsync(null, 2023, 7, 5m, null), DomainException.Forbidden);
        await RefusedAsync(() => engagement.YearAsync(2023), DomainException.Forbidden);
    }

    // ---- g. Filters ----------------------------------------------------------------------------

    [DbFact]
    public async Task The_register_filters_sorts_and_pages()
    {
        await using var db = await SeededAsync();
        var projects = db.Get<ProjectService>();
        db.SignIn("viewer", AppRoles.Viewer);

        var (key, keyTotal) = await projects.ListAsync(new ProjectQuery(Key: true), 0, 100);
        Assert.Equal(36, keyTotal);
        Assert.Equal(36, key.Count);
        Assert.All(key, r => { Assert.True(r.InvestmentWan >= 10_000m); Assert.True(r.IsKey); });

        var (notKey, notKeyTotal) = await projects.ListAsync(new ProjectQuery(Key: false), 0, 100);
        Assert.Equal(12, notKeyTotal);
        Assert.All(notKey, r => Assert.True(r.InvestmentWan < 10_000m));

        var (started, startedTotal) = await projects.ListAsync(new ProjectQuery(Stage: ProjectStage.Started), 0, 100);
        Assert.Equal(5, startedTotal);
        Assert.All(started, r => Assert.Equal(ProjectStage.Started, r.Stage));
        Assert.Contains(started, r => r.Name == Kunneng);
        var (producing, _) = await projects.ListAsync(new ProjectQuery(Stage: ProjectStage.Producing), 0, 100);
        Assert.Equal(Zhuxin, Assert.Single(producing).Name);
        Assert.Equal(6, (await projects.ListAsync(new ProjectQuery(Stage: ProjectStage.Negotiating), 0, 100)).Total);
        Assert.Equal(28, (await projects.ListAsync(new ProjectQuery(Stage: ProjectStage.Signed), 0, 100)).Total);
        Assert.Equal(8, (await projects.ListAsync(new ProjectQuery(Stage: ProjectStage.Landed), 0, 100)).Total);
        Assert.Equal(0, (await projects.ListAsync(new ProjectQuery(Stage: ProjectStage.Terminated), 0, 100)).Total);

        // Sorted by investment, largest first.
        var (byInvestment, total) = await projects.ListAsync(new ProjectQuery(Sort: "investment"), 0, 100);
        Assert.Equal(48, total);
        Assert.Equal(48, byInvestment.Count);
        Assert.Equal(byInvestment.Select(r => r.InvestmentWan).OrderByDescending(w => w), byInvestment.Select(r => r.InvestmentWan));
        Assert.Equal(103_900m, byInvestment[0].InvestmentWan);
        Assert.Equal(2_800m, byInvestment[^1].InvestmentWan);

        var (keyByInvestment, keyByInvestmentTotal) = await projects.ListAsync(new ProjectQuery(Key: true, Sort: "investment"), 0, 10);
        Assert.Equal(36, keyByInvestmentTotal);
        Assert.Equal(10, keyByInvestment.Count);
        Assert.Equal(byInvestment.Take(10).Select(r => r.InvestmentWan), keyByInvestment.Select(r => r.InvestmentWan));

        // Paging: the total is the filtered count, not the page's.
        var (page1, total1) = await projects.ListAsync(new ProjectQuery(), 0, 20);
        var (page2, total2) = await projects.ListAsync(new ProjectQuery(), 20, 20);
        var (page3, total3) = await projects.ListAsync(new ProjectQuery(), 40, 20);
        Assert.Equal(48, total1);
        Assert.Equal(48, total2);
        Assert.Equal(48, total3);
        Assert.Equal(20, page1.Count);
        Assert.Equal(20, page2.Count);
        Assert.Equal(8, page3.Count);
        Assert.Equal(48, page1.Concat(page2).Concat(page3).Select(r => r.Id).Distinct().Count());
        var (keyPage, keyPageTotal) = await projects.ListAsync(new ProjectQuery(Key: true), 30, 20);
        Assert.Equal(36, keyPageTotal);
        Assert.Equal(6, keyPage.Count);

        // Other filters.
        var leader = await UserIdAsync(db, "leader");
        Assert.Equal(16, (await projects.ListAsync(new ProjectQuery(LeaderId: leader), 0, 100)).Total);
        var unit = await UnitIdAsync(db, "市商务局");
        Assert.Equal(8, (await projects.ListAsync(new ProjectQuery(LeadUnitId: unit), 0, 100)).Total);
        var (text, _) = await projects.ListAsync(new ProjectQuery(Text: "坤能"), 0, 100);
        Assert.Equal(Kunneng, Assert.Single(text).Name);

        // A liaison does not read the register.
        db.SignIn("unit", AppRoles.Unit);
        await RefusedAsync(() => projects.ListAsync(new ProjectQuery(), 0, 10), DomainException.Forbidden);
    }

    // ---- Helpers -------------------------------------------------------------------------------

    private sealed record Counts(int Projects, int Checklist, int Logs);

    private static Task<TestDb> SeededAsync() => Seeds.SeededAsync(new ChecklistTemplateSeed(), new ProjectSeed(Seeds.Config()));

    private static ProjectEdit Edit(string name, decimal wan, string? leaderId, int? leadUnitId) => new()
    {
        Name = name, Investor = "湖南测试实业有限公司", Industry = "新材料", OriginRegion = "长三角", InvestorType = "行业龙头",
        InvestmentWan = wan, NegotiatingOn = new DateOnly(2023, 3, 1), ContactLeaderId = leaderId, LeadUnitId = leadUnitId,
        TaskForceMembers = "市商务局、市自然资源局", PlanText = "倒排工期、挂图作战",
    };

    private static void AsOffice(TestDb db) => db.SignIn(Office, AppRoles.Office);

    private static void AsLiaison(TestDb db, int unitId, string unitName) => db.SignIn("unit", AppRoles.Unit, unitId, unitName);

    private static async Task RefusedAsync(Func<Task> action, string message)
    {
        var ex = await Assert.ThrowsAsync<DomainException>(action);
        Assert.Equal(message, ex.Message);
    }

    private static async Task<int> UnitIdAsync(TestDb db, string name)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }

    private static async Task<string> UserIdAsync(TestDb db, string userName)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private static async Task<int> ProjectIdAsync(TestDb db, string name)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Projects.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    private static async Task<Project> ProjectAsync(TestDb db, int id)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Projects.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    private static async Task<int> VersionAsync(TestDb db, int id) => (await ProjectAsync(db, id)).Version;

    private static async Task<int> LogCountAsync(TestDb db, int id)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.ProjectLogs.CountAsync(l => l.ProjectId == id);
    }

    private static async Task<string> LastLogAsync(TestDb db, int id)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.ProjectLogs.Where(l => l.ProjectId == id).OrderByDescending(l => l.Id).Select(l => l.Text).FirstAsync();
    }

    private static async Task<int> EngagementCountAsync(TestDb db, string leaderId, int year, int month)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.LeaderEngagements.CountAsync(e => e.LeaderId == leaderId && e.Year == year && e.Month == month);
    }

    private static async Task<Counts> CountsAsync(TestDb db)
    {
        await using var ctx = db.CreateDbContext();
        return new Counts(await ctx.Projects.CountAsync(), await ctx.ProjectChecklist.CountAsync(), await ctx.ProjectLogs.CountAsync());
    }
}
