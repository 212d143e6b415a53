using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Sources;
using GeoMas.Ogc.Sources.Rasters;

namespace GeoMas.Ogc.Server.Hosting;

/// <summary>A validated snapshot with the objects it was validated with (the same ones then serve requests).</summary>
public sealed record LoadedCatalog(CatalogSnapshot Snapshot, SourceRegistry Sources, CrsRegistry Crs, IStyleReader StyleReader)
{
    /// <summary>The local raster sources (files, folders, indexes) opened while loading; cascaded ones are added by the container.</summary>
    public RasterSourceRegistry Rasters { get; init; } = RasterSourceRegistry.Empty;
}
