using System.Text.Encodings.Web;
using System.Text.Unicode;
using Hangfire;
using Microsoft.AspNetCore.Components.Server.Circuits;
using MudBlazor;
using MudBlazor.Services;
using QiyangConsole.Components;
using QiyangConsole.Data;
using QiyangConsole.Features.Account;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.WorkItems;
using QiyangConsole.Features.Exchanges;
using QiyangConsole.Features.Projects;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;
using QiyangConsole.Infrastructure.Http;
using QiyangConsole.Infrastructure.Jobs;
using QiyangConsole.Infrastructure.Localization;


namespace QiyangConsole;

/// <summary>The console as one web application: services, middleware and endpoints. Program and the benchmark build it the same way.</summary>
public static class ConsoleApp
{
    /// <summary>Builds the app; <paramref name="configure"/> may adjust the builder first (the benchmark points it at its own data folder).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        // Serve package assets (MudBlazor) when running from build output in any environment: `dotnet run` starts in Production by default.
        builder.WebHost.UseStaticWebAssets();

        var engine = builder.AddQiyangData();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<HtmlEncoder>(HtmlEncoder.Create(UnicodeRanges.All));
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.TopCenter);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddQiyangLocalization();
        builder.Services.AddQiyangAuth(builder.Configuration);
        builder.Services.AddQiyangJobs(builder.Configuration, engine);
        builder.Services.AddAdministrationArea();
        builder.Services.AddEvaluationArea();
        builder.Services.AddWorkItemsArea();
        builder.Services.AddExchangesArea();
        builder.Services.AddProjectsArea();
        builder.Services.AddEnterprisesArea();

        var app = builder.Build();

        app.UseForwardedHeaders(Proxy.Options(app.Configuration));
        app.UseSecurityHeaders();
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        app.UseStaticFiles(AppAssets.Options);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePasswordChangeGate();
        app.UseCurrentUser();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapAccountEndpoints();
        var downloads = app.MapGroup("").WithRefusals();
        downloads.MapEvaluationEndpoints();
        downloads.MapWorkItemEndpoints();
        downloads.MapExchangeEndpoints();
        downloads.MapProjectEndpoints();
        downloads.MapEnterpriseEndpoints();
        downloads.MapAdministrationEndpoints();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [], AppPath = "/system/jobs", DashboardTitle = "定时任务" })
            .RequireAuthorization(Access.SystemAdmin);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>Migrates and seeds the database, then registers the recurring jobs.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        await app.InitialiseDatabaseAsync();
        app.RegisterRecurringJobs();
    }
}
