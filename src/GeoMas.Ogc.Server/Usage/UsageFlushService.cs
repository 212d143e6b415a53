using Microsoft.Extensions.Hosting;

namespace GeoMas.Ogc.Server.Usage;

/// <summary>
/// Flushes every <see cref="UsageOptions.FlushIntervalSeconds"/> and once more after the host has stopped
/// (<see cref="IHostedLifecycleService.StoppedAsync"/> runs after the web server has drained its in-flight requests,
/// so their counts are in the last flush).
/// </summary>
public sealed class UsageFlushService(UsageFlusher flusher, UsageOptions options, TimeProvider time) : BackgroundService, IHostedLifecycleService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Clamp(options.FlushIntervalSeconds, 1, 86_400)), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
                await flusher.FlushAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StoppedAsync does the last flush.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        // Not the shutdown token: that one may already be cancelled by the shutdown timeout, and these counts are the last.
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await flusher.FlushAsync(limit.Token).ConfigureAwait(false);
    }
}
