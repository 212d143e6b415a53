using GeoMas.Ogc.Protocols.OgcApi;
using GeoMas.Ogc.Protocols.OgcApi.Maps;
using GeoMas.Ogc.Protocols.OgcApi.Tiles;
using GeoMas.Ogc.Protocols.Wfs;
using GeoMas.Ogc.Protocols.Wms;
using GeoMas.Ogc.Protocols.Wmts;
using GeoMas.Ogc.Protocols.Xyz;
using GeoMas.Ogc.Server.Admin;
using GeoMas.Ogc.Server.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GeoMas.Ogc.Server.Composition;

public static class GeoMasEndpointExtensions
{
    /// <summary>Every protocol's endpoints and the operations endpoints (URL map of ARCHITECTURE.md).</summary>
    public static IEndpointRouteBuilder MapGeoMasEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapWms();
        endpoints.MapOgcApiFeatures();
        endpoints.MapOgcApiTiles();
        endpoints.MapOgcApiMaps();
        endpoints.MapWmts();
        endpoints.MapWfs();
        endpoints.MapXyz();
        endpoints.MapGeoMasAdmin();
        endpoints.MapGeoMasReload();

        // Liveness runs no check: the process answers, so it is alive (a database outage must not restart it).
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthReportWriter.WriteJsonAsync,
            ResultStatusCodes =
            {
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy] = StatusCodes.Status200OK,
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded] = StatusCodes.Status200OK,
                [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return endpoints;
    }
}
