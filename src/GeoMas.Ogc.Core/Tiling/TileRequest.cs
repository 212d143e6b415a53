using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Time;

namespace GeoMas.Ogc.Core.Tiling;

/// <summary>"Give me this tile": what WMTS GetTile, XYZ and OGC API Tiles all become, already validated against limits.</summary>
public sealed record TileRequest
{
    /// <summary>A layer or a group (fond_plan, plan), drawn as one tile layer.</summary>
    public required LayerDefinition Layer { get; init; }
    /// <summary>Style name as published ("default" for the default style).</summary>
    public required string StyleName { get; init; }
    public required TileMatrixSet TileMatrixSet { get; init; }
    public required TileMatrix TileMatrix { get; init; }
    public required long Row { get; init; }
    public required long Col { get; init; }
    public required ImageFormat Format { get; init; }
    public TimeSelection? Time { get; init; }
    /// <summary>Access scope of the caller (who may see what); "public" until authorisation exists.</summary>
    public string Scope { get; init; } = "public";

    /// <summary>
    /// Seeding: every tile of this tile's metatile must end up cached, rendered together in one pass when any is
    /// missing, whatever a plain request would render on a miss. Not part of the tile's identity.
    /// </summary>
    public bool WholeMetatile { get; init; }
}

public interface ITileService
{
    /// <summary>The tile from the cache, or rendered (through a metatile) and cached.</summary>
    Task<Caching.TileContent> GetTileAsync(TileRequest request, CancellationToken cancellationToken);
}
