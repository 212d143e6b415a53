using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Rendering.Legends;
using GeoMas.Ogc.Rendering.Map;
using GeoMas.Ogc.Server.Health;
using GeoMas.Ogc.Server.Hosting;
using GeoMas.Ogc.Sources;
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
        services.AddSingleton<ICatalogProvider>(new StaticCatalogProvider(catalog.Snapshot));
        services.AddSingleton(catalog.Snapshot.Limits);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RenderGate>();
        services.AddSingleton<IFeatureInfoService, FeatureInfoService>();
        return services;
    }

    /// <summary>The sources the catalog was validated with, and one readiness check per source.</summary>
    public static IServiceCollection AddGeoMasSources(this IServiceCollection services, LoadedCatalog catalog)
    {
        // Registered through a factory so that the container disposes the registry (connection pools) at shutdown,
        // after the server has drained its requests.
        services.AddSingleton(_ => catalog.Sources);
        services.AddSingleton<IFeatureSourceProvider>(sp => sp.GetRequiredService<SourceRegistry>());
        services.AddGeoMasRasters(catalog);
        services.AddGeoMasCascade();

        var health = services.AddHealthChecks();
        foreach (var source in catalog.Sources.All)
        {
            health.Add(new HealthCheckRegistration(
                $"source:{source.SourceId}", _ => new SourceHealthCheck(source), HealthStatus.Unhealthy, ["ready"], TimeSpan.FromSeconds(5)));
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
