using Hangfire;
using Hangfire.InMemory;

namespace QiyangConsole.Infrastructure.Jobs;

/// <summary>A recurring job of the console: its id, Chinese name, schedule and how to register it.</summary>
public sealed record RecurringJobDefinition(string Id, string Name, string Cron, Action<IRecurringJobManager, string, RecurringJobOptions> Register);

public static class JobsSetup
{
    public static RecurringJobOptions Options => new() { TimeZone = AppTime.Zone };

    public static IServiceCollection AddQiyangJobs(this IServiceCollection services)
    {
        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(7) }));
        services.AddHangfireServer(o => o.WorkerCount = 2);
        services.AddScoped<JobRecorder>();
        return services;
    }

    /// <summary>All recurring jobs are registered here, in one place.</summary>
    public static void RegisterRecurringJobs(this WebApplication app)
    {
        var manager = app.Services.GetRequiredService<IRecurringJobManager>();
        foreach (var job in app.Services.GetServices<RecurringJobDefinition>())
            job.Register(manager, job.Cron, Options);
    }
}
