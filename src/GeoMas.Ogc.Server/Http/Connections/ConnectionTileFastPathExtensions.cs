using GeoMas.Ogc.Server.Configuration;
using GeoMas.Ogc.Server.Metrics;
using GeoMas.Ogc.Server.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Server.Http.Connections;

public static class ConnectionTileFastPathExtensions
{
    /// <summary>
    /// Puts <see cref="ConnectionTileFastPath"/> on the endpoint's connections when the options allow it
    /// (<see cref="ConnectionTileFastPath.Applies"/>). Decided when Kestrel starts, with the application's services.
    /// </summary>
    public static ListenOptions UseGeoMasConnectionTileFastPath(this ListenOptions listen, ServerOptions server)
    {
        ArgumentNullException.ThrowIfNull(listen);
        ArgumentNullException.ThrowIfNull(server);
        listen.Use(next =>
        {
            var services = listen.ApplicationServices;
            if (!ConnectionTileFastPath.Applies(server, services.GetRequiredService<RateLimitOptions>(),
                    services.GetRequiredService<MetricsOptions>(), services.GetRequiredService<IConfiguration>(), out var reason))
            {
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConnectionTileFastPath).FullName!)
                    .LogInformation("Connection-level tile path off on {Endpoint}: {Reason}", listen, reason);
                return next;
            }
            return services.GetRequiredService<ConnectionTileFastPath>().Middleware(next);
        });
        return listen;
    }
}
