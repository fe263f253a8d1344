using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Features.Exchanges;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Enterprises;

/// <summary>帮代办: 1+1+N matters, 受理 → 办理中 → 已办结, acted on by the agent only.</summary>
public sealed class HelpMatterDataTests
{
    [DbFact]
    public async Task A_finished_matter_is_due_for_a_callback_once_and_the_rating_counts_for_the_agents_unit()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var me = await Kit.UserIdAsync(db, "steward");
        var own = await Kit.EnterpriseIdAsync(db, "湖南坤能新材料有限公司");
        var approval = await Kit.UnitIdAsync(db, "市行政审批服务局");
        var centre = await Kit.UnitIdAsync(db, "高新区企业服务中心");
        db.SignIn("steward", AppRoles.Steward, userId: me);
        var matters = db.Get<HelpMatterService>();
        var id = await matters.CreateAsync(new HelpMatterInput { EnterpriseId = own, Name = "排污许可证变更", Mode = HelpMode.Help, WindowUnitIds = [approval], AcceptedOn = Kit.Today.AddDays(-2) });
        Kit.AsOffice(db);
        var callbacks = db.Get<CallbackService>();
        Assert.DoesNotContain(await callbacks.DueMattersAsync(), m => m.Id == id);
        await Kit.RefusedAsync(() => callbacks.RecordAsync(new CallbackInput { HelpMatterId = id, Person = "企业联系人", CalledOn = Kit.Today, Rating = Rating.Satisfied }), "帮代办事项办结后才能回访");

        db.SignIn("steward", AppRoles.Steward, userId: me);
        var version = (await matters.ListAsync(new HelpMatterQuery(EnterpriseId: own), 0, 100)).Rows.Single(r => r.Id == id).Version;
        await matters.FinishAsync(id, "已取得变更后的排污许可证", version);
        Kit.AsOffice(db);
        var due = Assert.Single(await callbacks.DueMattersAsync(), m => m.Id == id);
        Assert.Equal(("湖南坤能新材料有限公司", Kit.Today), (due.Enterprise, due.FinishedOn));
        await using (var ctx = db.CreateDbContext())
            Assert.True(await ctx.Reminders.AnyAsync(r => r.Role == AppRoles.Office && r.DedupKey == $"help-matter-finished-{id}"));

        var callbackId = await callbacks.RecordAsync(new CallbackInput { HelpMatterId = id, Person = "企业联系人", CalledOn = Kit.Today, Rating = Rating.VerySatisfied });
        Assert.DoesNotContain(await callbacks.DueMattersAsync(), m => m.Id == id);
        await Kit.RefusedAsync(() => callbacks.RecordAsync(new CallbackInput { HelpMatterId = id, Person = "企业联系人", CalledOn = Kit.Today, Rating = Rating.Satisfied }), "该帮代办事项已回访");
        await using (var ctx = db.CreateDbContext())
        {
            var callback = await ctx.Callbacks.SingleAsync(c => c.Id == callbackId);
            Assert.Equal((id, centre), (callback.HelpMatterId, callback.UnitId));
            Assert.StartsWith("帮代办回访：湖南坤能新材料有限公司 排污许可证变更", callback.Subject);
        }
    }

    [DbFact]
    public async Task A_steward_opens_a_matter_for_its_enterprise_and_follows_it_to_the_end()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var me = await Kit.UserIdAsync(db, "steward");
        var steward2 = await Kit.UserIdAsync(db, "steward2");
        var ecology = await Kit.UnitIdAsync(db, "市生态环境局");
        var approval = await Kit.UnitIdAsync(db, "市行政审批服务局");
        var own = await Kit.EnterpriseIdAsync(db, "湖南坤能新材料有限公司");
        int others;
        await using (var ctx = db.CreateDbContext())
            others = await ctx.Enterprises.Where(e => e.StewardId == steward2).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        var matters = db.Get<HelpMatterService>();

        HelpMatterInput Input(Action<HelpMatterInput>? change = null)
        {
            var input = new HelpMatterInput
            {
                EnterpriseId = own, Name = " 排污许可证变更 ", Mode = HelpMode.Proxy, AgentId = steward2, WindowUnitIds = [ecology, approval, ecology],
                AcceptedOn = Kit.Today.AddDays(-2), PromisedOn = Kit.Today.AddDays(10),
            };
            change?.Invoke(input);
            return input;
        }

        db.SignIn("steward", AppRoles.Steward, userId: me);
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.EnterpriseId = null)), "请选择企业");
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.Name = " ")), "请填写事项名称");
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.Mode = null)), "请选择帮代办方式（领办、导办、帮办或代办）");
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.Mode = (HelpMode)9)), "请选择帮代办方式（领办、导办、帮办或代办）");
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.WindowUnitIds = [])), "请选择至少一个联办审批窗口（+N）");
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.AcceptedOn = null)), "请填写受理日期");
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.AcceptedOn = Kit.Today.AddDays(1))), "受理日期不能晚于今天");
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.PromisedOn = Kit.Today.AddDays(-3))), "承诺办结日期不能早于受理日期");
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.EnterpriseId = others)), EnterpriseService.NotYours);
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.EnterpriseId = 999_999)), "企业不存在");
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.WindowUnitIds = [ecology, 999_999])), "所选审批窗口中有已停用或不存在的单位");
        db.SignIn("viewer", AppRoles.Viewer);
        await Kit.RefusedAsync(() => matters.CreateAsync(Input()), DomainException.Forbidden);
        Kit.AsOffice(db);
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.AgentId = null)), "请选择全程跟踪的帮代办人员（1+1）");
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.AgentId = "no-such-user")), "帮代办人员应为在岗的企业管家或专班办公室人员");
        string leader;
        await using (var ctx = db.CreateDbContext()) leader = await ctx.Users.Where(u => u.UserName == "leader").Select(u => u.Id).SingleAsync();
        await Kit.RefusedAsync(() => matters.CreateAsync(Input(x => x.AgentId = leader)), "帮代办人员应为在岗的企业管家或专班办公室人员");
        await using (var ctx = db.CreateDbContext())
            Assert.Equal(SeedJson.Matters.Count, await ctx.HelpMatters.CountAsync());

        // A steward is its own agent whatever the form says.
        db.SignIn("steward", AppRoles.Steward, userId: me);
        var id = await matters.CreateAsync(Input());
        await using (var ctx = db.CreateDbContext())
        {
            var matter = await ctx.HelpMatters.AsNoTracking().Include(m => m.Windows).SingleAsync(m => m.Id == id);
            Assert.Equal(me, matter.AgentId);
            Assert.Equal(own, matter.EnterpriseId);
            Assert.Equal("排污许可证变更", matter.Name);
            Assert.Equal(HelpMode.Proxy, matter.Mode);
            Assert.Equal(HelpState.Accepted, matter.State);
            Assert.Equal(Kit.Today.AddDays(-2), matter.AcceptedOn);
            Assert.Equal(Kit.Today.AddDays(10), matter.PromisedOn);
            Assert.Null(matter.FinishedOn);
            Assert.Equal(new[] { approval, ecology }.Order(), matter.Windows.Select(w => w.UnitId).Order());
        }
        Assert.Contains((await matters.ListAsync(new HelpMatterQuery(), 0, 500)).Rows, r => r.Id == id);

        // Another steward neither sees nor acts on it; a window unit sees it.
        db.SignIn("steward2", AppRoles.Steward, userId: steward2);
        Assert.DoesNotContain((await matters.ListAsync(new HelpMatterQuery(), 0, 500)).Rows, r => r.Id == id);
        await Kit.RefusedAsync(() => matters.StartAsync(id, 0), "只有全程跟踪该事项的帮代办人员可以办理");
        await Kit.RefusedAsync(() => matters.FinishAsync(id, "代为办结", 0), "只有全程跟踪该事项的帮代办人员可以办理");
        db.SignIn("unit", AppRoles.Unit, ecology, "市生态环境局");
        Assert.Contains((await matters.ListAsync(new HelpMatterQuery(), 0, 500)).Rows, r => r.Id == id);
        await Kit.RefusedAsync(() => matters.StartAsync(id, 0), DomainException.Forbidden);

        // 受理 → 办理中 → 已办结 by the agent.
        db.SignIn("steward", AppRoles.Steward, userId: me);
        await matters.StartAsync(id, 0);
        Assert.Equal((HelpState.InProgress, 1), await StateAsync(db, id));
        await Kit.RefusedAsync(() => matters.StartAsync(id, 1), "事项已在办理中");
        await Kit.RefusedAsync(() => matters.FinishAsync(id, "  ", 1), "办结须填写办理结果");
        await Kit.RefusedAsync(() => matters.FinishAsync(id, null, 1), "办结须填写办理结果");
        await Kit.RefusedAsync(() => matters.FinishAsync(id, "已取得排污许可证", 0), DomainException.Conflict);
        Assert.Equal((HelpState.InProgress, 1), await StateAsync(db, id));

        await matters.FinishAsync(id, " 已取得变更后的排污许可证 ", 1);
        await using (var ctx = db.CreateDbContext())
        {
            var matter = await ctx.HelpMatters.AsNoTracking().SingleAsync(m => m.Id == id);
            Assert.Equal(HelpState.Finished, matter.State);
            Assert.Equal(Kit.Today, matter.FinishedOn);
            Assert.Equal("已取得变更后的排污许可证", matter.Result);
            Assert.Equal(2, matter.Version);
        }
        await Kit.RefusedAsync(() => matters.FinishAsync(id, "再办结一次", 2), "事项已办结");
        await Kit.RefusedAsync(() => matters.StartAsync(id, 2), "事项已办结");

        // The figure counts it.
        Kit.AsOffice(db);
        // 代办 (this one's mode) only, as the source counts: 183 finished 2022-01-01…2023-05-18 and 4 later in the seed, and this one.
        Assert.Equal(188, (await matters.CountsAsync()).FinishedSince2022);
        Assert.Equal("188", (await db.Figures<EnterpriseFigures>().FiguresAsync(QiyangConsole.Features.Dashboard.Period.Year(2023), CancellationToken.None))[1].Value);
        Assert.Equal("184", (await db.Figures<EnterpriseFigures>().FiguresAsync(new(new DateOnly(2023, 1, 1), Kit.Today), CancellationToken.None))[1].Value);
    }

    private static async Task<(HelpState, int)> StateAsync(TestDb db, int id)
    {
        await using var ctx = db.CreateDbContext();
        var m = await ctx.HelpMatters.AsNoTracking().SingleAsync(x => x.Id == id);
        return (m.State, m.Version);
    }
}
