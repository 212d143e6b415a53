using GeoMas.Ogc.Caching.Stores;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Server.Composition;

/// <summary>
/// Runs <see cref="DiskCacheSweeper"/> a minute after start, then every <c>cache.diskSweepIntervalMinutes</c>, off the
/// request threads. A sweep that fails is logged and tried again at the next interval: an exception leaving a hosted
/// service would stop the whole server.
/// </summary>
public sealed class DiskCacheSweepService(DiskCacheSweeper sweeper, TimeSpan interval, TimeProvider clock, ILogger<DiskCacheSweepService> logger) : BackgroundService
{
    public static readonly TimeSpan FirstSweepDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstSweepDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, clock, stoppingToken).ConfigureAwait(false);
                // Synchronous file system work: on a pool thread of its own turn, never a request's.
                await Task.Run(() => sweeper.Sweep(stoppingToken), stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Disk tile cache sweep of {Root} failed; next try in {Interval}", sweeper.Root, interval);
            }
            delay = interval;
        }
    }
}
