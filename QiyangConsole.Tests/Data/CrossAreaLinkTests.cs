using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Exchanges;
using QiyangConsole.Features.Projects;
using QiyangConsole.Features.WorkItems;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data;

public class CrossAreaLinkTests
{
    [DbFact]
    public async Task A_work_item_belongs_to_a_project_and_a_problem_can_come_from_a_work_item()
    {
        await using var db = await Seeds.SeededAsync(new ChecklistTemplateSeed(), new ProjectSeed(Seeds.Config()));
        db.SignIn("office", AppRoles.Office);
        db.Clock.Now = new DateTimeOffset(2023, 6, 5, 9, 0, 0, TimeSpan.FromHours(8));
        var items = db.Get<WorkItemService>();
        await using var ctx = db.CreateDbContext();
        var project = await ctx.Projects.FirstAsync(p => p.Investor == "湖南壕鑫纺织有限公司");
        var unit = await ctx.Units.Where(u => u.Name == "市自然资源局").Select(u => u.Id).SingleAsync();

        Assert.Contains(await items.ProjectChoicesAsync(), p => p.Id == project.Id);
        var edit = new WorkItemEdit { Title = "壕鑫纺织项目用地报批", Source = "专项", LeadUnitId = unit, Deadline = new DateOnly(2023, 6, 30), ProjectId = 99999 };
        Assert.Equal("所属项目不存在", (await Assert.ThrowsAsync<DomainException>(() => items.CreateAsync(edit))).Message);
        edit.ProjectId = project.Id;
        var itemId = await items.CreateAsync(edit);
        var detail = await items.DetailAsync(itemId);
        Assert.Equal(project.Name, detail.Item.Project?.Name);

        var problems = db.Get<ProblemService>();
        var problemId = await problems.RegisterAsync(new ProblemInput { WorkItemId = itemId, EnterpriseName = "湖南壕鑫纺织有限公司", Description = "用地指标需省级调剂", Category = "用地" });
        var (problem, _) = await problems.DetailAsync(problemId);
        Assert.Equal(itemId, problem.WorkItemId);
        Assert.Null(problem.EventId);
        Assert.Equal("重点工作事项不存在", (await Assert.ThrowsAsync<DomainException>(() => problems.RegisterAsync(new ProblemInput { WorkItemId = 99999, EnterpriseName = "x", Description = "y", Category = "用地" }))).Message);
    }
}
