using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Projects;
using QiyangConsole.Features.Projects.Pages;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Components.Projects;

/// <summary>The project page rendered with the real services over a seeded SQLite file.</summary>
public class ProjectPageTests : ComponentTestBase
{
    private async Task<(TestDb Db, int KunnengId)> ArrangeAsync(string userName, string role)
    {
        var db = await Seeds.SeededAsync(new ChecklistTemplateSeed(), new ProjectSeed(Seeds.Config()));
        db.SignIn(userName, role);
        Services.AddAreas(db);
        AddAuthorization().SetAuthorized(userName).SetRoles(role);
        await using var ctx = db.CreateDbContext();
        var id = await ctx.Projects.Where(p => p.Investor == "湖南坤能新材料有限公司").Select(p => p.Id).SingleAsync();
        return (db, id);
    }

    [Fact]
    public async Task The_office_sees_the_five_ones_at_a_glance_and_can_edit_and_add_plan_nodes()
    {
        var (db, id) = await ArrangeAsync("office", AppRoles.Office);
        await using var _ = db;
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", true));
        var page = Render<ProjectPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.Contains("湖南坤能新材料有限公司新材料生产项目", page.Find("h1").TextContent));
        var fiveOnes = page.Find("#five-ones").TextContent;
        Assert.Contains("一名领导", fiveOnes);
        Assert.Contains("市级领导", fiveOnes);
        Assert.Contains("专班牵头单位、市自然资源局", fiveOnes);
        Assert.Contains("倒排工期", fiveOnes);
        Assert.Contains("已开工", page.Find("#project-stage").TextContent);
        Assert.Contains("1.50 亿元", page.Markup);
        Assert.Contains("亿元重点项目", page.Markup);
        Assert.Equal(2, page.FindAll("#plan-nodes tbody tr").Count);
        Assert.NotEmpty(page.FindAll("#project-edit"));
        Assert.NotEmpty(page.FindAll("#node-add"));
    }

    [Fact]
    public async Task A_viewer_reads_the_project_without_any_control_to_change_it()
    {
        var (db, id) = await ArrangeAsync("viewer", AppRoles.Viewer);
        await using var _ = db;
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", true));
        var page = Render<ProjectPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#five-ones")));
        Assert.Empty(page.FindAll("#project-edit"));
        Assert.Empty(page.FindAll("#node-add"));
        Assert.Empty(page.FindAll("#plan-nodes button"));
    }

    [Fact]
    public async Task An_unknown_project_shows_a_message_instead_of_failing()
    {
        var (db, _) = await ArrangeAsync("office", AppRoles.Office);
        await using var __ = db;
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", true));
        var page = Render<ProjectPage>(p => p.Add(x => x.Id, 99999));
        page.WaitForAssertion(() => Assert.Contains("项目不存在", page.Markup));
    }
}
