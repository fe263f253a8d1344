using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Features.Projects.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Excel;

namespace QiyangConsole.Features.Projects;

public static class ProjectsArea
{
    public static IServiceCollection AddProjectsArea(this IServiceCollection services)
    {
        services.AddScoped<ProjectService>();
        services.AddScoped<LeaderEngagementService>();
        services.AddScoped<ProjectFigures>();
        services.AddScoped<IDashboardFigures>(sp => sp.GetRequiredService<ProjectFigures>());
        services.AddScoped<ISeedStep, ChecklistTemplateSeed>();
        services.AddScoped<ISeedStep, ProjectSeed>();
        services.AddScoped<ISeedStep, KeyProjectSeed>();
        return services;
    }

    public static void MapProjectEndpoints(this IEndpointRouteBuilder app)
    {
        // The register as filtered on the page.
        app.MapGet("/projects/export.xlsx", async (string? text, ProjectStage? stage, bool? key, string? industry, string? region, string? investorType, string? leader, int? unit, bool? overdue, ProjectService projects) =>
        {
            try
            {
                var (rows, _) = await projects.ListAsync(new ProjectQuery(text, stage, key, industry, region, investorType, leader, unit, overdue == true), 0, 100_000);
                var n = 0;
                var bytes = ExcelList.Build("项目库",
                    [("序号", 6), ("项目名称", 32), ("投资企业", 28), ("行业", 12), ("来源地区", 10), ("投资额（万元）", 14), ("亿元重点项目", 10), ("阶段", 8), ("签约日期", 12), ("联系市级领导", 16), ("牵头单位", 20), ("逾期节点", 8), ("先进场后签约", 10)],
                    rows.Select(p => new object?[]
                    {
                        ++n, p.Name, p.Investor, p.Industry, p.OriginRegion, p.InvestmentWan, p.IsKey ? "是" : null, p.Stage.Name(), AppTime.ListDate(p.SignedOn),
                        p.Leader, p.LeadUnit, p.OverdueNodes, p.EnteredBeforeSigning ? "是" : null,
                    }));
                return Results.File(bytes, ExcelText.ContentType, "项目库.xlsx");
            }
            catch (DomainException ex) { return Results.Text(ex.Message, statusCode: StatusCodes.Status403Forbidden); }
        }).RequireAuthorization();
    }
}
