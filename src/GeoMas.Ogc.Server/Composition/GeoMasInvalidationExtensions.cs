using GeoMas.Ogc.Caching;
using GeoMas.Ogc.Caching.Invalidation;
using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Catalog.Configuration;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Server.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GeoMas.Ogc.Server.Composition;

public static class GeoMasInvalidationExtensions
{
    /// <summary>
    /// Data-driven invalidation (tilecache/README.md): shared layer revisions and the invalidation bus (Redis when
    /// <c>cache.store</c> is redis, local otherwise), the coordinator, and — when <c>invalidation.enabled</c> — a
    /// hosted service listening to every PostGIS source. Call after <c>AddGeoMasCaching</c>: it replaces the
    /// catalog-only <see cref="ILayerRevisions"/>.
    /// </summary>
    public static IServiceCollection AddGeoMasInvalidation(this IServiceCollection services, IConfiguration configuration, LoadedCatalog catalog)
    {
        var options = configuration.GetSection("invalidation").Get<InvalidationOptions>() ?? new InvalidationOptions();
        var cache = configuration.GetSection("cache").Get<CacheOptions>() ?? new CacheOptions();
        services.AddSingleton(options);

        if (string.Equals(cache.Store, "redis", StringComparison.OrdinalIgnoreCase))
        {
            var redis = EnvironmentExpander.Expand(cache.Redis ?? "${GEOMAS_REDIS:-127.0.0.1:6379}", Environment.GetEnvironmentVariable, out _);
            services.AddSingleton(_ => new InvalidationRedis(redis));
            services.AddSingleton<IInvalidationBus>(sp => new RedisInvalidationBus(sp.GetRequiredService<InvalidationRedis>(), Logger(sp, "GeoMas.Ogc.Caching.Invalidation")));
            services.AddSingleton<IRevisionStore>(sp => new RedisLayerRevisions(
                sp.GetRequiredService<InvalidationRedis>(), sp.GetRequiredService<ICatalogProvider>(),
                GeoMasCachingExtensions.ConfigurationRevisions(sp), Logger(sp, "GeoMas.Ogc.Caching.Invalidation")));
        }
        else
        {
            services.AddSingleton<IInvalidationBus, LocalInvalidationBus>();
            services.AddSingleton<IRevisionStore>(sp => new LocalLayerRevisions(GeoMasCachingExtensions.ConfigurationRevisions(sp)));
        }
        services.RemoveAll<ILayerRevisions>();
        services.AddSingleton<ILayerRevisions>(sp => sp.GetRequiredService<IRevisionStore>());

        services.AddSingleton(sp => new InvalidationPlanner(sp.GetRequiredService<TileMatrixSetCatalog>(), sp.GetRequiredService<CrsRegistry>(), options));
        services.AddSingleton(sp => new InvalidationCoordinator(
            sp.GetRequiredService<ICatalogProvider>(), sp.GetRequiredService<InvalidationPlanner>(), sp.GetRequiredService<TieredTileCache>(),
            sp.GetRequiredService<IRevisionStore>(), sp.GetRequiredService<IInvalidationBus>(), options,
            sp.GetService<TimeProvider>() ?? TimeProvider.System, Logger(sp, "GeoMas.Ogc.Caching.Invalidation")));
        if (options.Enabled)
            services.AddHostedService(sp => new InvalidationHostedService(sp, catalog.Snapshot, options));
        return services;
    }

    private static ILogger Logger(IServiceProvider sp, string category) =>
        sp.GetService<ILoggerFactory>()?.CreateLogger(category) ?? NullLogger.Instance;
}
