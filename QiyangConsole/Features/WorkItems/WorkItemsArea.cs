using QiyangConsole.Data.Seeding;

namespace QiyangConsole.Features.WorkItems;

public static class WorkItemsArea
{
    public static IServiceCollection AddWorkItemsArea(this IServiceCollection services)
    {
        services.AddScoped<WorkItemService>();
        services.AddScoped<SettlementService>();
        services.AddScoped<WorkItemLightsJob>();
        services.AddSingleton(WorkItemLightsJob.Definition);
        services.AddScoped<ISeedStep, WorkItemSeed>();
        services.AddScoped<Dashboard.IDashboardFigures, WorkItemFigures>();
        services.AddScoped<Dashboard.ITodoSource, WorkItemTodos>();
        return services;
    }
}
