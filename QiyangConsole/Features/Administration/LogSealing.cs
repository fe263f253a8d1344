namespace QiyangConsole.Features.Administration;

/// <summary>Seals the new rows of both logs every few seconds, outside the business transactions that wrote them.</summary>
public sealed class LogSealing(IServiceScopeFactory scopes, ILogger<LogSealing> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<LogChainService>().SealAllAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            // A failed round (the database busy or not yet migrated) is tried again at the next tick.
            catch (Exception ex) { log.LogWarning(ex, "Sealing the logs failed; retrying in {Interval}", Interval); }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
