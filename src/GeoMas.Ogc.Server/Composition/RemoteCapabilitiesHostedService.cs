using GeoMas.Ogc.Sources.Remote;
using Microsoft.Extensions.Hosting;

namespace GeoMas.Ogc.Server.Composition;

/// <summary>Runs the <see cref="RemoteCapabilitiesRefresher"/> for the life of the server (capabilities never load on the request path).</summary>
internal sealed class RemoteCapabilitiesHostedService(RemoteCapabilitiesRefresher refresher) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await refresher.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }
}
