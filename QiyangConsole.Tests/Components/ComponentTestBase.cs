using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Components;

/// <summary>bUnit with MudBlazor as its own tests set it up; MudBlazor's services dispose asynchronously.</summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    protected ComponentTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
            o.PopoverOptions.CheckForPopoverProvider = false;
        });
        Services.AddLocalization();
        Services.AddSingleton<TimeProvider>(new ManualClock(new DateTimeOffset(2023, 5, 18, 9, 0, 0, TimeSpan.FromHours(8))));
    }

    /// <summary>Renders as in an interactive server circuit (after all services are registered).</summary>
    protected IRenderedComponent<T> RenderInteractive<T>() where T : IComponent
    {
        SetRendererInfo(new RendererInfo("Server", true));
        return Render<T>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
