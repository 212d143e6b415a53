using GeoMas.Ogc.Caching;
using GeoMas.Ogc.Caching.Metatiles;
using GeoMas.Ogc.Caching.Revisions;
using GeoMas.Ogc.Caching.Stores;
using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Catalog.Configuration;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Rendering.Encoders;
using GeoMas.Ogc.Rendering.Map;
using GeoMas.Ogc.Server.Reload;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Server.Composition;

public static class GeoMasCachingExtensions
{
    /// <summary>Default root of the disk store, relative to the configuration folder (config/ → the repository's tilecache/).</summary>
    public const string DefaultDiskPath = "../tilecache";

    /// <summary>
    /// Revisions that move with the published configuration, read from the whole catalog's updateSequence. Not from
    /// the catalog as the request's principal sees it: a scoped view has its own updateSequence, so the revision would
    /// be hashed again whenever two scopes took turns, on every tile request; tile keys carry the scope anyway.
    /// </summary>
    internal static CatalogLayerRevisions ConfigurationRevisions(IServiceProvider services) =>
        new(services.GetRequiredService<CatalogSnapshotStore>());

    /// <summary>
    /// The tile cache (L1 memory → disk or Redis, per <c>cache.store</c>), layer revisions and the metatiling
    /// <see cref="ITileService"/>. The <see cref="ILayerRevisions"/> registered here is replaced by the invalidation
    /// bus when it registers its own (TryAdd).
    /// </summary>
    /// <summary>The periodic sweep of the disk store (<see cref="DiskCacheSweeper"/>), unless <c>cache.diskSweepIntervalMinutes</c> is 0.</summary>
    private static void AddDiskSweep(IServiceCollection services, CacheOptions options, string root)
    {
        var interval = options.DiskSweepIntervalMinutes ?? 60;
        if (interval <= 0)
            return;
        var sweep = DiskSweepOptions.From(options.DiskMaxAgeDays, options.DiskMaxMegabytes);
        services.AddSingleton(sp => new DiskCacheSweeper(root, sweep, sp.GetService<TimeProvider>(), sp.GetService<ILoggerFactory>()?.CreateLogger<DiskCacheSweeper>()));
        services.AddHostedService(sp => new DiskCacheSweepService(sp.GetRequiredService<DiskCacheSweeper>(), TimeSpan.FromMinutes(interval),
            sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<ILogger<DiskCacheSweepService>>()));
    }

    public static IServiceCollection AddGeoMasCaching(this IServiceCollection services, CacheOptions options, string configDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(sp => new CachingMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton(sp => new MemoryTileStore(
            (long)(options.MemoryMegabytes ?? 256) * 1024 * 1024,
            options.CompactHotTiles ?? true ? new PngTileCompactor() : null,
            sp.GetRequiredService<CachingMetrics>()));
        switch ((options.Store ?? "disk").ToLowerInvariant())
        {
            case "redis":
                var redis = EnvironmentExpander.Expand(options.Redis ?? "${GEOMAS_REDIS:-127.0.0.1:6379}", Environment.GetEnvironmentVariable, out _);
                services.AddSingleton(sp => new RedisTileStore(
                    new RedisTileStoreOptions
                    {
                        Configuration = redis,
                        TimeToLive = options.RedisTtlSeconds is > 0 and var ttl ? TimeSpan.FromSeconds(ttl) : null,
                    },
                    sp.GetRequiredService<CachingMetrics>(), sp.GetService<ILogger<RedisTileStore>>(), sp.GetService<TimeProvider>()));
                services.AddSingleton<ITileStore>(sp => sp.GetRequiredService<RedisTileStore>());
                break;
            case "none":
                break;
            default:
                var root = Path.GetFullPath(Path.Combine(configDirectory, options.DiskPath ?? DefaultDiskPath));
                services.AddSingleton<ITileStore>(sp => new DiskTileStore(root, sp.GetRequiredService<CachingMetrics>(), sp.GetService<ILogger<DiskTileStore>>()));
                AddDiskSweep(services, options, root);
                break;
        }
        services.AddSingleton(sp => new TieredTileCache(sp.GetRequiredService<MemoryTileStore>(), sp.GetService<ITileStore>(), sp.GetRequiredService<CachingMetrics>()));
        services.AddSingleton<ITileCache>(sp => sp.GetRequiredService<TieredTileCache>());
        services.TryAddSingleton<ILayerRevisions>(ConfigurationRevisions);
        services.TryAddSingleton(sp => new LayerTileLimitsCache(sp.GetRequiredService<CrsRegistry>()));
        services.TryAddSingleton<IImageCutter, SkiaImageCutter>();
        services.AddSingleton(new MetatileOptions
        {
            Size = options.Metatile ?? 4,
            Buffer = options.MetatileBuffer ?? 64,
            OnMiss = string.Equals(options.MetatileOnMiss, "metatile", StringComparison.OrdinalIgnoreCase) ? MetatileMissRender.Metatile : MetatileMissRender.Tile,
        });
        // The concrete service too: the cached-tile fast path asks it for memory hits (TryGetCached).
        services.AddSingleton<ITileService>(sp => sp.GetRequiredService<TileService>());
        services.AddSingleton(sp => new TileService(
            sp.GetRequiredService<ICatalogProvider>(),
            sp.GetRequiredService<ITileCache>(),
            sp.GetRequiredService<ILayerRevisions>(),
            MetatileRenderer(sp),
            sp.GetRequiredService<IImageCutter>(),
            sp.GetRequiredService<RenderGate>(),
            sp.GetRequiredService<LayerTileLimitsCache>(),
            sp.GetRequiredService<MetatileOptions>(),
            sp.GetRequiredService<CachingMetrics>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<TileService>>()));
        return services;
    }

    /// <summary>
    /// The map renderer with PNG compression off: a metatile image is decoded right after it is encoded, so
    /// compressing it would only spend time (zlib level 3 costs tens of ms on a 1024×1024 image; level 0 is a copy).
    /// </summary>
    private static SkiaMapRenderer MetatileRenderer(IServiceProvider sp) => new(
        sp.GetRequiredService<IFeatureSourceProvider>(),
        sp.GetRequiredService<CrsRegistry>(),
        sp.GetRequiredService<ServiceLimits>(),
        sp.GetService<ILogger<SkiaMapRenderer>>(),
        sp.GetService<GeoMas.Ogc.Core.Rasters.IRasterSourceProvider>())
    {
        EncoderOptions = ImageEncoderOptions.Default with { PngZlibLevel = 0 },
    };
}
