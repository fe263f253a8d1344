using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using QiyangConsole.Data;

namespace QiyangConsole.Infrastructure.Jobs;

/// <summary>A recurring job of the console: its id, Chinese name, schedule and how to register it.</summary>
public sealed record RecurringJobDefinition(string Id, string Name, string Cron, Action<IRecurringJobManager, string, RecurringJobOptions> Register);

public enum JobStore { InMemory, PostgreSql }

public static class JobsSetup
{
    public static RecurringJobOptions Options => new() { TimeZone = AppTime.Zone };

    /// <summary>
    /// Hangfire with its storage from <c>Jobs:Storage</c>: <c>InMemory</c> (the embedded default; one console) or
    /// <c>PostgreSql</c>, in the console's PostgreSQL database (schema <c>hangfire</c>), the default when the data is
    /// there. Shared storage is what makes several instances run each recurring job once per schedule: they take the
    /// schedule's distributed lock in turn, and a job enqueued on one instance may run on any.
    /// </summary>
    public static IServiceCollection AddQiyangJobs(this IServiceCollection services, IConfiguration config, DatabaseEngine engine)
    {
        var storage = Storage(config, engine);
        services.AddHangfire(c =>
        {
            c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (storage == JobStore.PostgreSql)
                c.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(engine.ConnectionString), new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    // A job started from the console ("立即执行") is picked up within this time by any instance.
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                });
            else c.UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(7) });
        });
        services.AddHangfireServer(o => o.WorkerCount = 2);
        services.AddScoped<JobRecorder>();
        return services;
    }

    /// <summary>Where Hangfire keeps its jobs; PostgreSQL storage needs the data in PostgreSQL too (the same database).</summary>
    public static JobStore Storage(IConfiguration config, DatabaseEngine engine)
    {
        var name = config["Jobs:Storage"];
        if (string.IsNullOrWhiteSpace(name)) return engine.IsSqlite ? JobStore.InMemory : JobStore.PostgreSql;
        if (name.Equals("InMemory", StringComparison.OrdinalIgnoreCase)) return JobStore.InMemory;
        if (!name.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"配置项 Jobs:Storage 的值“{name}”无效：应为 InMemory 或 PostgreSql");
        if (engine.IsSqlite)
            throw new InvalidOperationException("配置项 Jobs:Storage 为 PostgreSql 时，数据也须在 PostgreSQL 中（Database:Provider = PostgreSql）");
        return JobStore.PostgreSql;
    }

    /// <summary>All recurring jobs are registered here, in one place.</summary>
    public static void RegisterRecurringJobs(this WebApplication app)
    {
        var manager = app.Services.GetRequiredService<IRecurringJobManager>();
        foreach (var job in app.Services.GetServices<RecurringJobDefinition>())
            job.Register(manager, job.Cron, Options);
    }
}
