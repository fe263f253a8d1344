using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Dashboard;

namespace QiyangConsole.Features.Evaluation;

public static class EvaluationArea
{
    public static IServiceCollection AddEvaluationArea(this IServiceCollection services)
    {
        services.AddScoped<EvaluationService>();
        services.AddScoped<StatementService>();
        services.AddScoped<ScoreService>();
        services.AddScoped<FindingService>();
        services.AddScoped<RankingService>();
        services.AddScoped<CircularService>();
        services.AddScoped<QuarterService>();
        services.AddScoped<MonthlyRankingJob>();
        services.AddScoped<RankingRunner>();
        services.AddSingleton(MonthlyRankingJob.Definition);
        services.AddScoped<ISeedStep, EvaluationSeed>();
        services.AddScoped<IDashboardFigures, EvaluationFigures>();
        services.AddScoped<ITodoSource, EvaluationTodos>();
        return services;
    }
}
