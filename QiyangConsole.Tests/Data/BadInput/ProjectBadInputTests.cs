using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Projects;

namespace QiyangConsole.Tests.Data.BadInput;

/// <summary>The project register, stages, site entry, factors, permits, comments, plan nodes, checklists, needs, templates and leaders' days, tried with the bad-value corpus.</summary>
public sealed class ProjectBadInputTests(DemoDb demo) : BadInputTests(demo)
{
    private static readonly DateOnly Today = new(2023, 5, 18);

    private ProjectService Projects => Get<ProjectService>();
    private LeaderEngagementService Engagement => Get<LeaderEngagementService>();

    private Task<int> UnitIdAsync(string name) => Query(ctx => ctx.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync());
    private Task<string> UserIdAsync(string userName) => Query(ctx => ctx.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    private async Task<ProjectEdit> NewProjectAsync() => new()
    {
        Name = "祁阳坏值测试项目", Investor = "湖南坏值测试有限公司", InvestmentWan = 5000, Industry = "新材料", OriginRegion = "粤港澳", InvestorType = "其他",
        NegotiatingOn = Today.AddDays(-10), ContactLeaderId = await UserIdAsync("leader"), LeadUnitId = await UnitIdAsync("市自然资源局"), TaskForceMembers = "市自然资源局", PlanText = "倒排工期",
    };

    private async Task ProjectRefused(Action<ProjectEdit> change, params string[] names)
    {
        var p = await NewProjectAsync();
        change(p);
        await Refused(() => Projects.SaveAsync(p), names);
    }

    /// <summary>A new project in talks, and its version.</summary>
    private async Task<(int Id, int Version)> ProjectAsync()
    {
        var id = await Projects.SaveAsync(await NewProjectAsync());
        return (id, await VersionAsync(id));
    }

    private Task<int> VersionAsync(int id) => Query(ctx => ctx.Projects.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());

    private async Task OnProject(Func<int, int, Task> act, params string[] names)
    {
        var (id, version) = await ProjectAsync();
        await Refused(() => act(id, version), names);
    }

    private async Task<int> NodeAsync(bool done = false)
    {
        var (id, _) = await ProjectAsync();
        await Projects.SaveNodeAsync(id, "完成环评", Today.AddDays(10), null);
        var node = await Query(ctx => ctx.PlanNodes.Where(n => n.ProjectId == id).Select(n => n.Id).SingleAsync());
        if (done) await Projects.CompleteNodeAsync(node, Today);
        return node;
    }

    private async Task<int> ChecklistItemAsync()
    {
        var (id, _) = await ProjectAsync();
        return await Query(ctx => ctx.ProjectChecklist.Where(i => i.ProjectId == id).Select(i => i.Id).FirstAsync());
    }

    private async Task NeedRefused(string? type, string? description, bool withUnit, DateOnly? deadline, params string[] names)
    {
        var (id, _) = await ProjectAsync();
        int? unit = withUnit ? await UnitIdAsync("市自然资源局") : null;
        await Refused(() => Projects.AddNeedAsync(id, type, description, unit, deadline), names);
    }

    private async Task<(int Id, int Version)> NeedAsync()
    {
        var (id, _) = await ProjectAsync();
        await Projects.AddNeedAsync(id, "用工", "招工 30 人", await UnitIdAsync("市自然资源局"), Today.AddDays(10));
        return await Query(ctx => ctx.EnterpriseNeeds.Where(n => n.ProjectId == id).Select(n => new ValueTuple<int, int>(n.Id, n.Version)).SingleAsync());
    }

    private async Task NeedUpdateRefused(NeedState state, string? answer, params string[] names)
    {
        var (id, version) = await NeedAsync();
        await As("unit", AppRoles.Unit);
        await Refused(() => Projects.UpdateNeedAsync(id, state, answer, version), names);
    }

    private async Task EngagementRefused(string? leaderUser, int year, int month, decimal days, string? note, params string[] names)
    {
        var leader = leaderUser is null ? null : await UserIdAsync(leaderUser);
        await Refused(() => Engagement.LogAsync(leader, year, month, days, note), names);
    }

    public static readonly Cases<ProjectBadInputTests> Bad = new Cases<ProjectBadInputTests>
    {
        ["project: name too long"] = t => t.ProjectRefused(p => p.Name = Corpus.TooLong(200), "项目名称", "200"),
        ["project: investor too long"] = t => t.ProjectRefused(p => p.Investor = Corpus.TooLong(200), "投资企业", "200"),
        ["project: investment 0"] = t => t.ProjectRefused(p => p.InvestmentWan = 0, "投资额"),
        ["project: investment negative"] = t => t.ProjectRefused(p => p.InvestmentWan = -1, "投资额"),
        ["project: investment three decimals"] = t => t.ProjectRefused(p => p.InvestmentWan = 1.005m, "投资额", "两位小数"),
        ["project: investment beyond reason"] = t => t.ProjectRefused(p => p.InvestmentWan = 100_000_001, "投资额"),
        ["project: investment decimal.MaxValue"] = t => t.ProjectRefused(p => p.InvestmentWan = decimal.MaxValue, "投资额"),
        ["project: unknown industry"] = t => t.ProjectRefused(p => p.Industry = "=1+1", "行业"),
        ["project: no region"] = t => t.ProjectRefused(p => p.OriginRegion = null, "来源地区"),
        ["project: unknown investor type"] = t => t.ProjectRefused(p => p.InvestorType = "<b>央企</b>", "投资方类型"),
        ["project: no talks date"] = t => t.ProjectRefused(p => p.NegotiatingOn = null, "洽谈日期"),
        ["project: talks tomorrow"] = t => t.ProjectRefused(p => p.NegotiatingOn = Today.AddDays(1), "洽谈日期"),
        ["project: talks in year 1"] = t => t.ProjectRefused(p => p.NegotiatingOn = DateOnly.MinValue, "洽谈日期"),
        ["project: no leader"] = t => t.ProjectRefused(p => p.ContactLeaderId = null, "市级领导"),
        ["project: leader not a leader"] = async t => { var viewer = await t.UserIdAsync("viewer"); await t.ProjectRefused(p => p.ContactLeaderId = viewer, "市级领导"); },
        ["project: no lead unit"] = t => t.ProjectRefused(p => p.LeadUnitId = null, "牵头单位"),
        ["project: lead unit missing"] = t => t.ProjectRefused(p => p.LeadUnitId = 999_999, "牵头单位"),
        ["project: task force too long"] = t => t.ProjectRefused(p => p.TaskForceMembers = Corpus.TooLong(500), "专班成员", "500"),
        ["project: plan too long"] = t => t.ProjectRefused(p => p.PlanText = Corpus.TooLong(2000), "推进方案", "2000"),
        ["project: edit of a missing one"] = t => t.ProjectRefused(p => p.Id = 999_999, "数据已被他人修改"),
        ["stage: no date"] = t => t.OnProject((id, v) => t.Projects.MoveStageAsync(id, ProjectStage.Signed, null, null, v), "阶段日期"),
        ["stage: tomorrow"] = t => t.OnProject((id, v) => t.Projects.MoveStageAsync(id, ProjectStage.Signed, Today.AddDays(1), null, v), "阶段日期"),
        ["stage: before talks began"] = t => t.OnProject((id, v) => t.Projects.MoveStageAsync(id, ProjectStage.Signed, Today.AddDays(-30), null, v), "日期不能早于"),
        ["stage: unknown stage"] = t => t.OnProject((id, v) => t.Projects.MoveStageAsync(id, (ProjectStage)42, Today, null, v), "阶段"),
        ["stage: the same"] = t => t.OnProject((id, v) => t.Projects.MoveStageAsync(id, ProjectStage.Negotiating, Today, null, v), "已处于"),
        ["stage: terminated without a reason"] = t => t.OnProject((id, v) => t.Projects.MoveStageAsync(id, ProjectStage.Terminated, Today, " ", v), "原因"),
        ["stage: reason too long"] = t => t.OnProject((id, v) => t.Projects.MoveStageAsync(id, ProjectStage.Terminated, Today, Corpus.TooLong(500), v), "原因", "500"),
        ["stage: project missing"] = t => t.Refused(() => t.Projects.MoveStageAsync(999_999, ProjectStage.Signed, Today, null, 0), "项目不存在"),
        ["site: no date"] = t => t.OnProject((id, v) => t.Projects.EnterSiteAsync(id, null, v), "进场日期"),
        ["site: tomorrow"] = t => t.OnProject((id, v) => t.Projects.EnterSiteAsync(id, Today.AddDays(1), v), "进场日期"),
        ["factors: negative land"] = t => t.OnProject((id, v) => t.Projects.SaveFactorsAsync(id, -1, null, null, null, null, null, v), "数量"),
        ["factors: negative factory"] = t => t.OnProject((id, v) => t.Projects.SaveFactorsAsync(id, null, null, null, null, -0.5m, Today, v), "数量"),
        ["factors: ready without a date"] = t => t.OnProject((id, v) => t.Projects.SaveFactorsAsync(id, 100, 50, null, null, null, null, v), "土地", "到位日期"),
        ["factors: land beyond reason"] = t => t.OnProject((id, v) => t.Projects.SaveFactorsAsync(id, decimal.MaxValue, null, null, null, null, null, v), "需用地"),
        ["factors: factory beyond reason"] = t => t.OnProject((id, v) => t.Projects.SaveFactorsAsync(id, null, null, null, 1e12m, null, null, v), "需厂房"),
        ["factors: three decimals"] = t => t.OnProject((id, v) => t.Projects.SaveFactorsAsync(id, 10.125m, null, null, null, null, null, v), "两位小数"),
        ["factors: ready tomorrow"] = t => t.OnProject((id, v) => t.Projects.SaveFactorsAsync(id, 100, 50, Today.AddDays(1), null, null, null, v), "到位日期"),
        ["permits: out of order"] = t => t.OnProject((id, v) => t.Projects.SavePermitsAsync(id, Today.AddDays(-5), Today.AddDays(-6), null, null, null, v), "不动产权证"),
        ["permits: a step missing"] = t => t.OnProject((id, v) => t.Projects.SavePermitsAsync(id, null, Today, null, null, null, v), "不动产权证"),
        ["permits: tomorrow"] = t => t.OnProject((id, v) => t.Projects.SavePermitsAsync(id, Today, Today.AddDays(1), null, null, null, v), "证照日期"),
        ["permits: a year without calendar"] = t => t.OnProject((id, v) => t.Projects.SavePermitsAsync(id, new DateOnly(1999, 1, 4), null, null, null, null, v), "1999"),
        ["comment: too long"] = t => t.OnProject((id, _) => t.Projects.CommentAsync(id, Corpus.TooLong(1000)), "意见", "1000"),
        ["comment: project missing"] = t => t.Refused(() => t.Projects.CommentAsync(999_999, "加快推进"), "项目不存在"),
        ["node: name too long"] = t => t.OnProject((id, _) => t.Projects.SaveNodeAsync(id, Corpus.TooLong(100), Today.AddDays(5), null), "节点名称", "100"),
        ["node: no due date"] = t => t.OnProject((id, _) => t.Projects.SaveNodeAsync(id, "完成环评", null, null), "时限"),
        ["node: owner unit missing"] = t => t.OnProject((id, _) => t.Projects.SaveNodeAsync(id, "完成环评", Today.AddDays(5), 999_999), "责任单位"),
        ["node: project missing"] = t => t.Refused(() => t.Projects.SaveNodeAsync(999_999, "完成环评", Today.AddDays(5), null), "项目不存在"),
        ["node: done tomorrow"] = async t => { var node = await t.NodeAsync(); await t.Refused(() => t.Projects.CompleteNodeAsync(node, Today.AddDays(1)), "完成日期"); },
        ["node: done without a date"] = async t => { var node = await t.NodeAsync(); await t.Refused(() => t.Projects.CompleteNodeAsync(node, null), "完成日期"); },
        ["node: done twice"] = async t => { var node = await t.NodeAsync(done: true); await t.Refused(() => t.Projects.CompleteNodeAsync(node, Today), "节点已完成"); },
        ["checklist: unknown state"] = async t => { var item = await t.ChecklistItemAsync(); await t.Refused(() => t.Projects.SetChecklistAsync(item, (ChecklistState)9, Today), "状态"); },
        ["checklist: told tomorrow"] = async t => { var item = await t.ChecklistItemAsync(); await t.Refused(() => t.Projects.SetChecklistAsync(item, ChecklistState.Submitted, Today.AddDays(1)), "告知日期"); },
        ["checklist: item missing"] = t => t.Refused(() => t.Projects.SetChecklistAsync(999_999, ChecklistState.Done, Today), "清单事项不存在"),
        ["need: unknown type"] = t => t.NeedRefused("@SUM(A1)", "招工", true, Today.AddDays(3), "需求类型"),
        ["need: description too long"] = t => t.NeedRefused("用工", Corpus.TooLong(500), true, Today.AddDays(3), "需求内容", "500"),
        ["need: no unit"] = t => t.NeedRefused("用工", "招工", false, Today.AddDays(3), "责任单位"),
        ["need: deadline passed"] = t => t.NeedRefused("用工", "招工", true, Today.AddDays(-1), "办理期限"),
        ["need: no deadline"] = t => t.NeedRefused("用工", "招工", true, null, "办理期限"),
        ["need update: done without an answer"] = t => t.NeedUpdateRefused(NeedState.Done, "  ", "办理结果"),
        ["need update: answer too long"] = t => t.NeedUpdateRefused(NeedState.Done, Corpus.TooLong(1000), "办理结果", "1000"),
        ["need update: unknown state"] = t => t.NeedUpdateRefused((NeedState)7, "已办", "状态"),
        ["template: unknown node"] = t => t.Refused(() => t.Projects.SaveTemplateAsync(0, "<script>", "环评批复", 9, 0), "清单节点"),
        ["template: name too long"] = t => t.Refused(() => t.Projects.SaveTemplateAsync(0, "立项", Corpus.TooLong(100), 9, 0), "材料名称", "100"),
        ["leader days: no leader"] = t => t.EngagementRefused(null, 2023, 5, 5, null, "市级领导"),
        ["leader days: not a leader"] = t => t.EngagementRefused("viewer", 2023, 5, 5, null, "市级领导"),
        ["leader days: month 0"] = t => t.EngagementRefused("leader", 2023, 0, 5, null, "月份"),
        ["leader days: month 13"] = t => t.EngagementRefused("leader", 2023, 13, 5, null, "月份"),
        ["leader days: year without calendar"] = t => t.EngagementRefused("leader", 1999, 5, 5, null, "1999"),
        ["leader days: negative"] = t => t.EngagementRefused("leader", 2023, 5, -1, null, "项目工作天数"),
        ["leader days: more than the month"] = t => t.EngagementRefused("leader", 2023, 5, 32, null, "项目工作天数"),
        ["leader days: three decimals"] = t => t.EngagementRefused("leader", 2023, 5, 1.255m, null, "项目工作天数", "小数"),
        ["leader days: note too long"] = t => t.EngagementRefused("leader", 2023, 5, 5, Corpus.TooLong(500), "主要工作", "500"),
    }
    .Each("project: blank name", Corpus.Blank, (t, v) => t.ProjectRefused(p => p.Name = v!, "项目名称"))
    .Each("project: blank investor", Corpus.Blank, (t, v) => t.ProjectRefused(p => p.Investor = v!, "投资企业"))
    .Each("comment: blank", Corpus.Blank, (t, v) => t.OnProject((id, _) => t.Projects.CommentAsync(id, v), "意见"))
    .Each("node: blank name", Corpus.Blank, (t, v) => t.OnProject((id, _) => t.Projects.SaveNodeAsync(id, v, Today.AddDays(5), null), "节点名称"))
    .Each("need: blank description", Corpus.Blank, (t, v) => t.NeedRefused("用工", v, true, Today.AddDays(3), "需求内容"))
    .Each("template: blank name", Corpus.Blank, (t, v) => t.Refused(() => t.Projects.SaveTemplateAsync(0, "开工", v, 9, 0), "材料名称"));

    public static TheoryData<string> BadNames => Bad.Names;

    [Theory, MemberData(nameof(BadNames))]
    public async Task Refused_naming_the_field_with_nothing_saved(string name)
    {
        Db.SignIn("office", AppRoles.Office);
        await Bad[name](this);
    }

    public static readonly Cases<ProjectBadInputTests> Good = new Cases<ProjectBadInputTests>
    {
        ["project name of 200 characters outside the basic plane"] = async t =>
        {
            var p = await t.NewProjectAsync();
            await t.Kept(Corpus.Supplementary(200), v => { p.Name = v; return t.Projects.SaveAsync(p); }, (ctx, v) => ctx.Projects.AnyAsync(x => x.Name == v));
        },
    }
    .Each("project", Corpus.Odd, async (t, v) =>
    {
        var p = await t.NewProjectAsync();
        (p.Name, p.Investor, p.TaskForceMembers, p.PlanText) = (v, v, v, v);
        await t.Kept(v, _ => t.Projects.SaveAsync(p), (ctx, v) => ctx.Projects.AnyAsync(x => x.Name == v && x.Investor == v && x.TaskForceMembers == v && x.PlanText == v));
    })
    .Each("comment, node and need", Corpus.Odd, async (t, v) =>
    {
        var (id, _) = await t.ProjectAsync();
        var unit = await t.UnitIdAsync("市自然资源局");
        await t.Kept(v, async v =>
        {
            await t.Projects.CommentAsync(id, v);
            await t.Projects.SaveNodeAsync(id, Infrastructure.TextLimit.Cut(v, 100), Today.AddDays(3), unit);
            await t.Projects.AddNeedAsync(id, "用工", v, unit, Today.AddDays(3));
        }, (ctx, v) => ctx.PlanNodes.AnyAsync(n => n.ProjectId == id && n.Name == v) .ContinueWith(n => n.Result
            && ctx.EnterpriseNeeds.Any(x => x.ProjectId == id && x.Description == v) && ctx.ProjectLogs.Any(l => l.ProjectId == id && l.Text == "批示意见：" + v)));
    })
    .Each("stage reason", Corpus.Odd, async (t, v) =>
    {
        var (id, version) = await t.ProjectAsync();
        await t.Kept(v, v => t.Projects.MoveStageAsync(id, ProjectStage.Terminated, Today, v, version), (ctx, v) => ctx.ProjectLogs.AnyAsync(l => l.ProjectId == id && l.Text.EndsWith("，原因：" + v)));
    })
    .Each("need answer", Corpus.Odd, async (t, v) =>
    {
        var (id, version) = await t.NeedAsync();
        await t.As("unit", AppRoles.Unit);
        await t.Kept(v, v => t.Projects.UpdateNeedAsync(id, NeedState.Done, v, version), (ctx, v) => ctx.EnterpriseNeeds.AnyAsync(n => n.Id == id && n.Answer == v));
    })
    .Each("checklist template", Corpus.Odd, (t, v) => t.Kept(v, v => t.Projects.SaveTemplateAsync(0, "立项", v, 99, 0), (ctx, v) => ctx.ChecklistTemplates.AnyAsync(x => x.Name == v)))
    .Each("leader's note", Corpus.Odd, (t, v) =>
    {
        var month = 1 + Array.IndexOf(Corpus.Odd, v);
        return t.Kept(v, async v => await t.Engagement.LogAsync(await t.UserIdAsync("leader2"), 2023, month, 2.5m, v),
            (ctx, v) => ctx.LeaderEngagements.AnyAsync(e => e.Year == 2023 && e.Month == month && e.Note == v));
    });

    public static TheoryData<string> GoodNames => Good.Names;

    [Theory, MemberData(nameof(GoodNames))]
    public async Task Odd_text_is_kept_as_typed(string name)
    {
        Db.SignIn("office", AppRoles.Office);
        await Good[name](this);
    }
}
