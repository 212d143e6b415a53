using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Server.Hosting;
using GeoMas.Ogc.Sources.Rasters;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Server.Composition;

public static class GeoMasRasterExtensions
{
    /// <summary>
    /// The raster sources of the catalog's raster layers: the local ones opened while loading the catalog, plus
    /// those opened here by every <see cref="IRasterSourceFactory"/> registered in the container (cascaded WMS/WMTS).
    /// The container owns the merged registry and disposes every source at shutdown.
    /// </summary>
    public static IServiceCollection AddGeoMasRasters(this IServiceCollection services, LoadedCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        services.AddSingleton(sp =>
        {
            var factories = sp.GetServices<IRasterSourceFactory>().ToList();
            if (factories.Count == 0)
                return catalog.Rasters;
            var (others, errors) = RasterSourceRegistry.Open(catalog.Snapshot, factories, sp.GetRequiredService<CrsRegistry>(), skipUnhandled: true);
            if (others is null)
                throw new InvalidOperationException("Raster sources cannot be opened: " + string.Join("; ", errors));
            return RasterSourceRegistry.Merge(catalog.Rasters, others);
        });
        services.AddSingleton<IRasterSourceProvider>(sp => sp.GetRequiredService<RasterSourceRegistry>());
        return services;
    }
}
