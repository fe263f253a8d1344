using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Dashboard;

namespace QiyangConsole.Features.Projects;

public static class ProjectsArea
{
    public static IServiceCollection AddProjectsArea(this IServiceCollection services)
    {
        services.AddScoped<ProjectService>();
        services.AddScoped<LeaderEngagementService>();
        services.AddScoped<ProjectFigures>();
        services.AddScoped<IDashboardFigures>(sp => sp.GetRequiredService<ProjectFigures>());
        services.AddScoped<Dashboard.ITodoSource, ProjectTodos>();
        services.AddScoped<ISeedStep, ChecklistTemplateSeed>();
        services.AddScoped<ISeedStep, ProjectSeed>();
        services.AddScoped<ISeedStep, KeyProjectSeed>();
        return services;
    }
}
