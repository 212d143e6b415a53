using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Sources.Remote;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GeoMas.Ogc.Server.Composition;

/// <summary>Runs the <see cref="RemoteCapabilitiesRefresher"/> for the life of the server (capabilities never load on the request path).</summary>
internal sealed class RemoteCapabilitiesHostedService(RemoteCapabilitiesRefresher refresher, IServiceProvider services) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The raster registry opens its sources when first resolved: resolve it now, so the cascaded sources are
            // registered with the monitor and their capabilities are read at startup rather than after a first request.
            _ = services.GetService<IRasterSourceProvider>();
            await refresher.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }
}
