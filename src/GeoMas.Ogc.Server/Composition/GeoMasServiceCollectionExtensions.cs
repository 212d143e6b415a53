using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Rendering.Legends;
using GeoMas.Ogc.Rendering.Map;
using GeoMas.Ogc.Server.Health;
using GeoMas.Ogc.Server.Hosting;
using GeoMas.Ogc.Server.Reload;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GeoMas.Ogc.Server.Composition;

/// <summary>The server's composition root, one method per layer of the architecture. Everything is a singleton:
/// the catalog snapshot is immutable and the services are thread-safe.</summary>
public static class GeoMasServiceCollectionExtensions
{
    /// <summary>Catalog, CRS registry, limits, clock, render gate, feature info.</summary>
    public static IServiceCollection AddGeoMasCore(this IServiceCollection services, LoadedCatalog catalog)
    {
        services.AddSingleton(catalog.Crs);
        // The store swaps whole generations on reload (Reload/); it owns the feature sources from here on.
        services.AddSingleton(_ => new CatalogSnapshotStore(new CatalogGeneration(catalog.Snapshot, catalog.Sources)));
        services.AddSingleton<ICatalogProvider>(sp => sp.GetRequiredService<CatalogSnapshotStore>());
        services.AddSingleton(catalog.Snapshot.Limits);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RenderGate>();
        services.AddSingleton<IFeatureInfoService, FeatureInfoService>();
        return services;
    }

    /// <summary>The sources the catalog was validated with, and one readiness check per source.</summary>
    public static IServiceCollection AddGeoMasSources(this IServiceCollection services, LoadedCatalog catalog)
    {
        // The current generation's sources: a reload may replace them (the store disposes them at shutdown).
        services.AddSingleton<IFeatureSourceProvider>(sp => sp.GetRequiredService<CatalogSnapshotStore>());
        services.AddGeoMasRasters(catalog);
        services.AddGeoMasCascade();

        var health = services.AddHealthChecks();
        foreach (var id in catalog.Sources.All.Select(s => s.SourceId))
        {
            // The source object is looked up at each check: a reload may have replaced it (or removed it).
            health.Add(new HealthCheckRegistration(
                $"source:{id}", sp => new SourceHealthCheck(sp.GetRequiredService<CatalogSnapshotStore>().Generation.Sources.Find(id)),
                HealthStatus.Unhealthy, ["ready"], TimeSpan.FromSeconds(5)));
        }
        return services;
    }

    /// <summary>SLD reader, map and legend renderers.</summary>
    public static IServiceCollection AddGeoMasRendering(this IServiceCollection services, LoadedCatalog catalog)
    {
        services.AddSingleton(catalog.StyleReader);
        services.AddSingleton<IMapRenderer, SkiaMapRenderer>();
        services.AddSingleton<ILegendRenderer, SkiaLegendRenderer>();
        return services;
    }
}
