using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Tiling;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Caching.Metatiles;

/// <summary>A block of <see cref="Rows"/>×<see cref="Columns"/> tiles rendered as one image, top-left tile (<see cref="Row"/>, <see cref="Col"/>).</summary>
public sealed record Metatile(TileMatrix Matrix, long Row, long Col, int Rows, int Columns)
{
    public int PixelWidth => Columns * Matrix.TileWidth;
    public int PixelHeight => Rows * Matrix.TileHeight;

    /// <summary>A single tile as a 1×1 block (a tile rendered alone).</summary>
    public static Metatile Single(TileMatrix matrix, long row, long col) => new(matrix, row, col, 1, 1);

    /// <summary>The metatile's identity: the key of its top-left tile (its shape follows from the matrix and the limits).</summary>
    public TileKey KeyOf(TileKey anyTile) => anyTile with { Row = Row, Col = Col };

    /// <summary>The keys of its tiles, given the key of any of them, in row-major order (the order of the cut).</summary>
    public TileKey[] TileKeys(TileKey anyTile)
    {
        var keys = new TileKey[Rows * Columns];
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Columns; c++)
                keys[(r * Columns) + c] = anyTile with { Row = Row + r, Col = Col + c };
        }
        return keys;
    }

    public bool Contains(long row, long col) => row >= Row && row < Row + Rows && col >= Col && col < Col + Columns;

    /// <summary>Index of a tile in row-major order (the order of <see cref="Core.Rendering.IImageCutter.Cut"/>).</summary>
    public int IndexOf(long row, long col) => checked((int)((row - Row) * Columns + (col - Col)));

    /// <summary>Ground bounds in the matrix CRS, x/y order.</summary>
    public Envelope Bounds
    {
        get
        {
            var topLeft = TileMath.TileBounds(Matrix, Row, Col);
            var bottomRight = TileMath.TileBounds(Matrix, Row + Rows - 1, Col + Columns - 1);
            return new Envelope(topLeft.MinX, bottomRight.MaxX, bottomRight.MinY, topLeft.MaxY);
        }
    }

    /// <summary>
    /// The metatile holding a tile: the aligned block of <paramref name="size"/>×<paramref name="size"/> tiles
    /// (aligned on multiples of the size, so every tile of it computes the same block), cut down to the matrix and
    /// to the tiles that hold data (<paramref name="limits"/>): nothing outside them is rendered.
    /// </summary>
    public static Metatile For(TileMatrix matrix, TileMatrixLimits? limits, long row, long col, int size)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var firstRow = row / size * size;
        var firstCol = col / size * size;
        var lastRow = Math.Min(firstRow + size - 1, matrix.MatrixHeight - 1);
        var lastCol = Math.Min(firstCol + size - 1, matrix.MatrixWidth - 1);
        if (limits is not null)
        {
            firstRow = Math.Max(firstRow, limits.MinTileRow);
            firstCol = Math.Max(firstCol, limits.MinTileCol);
            lastRow = Math.Min(lastRow, limits.MaxTileRow);
            lastCol = Math.Min(lastCol, limits.MaxTileCol);
        }
        // A tile outside the limits still gets itself as its metatile (callers serve it blank before coming here).
        if (row < firstRow || row > lastRow || col < firstCol || col > lastCol)
            return new Metatile(matrix, row, col, 1, 1);
        return new Metatile(matrix, firstRow, firstCol, (int)(lastRow - firstRow + 1), (int)(lastCol - firstCol + 1));
    }
}
