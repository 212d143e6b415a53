using GeoMas.Ogc.Server.Configuration;
using GeoMas.Ogc.Server.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Server.Http;

public static class CachedTileFastPathExtensions
{
    public static IServiceCollection AddGeoMasTileFastPath(this IServiceCollection services, ServerOptions server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return services.AddSingleton(sp => new CachedTileFastPath(sp, server.CorsAllowOrigin))
            .AddSingleton(sp => new Connections.ConnectionTileFastPath(sp));
    }

    /// <summary>
    /// The cached-tile fast path, when the options allow it (<see cref="CachedTileFastPath.Applies"/>). Put it after
    /// the forwarded headers (client address, scheme and prefix as the rest of the pipeline sees them) and before
    /// everything else.
    /// </summary>
    public static IApplicationBuilder UseGeoMasTileFastPath(this IApplicationBuilder app, ServerOptions server)
    {
        ArgumentNullException.ThrowIfNull(app);
        var services = app.ApplicationServices;
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CachedTileFastPath).FullName!);
        if (!CachedTileFastPath.Applies(server, services.GetRequiredService<RateLimitOptions>(), out var reason))
        {
            log.LogInformation("Cached-tile fast path off: {Reason}", reason);
            return app;
        }
        var fastPath = services.GetRequiredService<CachedTileFastPath>();
        return app.Use(next => context => fastPath.TryAnswer(context) ?? next(context));
    }
}
