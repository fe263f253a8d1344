using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Exchanges;
using QiyangConsole.Features.Projects;
using QiyangConsole.Features.WorkItems;
using QiyangConsole.Infrastructure.Auth;
using QiyangConsole.Infrastructure.Jobs;

namespace QiyangConsole.Tests.Support;

/// <summary>
/// The app's services built through each area's registration (as Program.cs does) over a test database,
/// so that a change to a service's constructor does not touch the tests. Get them with <see cref="TestDb.Get{T}"/>.
/// </summary>
public static class TestServices
{
    /// <summary>Every <c>Add&lt;Area&gt;Area()</c> over <paramref name="db"/>: the database as the context factory,
    /// <see cref="TestDb.Actor"/> as the signed-in user, <see cref="TestDb.Clock"/> as the time.</summary>
    public static IServiceCollection AddAreas(this IServiceCollection services, TestDb db)
    {
        services.AddLogging();
        services.AddAdministrationArea();
        services.AddEvaluationArea();
        services.AddWorkItemsArea();
        services.AddExchangesArea();
        services.AddProjectsArea();
        services.AddEnterprisesArea();
        services.Replace(ServiceDescriptor.Singleton<IDbContextFactory<AppDbContext>>(db));
        services.Replace(ServiceDescriptor.Scoped(_ => db.CreateDbContext()));
        services.Replace(ServiceDescriptor.Singleton(db.Actor));
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(db.Clock));
        services.Replace(ServiceDescriptor.Singleton(new DataPaths(db.Directory)));
        services.Replace(ServiceDescriptor.Singleton(db.Database));
        services.TryAddSingleton<QiyangConsole.Infrastructure.Files.FileStore>();
        services.TryAddScoped<JobRecorder>();
        services.TryAddSingleton<OnlineSessions>();
        return services;
    }

    /// <summary>The app's authentication and Identity (UserManager for the user service), then every area over <paramref name="db"/>.</summary>
    public static ServiceProvider Build(TestDb db)
    {
        var services = new ServiceCollection();
        services.AddHttpContextAccessor();
        services.AddQiyangAuth(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddAreas(db);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
