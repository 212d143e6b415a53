using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Tiling;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Protocols.OgcApi.Tiles;

/// <summary>
/// The tile matrix sets and per-layer limits one request uses (the singletons WMTS and XYZ use): a collection has a
/// tileset in every set its extent reaches, exactly as WMTS links a layer to a set.
/// </summary>
public sealed class OgcApiTiling
{
    private readonly LayerTileLimitsCache _limits;

    public OgcApiTiling(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var provider = context.RequestServices;
        TileMatrixSets = provider.GetRequiredService<TileMatrixSetCatalog>();
        _limits = provider.GetRequiredService<LayerTileLimitsCache>();
        Tiles = provider.GetRequiredService<ITileService>();
    }

    public TileMatrixSetCatalog TileMatrixSets { get; }
    public ITileService Tiles { get; }

    /// <summary>The sets in which the layer has tiles, in catalog (file-name) order.</summary>
    public IEnumerable<TileMatrixSet> SetsOf(LayerDefinition layer) =>
        TileMatrixSets.All.Where(tms => _limits.Get(layer, tms).Count > 0);

    public IReadOnlyList<TileMatrixLimits> LimitsOf(LayerDefinition layer, TileMatrixSet tms) => _limits.Get(layer, tms);

    /// <summary>A set by its exact id (path segments are case-sensitive); 404 when unknown.</summary>
    public TileMatrixSet Find(string id) =>
        TileMatrixSets.Find(id) is { } tms && tms.Id == id
            ? tms
            : throw OgcApiErrorWriter.NotFound($"There is no tile matrix set '{id}'; see {OgcApiTilesPaths.TileMatrixSets}.", "tileMatrixSetId");

    /// <summary>A set the layer is tiled in; 404 when unknown or when the layer's extent does not reach it.</summary>
    public TileMatrixSet FindFor(LayerDefinition layer, string id)
    {
        var tms = Find(id);
        return _limits.Get(layer, tms).Count > 0
            ? tms
            : throw OgcApiErrorWriter.NotFound($"Collection '{layer.Id}' has no tiles in tile matrix set '{id}'.", "tileMatrixSetId");
    }
}
