using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Protocols.Wms;

namespace GeoMas.Ogc.Protocols.Wmts;

/// <summary>
/// What WMTS publishes out of one catalog snapshot: the tile layers (vector, raster and group layers), their styles
/// and the tile matrix sets they link to with their limits. Capabilities, GetTile and GetFeatureInfo all read it,
/// so a tile is accepted exactly when the capabilities say it exists.
/// </summary>
public sealed class WmtsContents(CatalogSnapshot snapshot, TileMatrixSetCatalog tileMatrixSets, LayerTileLimitsCache limits, DateOnly today)
{
    public CatalogSnapshot Snapshot { get; } = snapshot;
    public TileMatrixSetCatalog TileMatrixSets { get; } = tileMatrixSets;
    public DateOnly Today { get; } = today;

    /// <summary>Published layers in catalog order; a layer that no tile matrix set covers has no tiles and is left out.</summary>
    public IEnumerable<LayerDefinition> Layers => Snapshot.Layers.Where(l => Links(l).Count > 0);

    public LayerDefinition? FindLayer(string id) =>
        Snapshot.FindLayer(id) is { } layer && Links(layer).Count > 0 ? layer : null;

    /// <summary>The tile matrix sets that hold some of the layer's extent, with the layer's limits in each.</summary>
    public IReadOnlyList<WmtsTileMatrixSetLink> Links(LayerDefinition layer) =>
        TileMatrixSets.All
            .Select(tms => new WmtsTileMatrixSetLink(tms, limits.Get(layer, tms)))
            .Where(link => link.Limits.Count > 0)
            .ToArray();

    public WmtsTileMatrixSetLink? FindLink(LayerDefinition layer, string tileMatrixSet) =>
        TileMatrixSets.Find(tileMatrixSet) is { } tms && tms.Id == tileMatrixSet && limits.Get(layer, tms) is { Count: > 0 } found
            ? new WmtsTileMatrixSetLink(tms, found)
            : null;

    /// <summary>Vector layers with Queryable; groups when any member is (feature info expands them).</summary>
    public bool IsQueryable(LayerDefinition layer) => QueryLayers(layer).Count > 0;

    public IReadOnlyList<LayerDefinition> QueryLayers(LayerDefinition layer) =>
        Snapshot.Expand(layer).Where(WmsGetFeatureInfoParser.IsQueryable).ToArray();

    /// <summary>
    /// The tile formats of a layer, preferred first: JPEG for a layer that draws an opaque raster (an orthophoto is
    /// several times smaller in JPEG than in PNG, and has no transparency to lose), PNG otherwise.
    /// </summary>
    public IReadOnlyList<WmtsTileFormat> Formats(LayerDefinition layer) =>
        Snapshot.Expand(layer).Any(l => l.Kind == LayerKind.Raster && l.Opaque)
            ? [.. WmtsTileFormat.All.Where(f => f.Image == ImageFormat.Jpeg), .. WmtsTileFormat.All.Where(f => f.Image != ImageFormat.Jpeg)]
            : WmtsTileFormat.All;
}
