using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Dashboard;

namespace QiyangConsole.Features.Exchanges;

public static class ExchangesArea
{
    public static IServiceCollection AddExchangesArea(this IServiceCollection services)
    {
        services.AddScoped<ExchangeService>();
        services.AddScoped<ProblemService>();
        services.AddScoped<CallbackService>();
        services.AddScoped<ProblemEscalationJob>();
        services.AddSingleton(ProblemEscalationJob.Definition);
        services.AddScoped<ISeedStep, ExchangeSeed>();
        services.AddScoped<IDashboardFigures, ExchangeFigures>();
        services.AddScoped<ITodoSource, ExchangeTodos>();
        return services;
    }
}
