using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.OgcApi.Tiles;

/// <summary>The Tiles links added to the landing page and to each collection description (OAT-7, OAT-8).</summary>
public static class OgcApiTilesLinks
{
    public static IEnumerable<OgcApiLink> ForLandingPage(OgcApiServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        yield return new OgcApiLink(services.Url(OgcApiTilesPaths.TileMatrixSets), OgcApiTilesRelations.TilingSchemes, OgcApiMediaTypes.Json,
            "Tile matrix sets (tiling schemes)");
    }

    public static IEnumerable<OgcApiLink> ForCollection(OgcApiServices services, LayerDefinition layer)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(layer);
        yield return new OgcApiLink(services.Url(OgcApiTilesPaths.Tilesets(layer.Id)), OgcApiTilesRelations.TilesetsMap, OgcApiMediaTypes.Json,
            $"Map tilesets of {layer.Title}");
    }
}
