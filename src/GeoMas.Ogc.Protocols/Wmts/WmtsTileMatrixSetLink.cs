using GeoMas.Ogc.Core.Tiling;

namespace GeoMas.Ogc.Protocols.Wmts;

/// <summary>
/// A layer's link to a tile matrix set and the matrices' limits. The WMTS schema types MaxTileRow/MaxTileCol as
/// positiveInteger, so limits whose maximum row or column is 0 (the coarse levels, where the layer sits in the first
/// row or column) cannot be written; those matrices are published without limits, and every tile of them is served
/// (blank where there is no data) — the same rule decides what the capabilities say and what GetTile accepts.
/// </summary>
public sealed record WmtsTileMatrixSetLink(TileMatrixSet TileMatrixSet, IReadOnlyList<TileMatrixLimits> Limits)
{
    public IEnumerable<TileMatrixLimits> PublishedLimits => Limits.Where(IsPublishable);

    /// <summary>The published limits of one matrix, or null when its whole matrix is open.</summary>
    public TileMatrixLimits? PublishedLimitsOf(string tileMatrix) =>
        Limits.FirstOrDefault(l => l.TileMatrix == tileMatrix) is { } found && IsPublishable(found) ? found : null;

    public static bool IsPublishable(TileMatrixLimits limits) => limits.MaxTileRow >= 1 && limits.MaxTileCol >= 1;
}
