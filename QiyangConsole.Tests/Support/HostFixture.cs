namespace QiyangConsole.Tests.Support;

public sealed class HostFixture : IAsyncLifetime
{
    public AppHost Host { get; private set; } = default!;
    public Task InitializeAsync()
    {
        Host = new AppHost();
        return Task.CompletedTask;
    }
    public async Task DisposeAsync() => await Host.DisposeAsync();
}
