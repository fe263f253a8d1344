using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Projects;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Projects;

public class ChecklistTemplateTests
{
    [DbFact]
    public async Task The_office_edits_the_templates_and_new_projects_copy_them_while_old_ones_keep_theirs()
    {
        await using var db = await Seeds.SeededAsync(new ChecklistTemplateSeed(), new ProjectSeed(Seeds.Config()));
        var projects = db.Get<ProjectService>();

        db.SignIn("unit", AppRoles.Unit);
        Assert.Equal(DomainException.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => projects.SaveTemplateAsync(0, "立项", "安全评价报告", 6, 0))).Message);

        db.SignIn("office", AppRoles.Office);
        Assert.Equal("清单节点只能是“立项”或“开工”", (await Assert.ThrowsAsync<DomainException>(() => projects.SaveTemplateAsync(0, "投产", "x", 1, 0))).Message);
        await projects.SaveTemplateAsync(0, "立项", "安全评价报告", 6, 0);
        var templates = await projects.TemplatesAsync();
        Assert.Equal(11, templates.Count);

        await using var ctx = db.CreateDbContext();
        var leader = await ctx.Users.Where(u => u.UserName == "leader").Select(u => u.Id).SingleAsync();
        var unit = await ctx.Units.Where(u => u.Name == "高新区招商合作局").Select(u => u.Id).SingleAsync();
        var before = await ctx.ProjectChecklist.CountAsync();
        var id = await projects.SaveAsync(new ProjectEdit
        {
            Name = "安全评价测试项目", Investor = "测试企业", Industry = "新材料", OriginRegion = "省内", InvestorType = "其他",
            InvestmentWan = 500, NegotiatingOn = new DateOnly(2023, 5, 1), ContactLeaderId = leader, LeadUnitId = unit,
        });
        Assert.Equal(11, await ctx.ProjectChecklist.CountAsync(c => c.ProjectId == id));
        Assert.Contains(await ctx.ProjectChecklist.Where(c => c.ProjectId == id).Select(c => c.Name).ToListAsync(), n => n == "安全评价报告");
        Assert.Equal(before + 11, await ctx.ProjectChecklist.CountAsync());
        Assert.DoesNotContain(await ctx.ProjectChecklist.Where(c => c.ProjectId != id).Select(c => c.Name).ToListAsync(), n => n == "安全评价报告");
    }
}
