using GeoMas.Ogc.Server.Health;
using GeoMas.Ogc.Sources.Rasters;
using GeoMas.Ogc.Sources.Remote;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Server.Composition;

/// <summary>Cascaded layers: the remote WMS/WMTS raster source factory, the background capabilities refresher, readiness.</summary>
public static class GeoMasCascadeExtensions
{
    public static IServiceCollection AddGeoMasCascade(this IServiceCollection services)
    {
        services.AddSingleton<RemoteSourceMonitor>();
        services.AddSingleton<IRasterSourceFactory, RemoteRasterSourceFactory>();
        services.AddSingleton(sp => new RemoteCapabilitiesRefresher(
            sp.GetRequiredService<RemoteSourceMonitor>(), sp.GetRequiredService<ILogger<RemoteCapabilitiesRefresher>>()));
        services.AddHostedService<RemoteCapabilitiesHostedService>();
        // Degraded, not Unhealthy: an upstream that is down makes its cascaded layers unavailable, but this instance
        // still serves everything else and must stay in the load balancer.
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "cascade", sp => new RemoteSourcesHealthCheck(sp.GetRequiredService<RemoteSourceMonitor>()), HealthStatus.Degraded, ["ready"]));
        return services;
    }
}
