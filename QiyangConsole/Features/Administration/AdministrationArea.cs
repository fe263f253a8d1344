using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Account;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Jobs;

namespace QiyangConsole.Features.Administration;

public static class AdministrationArea
{
    public static IServiceCollection AddAdministrationArea(this IServiceCollection services)
    {
        services.AddSingleton<CalendarCache>();
        services.AddScoped<CalendarService>();
        services.AddScoped<SettingsService>();
        services.AddScoped<UnitService>();
        services.AddScoped<UserService>();
        services.AddScoped<LogService>();
        services.AddScoped<ReminderService>();
        services.AddScoped<SignInService>();
        services.AddScoped<DisplayPreferences>();
        services.AddSingleton<SignInGuard>();
        services.AddSingleton<Captcha>();
        services.AddScoped<JobsService>();
        services.AddMemoryCache();
        services.AddSingleton<FigureCache>();
        services.AddScoped<DashboardService>();
        services.AddScoped<Dashboard.TodoService>();
        services.AddScoped<Dashboard.ChartService>();
        services.AddScoped<Dashboard.ChartPictures>();
        services.AddScoped<IDashboardFigures, AdministrationFigures>();
        services.AddScoped<CalendarCheckJob>();
        services.AddSingleton(CalendarCheckJob.Definition);
        services.AddSingleton<LogChainLock>();
        services.AddScoped<LogChainService>();
        services.AddHostedService<LogSealing>();
        services.AddScoped<LogRetentionJob>();
        services.AddSingleton(LogRetentionJob.Definition);
        services.AddScoped<BackupService>();
        services.AddScoped<BackupJob>();
        services.AddSingleton(BackupJob.Definition);
        services.AddScoped<ISeedStep, BackupParameterSeed>();
        services.AddScoped<ISeedStep, UnitsSeed>();
        services.AddScoped<ISeedStep, CalendarSeed>();
        services.AddScoped<ISeedStep, CalendarHistorySeed>();
        services.AddScoped<ISeedStep, DictionarySeed>();
        services.AddScoped<ISeedStep, ParameterSeed>();
        services.AddScoped<ISeedStep>(_ => AddedParametersSeed.LogRetention);
        services.AddScoped<ISeedStep>(_ => AddedParametersSeed.CircularIssuerCode);
        services.AddScoped<ISeedStep, AccountsSeed>();
        services.AddScoped<ISeedStep, ThreeAdministratorsSeed>();
        services.AddScoped<ISeedStep, NewParametersSeed>();
        services.AddScoped<ISeedStep, DemoNamesSeed>();
        return services;
    }
}
