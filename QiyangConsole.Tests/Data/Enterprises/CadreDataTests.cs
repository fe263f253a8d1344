using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Enterprises;

/// <summary>百名干部联百企: links to an enterprise or a project, the three lists, and unlinking.</summary>
public sealed class CadreDataTests
{
    [DbFact]
    public async Task The_office_edits_a_cadre_and_a_second_edit_from_the_same_version_is_refused()
    {
        await using var db = await TestDb.CreateAsync();
        await Seeds.Runner(db, Seeds.Config()).RunAsync();
        Kit.AsOffice(db);
        var cadres = db.Get<CadreService>();
        var unit = await Kit.UnitIdAsync(db, "市发展和改革局");
        await Kit.RefusedAsync(() => cadres.SaveCadreAsync(0, " ", unit, null, null, 0), "请填写干部姓名");
        await Kit.RefusedAsync(() => cadres.SaveCadreAsync(0, "覃磊", null, null, null, 0), "请选择干部所在单位");
        await Kit.RefusedAsync(() => cadres.SaveCadreAsync(0, new string('覃', 31), unit, null, null, 0), "干部姓名不能超过 30 个字");
        var id = await cadres.SaveCadreAsync(0, " 覃磊 ", unit, "副局长", null, 0);

        await cadres.SaveCadreAsync(id, "覃磊", unit, "党组成员、副局长", "18212112796", 0);
        await Kit.RefusedAsync(() => cadres.SaveCadreAsync(id, "覃磊", unit, "副局长", null, 0), DomainException.Conflict);

        var detail = await cadres.DetailAsync(id);
        Assert.Equal(("覃磊", "党组成员、副局长", "18212112796"), (detail.Cadre.Name, detail.Cadre.Post, detail.Cadre.Phone));
        db.SignIn("viewer", AppRoles.Viewer);
        await Kit.RefusedAsync(() => cadres.SaveCadreAsync(id, "覃磊", unit, null, null, 1), DomainException.Forbidden);
    }

    [DbFact]
    public async Task Links_and_list_items_move_the_totals_and_an_open_item_keeps_the_link()
    {
        await using var db = await EnterpriseDb.FullAsync();
        Kit.AsOffice(db);
        var cadres = db.Get<CadreService>();
        var before = await cadres.TotalsAsync();
        var first = SeedJson.Cadres[0];
        int cadreId, linkedEnterprise, linkedProject, freeEnterprise, unit;
        await using (var ctx = db.CreateDbContext())
        {
            cadreId = await ctx.Cadres.Where(c => c.Name == first.Name).Select(c => c.Id).SingleAsync();
            linkedEnterprise = await ctx.Enterprises.Where(e => e.Name == first.Enterprises[0]).Select(e => e.Id).SingleAsync();
            linkedProject = await ctx.Projects.Where(p => p.Name == first.Projects[0]).Select(p => p.Id).SingleAsync();
            freeEnterprise = await ctx.Enterprises.Where(e => !ctx.CadreLinks.Any(l => l.EnterpriseId == e.Id)).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            unit = await ctx.Units.Where(u => u.Name == "国网祁阳市供电公司").Select(u => u.Id).SingleAsync();
        }
        var links = await LinkCountAsync(db);

        // Exactly one target, no duplicates, known records, the Office only.
        await Kit.RefusedAsync(() => cadres.LinkAsync(cadreId, freeEnterprise, linkedProject), "请选择一家企业或一个重点项目");
        await Kit.RefusedAsync(() => cadres.LinkAsync(cadreId, null, null), "请选择一家企业或一个重点项目");
        await Kit.RefusedAsync(() => cadres.LinkAsync(cadreId, linkedEnterprise, null), "已联系该企业或项目");
        await Kit.RefusedAsync(() => cadres.LinkAsync(cadreId, null, linkedProject), "已联系该企业或项目");
        await Kit.RefusedAsync(() => cadres.LinkAsync(999_999, freeEnterprise, null), "干部不存在");
        await Kit.RefusedAsync(() => cadres.LinkAsync(cadreId, 999_999, null), "企业不存在");
        await Kit.RefusedAsync(() => cadres.LinkAsync(cadreId, null, 999_999), "项目不存在");
        db.SignIn("leader", AppRoles.Leader);
        await Kit.RefusedAsync(() => cadres.LinkAsync(cadreId, freeEnterprise, null), DomainException.Forbidden);
        Kit.AsOffice(db);
        Assert.Equal(links, await LinkCountAsync(db));

        await cadres.LinkAsync(cadreId, freeEnterprise, null);
        var linked = await cadres.TotalsAsync();
        Assert.Equal(before.Cadres, linked.Cadres);
        Assert.Equal(before.Enterprises + 1, linked.Enterprises);
        Assert.Equal(before.Projects, linked.Projects);
        await Kit.RefusedAsync(() => cadres.LinkAsync(cadreId, freeEnterprise, null), "已联系该企业或项目");
        Assert.Equal(links + 1, await LinkCountAsync(db));
        int linkId;
        await using (var ctx = db.CreateDbContext())
            linkId = await ctx.CadreLinks.Where(l => l.CadreId == cadreId && l.EnterpriseId == freeEnterprise).Select(l => l.Id).SingleAsync();

        // The three lists' checks.
        var deadline = new DateOnly(2023, 6, 30);
        await Kit.RefusedAsync(() => cadres.AddItemAsync(linkId, (CadreList)9, "协调用电增容", unit, deadline), "请选择清单（企业需求、问题摸排或工作任务）");
        await Kit.RefusedAsync(() => cadres.AddItemAsync(linkId, CadreList.Problem, "  ", unit, deadline), "请填写清单事项内容");
        await Kit.RefusedAsync(() => cadres.AddItemAsync(linkId, CadreList.Problem, "协调用电增容", unit, Kit.Today.AddDays(-1)), "请填写不早于今天的完成期限");
        await Kit.RefusedAsync(() => cadres.AddItemAsync(linkId, CadreList.Problem, "协调用电增容", unit, null), "请填写不早于今天的完成期限");
        await Kit.RefusedAsync(() => cadres.AddItemAsync(999_999, CadreList.Problem, "协调用电增容", unit, deadline), "联系关系不存在");
        await Kit.RefusedAsync(() => cadres.AddItemAsync(linkId, CadreList.Problem, "协调用电增容", null, deadline), "请选择责任单位");
        await Kit.RefusedAsync(() => cadres.AddItemAsync(linkId, CadreList.Problem, "协调用电增容", 999_999, deadline), "请选择责任单位");
        AssertOpen(before, await cadres.TotalsAsync());

        // Two open items: the counts go up, and the link cannot be removed.
        await cadres.AddItemAsync(linkId, CadreList.Problem, " 协调企业用电增容 ", unit, deadline);
        await cadres.AddItemAsync(linkId, CadreList.Need, "解决 20 名技术工人招聘", unit, Kit.Today);
        var open = await cadres.TotalsAsync();
        Assert.Equal(before.OpenItems[CadreList.Problem] + 1, open.OpenItems[CadreList.Problem]);
        Assert.Equal(before.OpenItems[CadreList.Need] + 1, open.OpenItems[CadreList.Need]);
        Assert.Equal(before.OpenItems[CadreList.Task], open.OpenItems[CadreList.Task]);
        await Kit.RefusedAsync(() => cadres.UnlinkAsync(linkId), "该联系还有未办结的清单事项，不能解除");
        int problemItem, needItem;
        await using (var ctx = db.CreateDbContext())
        {
            problemItem = await ctx.CadreListItems.Where(i => i.LinkId == linkId && i.List == CadreList.Problem).Select(i => i.Id).SingleAsync();
            needItem = await ctx.CadreListItems.Where(i => i.LinkId == linkId && i.List == CadreList.Need).Select(i => i.Id).SingleAsync();
        }

        // 办理中 is still open; 办结 needs a result and the current version.
        await cadres.UpdateItemAsync(problemItem, ItemState.InProgress, null, 0);
        Assert.Equal(open.OpenItems[CadreList.Problem], (await cadres.TotalsAsync()).OpenItems[CadreList.Problem]);
        await Kit.RefusedAsync(() => cadres.UpdateItemAsync(problemItem, ItemState.Done, " ", 1), "办结须填写办理结果");
        await Kit.RefusedAsync(() => cadres.UpdateItemAsync(problemItem, ItemState.Done, "已协调", 0), DomainException.Conflict);
        await cadres.UpdateItemAsync(problemItem, ItemState.Done, " 已协调供电公司完成增容 ", 1);
        var done = await cadres.TotalsAsync();
        Assert.Equal(before.OpenItems[CadreList.Problem], done.OpenItems[CadreList.Problem]);
        Assert.Equal(before.OpenItems[CadreList.Need] + 1, done.OpenItems[CadreList.Need]);
        await using (var ctx = db.CreateDbContext())
        {
            var item = await ctx.CadreListItems.AsNoTracking().SingleAsync(i => i.Id == problemItem);
            Assert.Equal(ItemState.Done, item.State);
            Assert.Equal(Kit.Today, item.DoneOn);
            Assert.Equal("已协调供电公司完成增容", item.Result);
            Assert.Equal("协调企业用电增容", item.Content);
        }
        await Kit.RefusedAsync(() => cadres.UpdateItemAsync(problemItem, ItemState.Open, null, 2), "该事项已办结");
        await Kit.RefusedAsync(() => cadres.UnlinkAsync(linkId), "该联系还有未办结的清单事项，不能解除");

        // With every item done the link can go, its items with it, and the totals are back where they were.
        await cadres.UpdateItemAsync(needItem, ItemState.Done, "已招聘到位", 0);
        AssertOpen(before, await cadres.TotalsAsync());
        await cadres.UnlinkAsync(linkId);
        var after = await cadres.TotalsAsync();
        Assert.Equal(before.Cadres, after.Cadres);
        Assert.Equal(before.Enterprises, after.Enterprises);
        Assert.Equal(before.Projects, after.Projects);
        AssertOpen(before, after);
        Assert.Equal(links, await LinkCountAsync(db));
        await using (var ctx = db.CreateDbContext())
            Assert.False(await ctx.CadreListItems.AnyAsync(i => i.LinkId == linkId));
        await Kit.RefusedAsync(() => cadres.UnlinkAsync(linkId), DomainException.Conflict);
    }

    private static void AssertOpen(CadreTotals expected, CadreTotals actual)
    {
        foreach (var list in Enum.GetValues<CadreList>()) Assert.Equal(expected.OpenItems[list], actual.OpenItems[list]);
    }

    private static async Task<int> LinkCountAsync(TestDb db)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.CadreLinks.CountAsync();
    }
}
