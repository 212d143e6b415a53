namespace GeoMas.Ogc.Core.Tiling;

/// <summary>Inclusive row/column range of a matrix that holds data (WMTS TileMatrixSetLimits, TMS 2.0 tileMatrixSetLimits).</summary>
public sealed record TileMatrixLimits(string TileMatrix, long MinTileRow, long MaxTileRow, long MinTileCol, long MaxTileCol)
{
    public bool Contains(long row, long col) => row >= MinTileRow && row <= MaxTileRow && col >= MinTileCol && col <= MaxTileCol;
    public long TileCount => (MaxTileRow - MinTileRow + 1) * (MaxTileCol - MinTileCol + 1);
}
