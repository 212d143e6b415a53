namespace GeoMas.Ogc.Core.Tiling;

/// <summary>
/// One level of a tile matrix set (OGC 2D-TMS 2.0 vocabulary). <see cref="OriginX"/>/<see cref="OriginY"/> are the
/// top-left corner in internal x/y order (easting/northing, lon/lat) whatever the CRS axis order; writers swap.
/// </summary>
public sealed record TileMatrix
{
    public required string Id { get; init; }
    public required double ScaleDenominator { get; init; }
    /// <summary>Size of one pixel in CRS units.</summary>
    public required double CellSize { get; init; }
    public required double OriginX { get; init; }
    public required double OriginY { get; init; }
    public int TileWidth { get; init; } = 256;
    public int TileHeight { get; init; } = 256;
    public required long MatrixWidth { get; init; }
    public required long MatrixHeight { get; init; }

    /// <summary>Ground span of one tile in CRS units.</summary>
    public double TileSpanX => CellSize * TileWidth;
    public double TileSpanY => CellSize * TileHeight;
}
