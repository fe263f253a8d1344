using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Dashboard;

namespace QiyangConsole.Features.Enterprises;

public static class EnterprisesArea
{
    public static IServiceCollection AddEnterprisesArea(this IServiceCollection services)
    {
        services.AddScoped<EnterpriseService>();
        services.AddScoped<EnterpriseImportService>();
        services.AddScoped<StewardService>();
        services.AddScoped<VisitService>();
        services.AddScoped<HelpMatterService>();
        services.AddScoped<CadreService>();
        services.AddScoped<ContactCardService>();
        services.AddScoped<IDashboardFigures, EnterpriseFigures>();
        services.AddScoped<ITodoSource, EnterpriseTodos>();
        services.AddScoped<StewardRemindersJob>();
        services.AddSingleton(StewardRemindersJob.Definition);
        services.AddScoped<ISeedStep, ParkZoneSeed>();
        services.AddScoped<ISeedStep, ServiceContactSeed>();
        services.AddScoped<ISeedStep, EnterpriseSeed>();
        services.AddScoped<ISeedStep, CadreSeed>();
        return services;
    }
}
