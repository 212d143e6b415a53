using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Core.Rasters;

/// <summary>
/// The raster source of each raster layer of the catalog (the raster twin of <see cref="Features.IFeatureSourceProvider"/>).
/// Sources are opened once at startup; the renderer only looks them up.
/// </summary>
public interface IRasterSourceProvider
{
    /// <summary>The source of a <see cref="LayerKind.Raster"/> layer; throws when the layer has none (a configuration error).</summary>
    IRasterSource For(LayerDefinition layer);
}
