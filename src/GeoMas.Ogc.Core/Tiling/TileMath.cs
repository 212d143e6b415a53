using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Tiling;

/// <summary>
/// Pure tile arithmetic of OGC 2D-TMS (TMS-1, TMS-2), in internal x/y (east, north) coordinates. Columns grow to
/// the east and rows to the south from the top-left <see cref="TileMatrix.OriginX"/>/<see cref="TileMatrix.OriginY"/>.
/// </summary>
public static class TileMath
{
    /// <summary>The standardized rendering pixel size: 0.28 mm (TRAP-3).</summary>
    public const double StandardPixelSizeMeters = 0.00028;

    /// <summary>
    /// Tolerance, in tiles and relative to the position's magnitude, when a coordinate is turned into a tile
    /// index. A bbox computed from a tile's own bounds comes back as x.999999999 or y.000000001 tiles after the
    /// divisions (BruTile lost an extra row/column of tiles that way); snapping within 1e-9 keeps such edges on
    /// the edge. At WebMercatorQuad z24 (1.7e7 tiles) this is 0.017 tile, under 5 pixels of 1 cm.
    /// </summary>
    public const double EdgeTolerance = 1e-9;

    /// <summary>OGC scale denominator of a pixel of <paramref name="cellSize"/> CRS units (TMS-1).</summary>
    public static double ScaleDenominatorFromCellSize(double cellSize, double metersPerUnit) =>
        cellSize * metersPerUnit / StandardPixelSizeMeters;

    /// <summary>Pixel size in CRS units of an OGC scale denominator (TMS-1).</summary>
    public static double CellSizeFromScaleDenominator(double scaleDenominator, double metersPerUnit) =>
        scaleDenominator * StandardPixelSizeMeters / metersPerUnit;

    /// <summary>Bounds of tile (<paramref name="row"/>, <paramref name="col"/>) in the matrix CRS. No range check.</summary>
    public static Envelope TileBounds(TileMatrix m, long row, long col)
    {
        var minX = m.OriginX + (col * m.TileSpanX);
        var maxX = m.OriginX + ((col + 1) * m.TileSpanX);
        var maxY = m.OriginY - (row * m.TileSpanY);
        var minY = m.OriginY - ((row + 1) * m.TileSpanY);
        return new Envelope(minX, maxX, minY, maxY);
    }

    /// <summary>Bounds of the whole matrix (TMS-1: maxX = originX + span × matrixWidth, minY = originY − span × matrixHeight).</summary>
    public static Envelope MatrixBounds(TileMatrix m) =>
        new(m.OriginX, m.OriginX + (m.MatrixWidth * m.TileSpanX), m.OriginY - (m.MatrixHeight * m.TileSpanY), m.OriginY);

    /// <summary>True when (row, col) is a tile of the matrix.</summary>
    public static bool Contains(TileMatrix m, long row, long col) =>
        row >= 0 && col >= 0 && row < m.MatrixHeight && col < m.MatrixWidth;

    /// <summary>
    /// The inclusive range of tiles whose interior intersects <paramref name="env"/>, clipped to the matrix; null when
    /// the envelope is null or lies outside the matrix (touching its border only counts as outside). An envelope
    /// edge lying on a tile edge does not pull in the neighbouring tile. A degenerate envelope (a point or a line)
    /// selects the tiles it lies in, the tile to the east/south when it lies on an edge.
    /// </summary>
    public static (long MinRow, long MaxRow, long MinCol, long MaxCol)? TileRange(TileMatrix m, Envelope env)
    {
        if (env is null || env.IsNull)
        {
            return null;
        }

        var (minCol, maxCol) = IndexRange((env.MinX - m.OriginX) / m.TileSpanX, (env.MaxX - m.OriginX) / m.TileSpanX, m.MatrixWidth);
        var (minRow, maxRow) = IndexRange((m.OriginY - env.MaxY) / m.TileSpanY, (m.OriginY - env.MinY) / m.TileSpanY, m.MatrixHeight);
        if (minCol > maxCol || minRow > maxRow)
        {
            return null;
        }

        return (minRow, maxRow, minCol, maxCol);
    }

    /// <summary>
    /// The matrix whose cell size is closest to <paramref name="cellSize"/> (compared as ratios, so 2× too coarse and
    /// 2× too fine are equally far); null when the set is empty or the cell size is not positive.
    /// </summary>
    public static TileMatrix? ClosestMatrixForResolution(TileMatrixSet tms, double cellSize)
    {
        if (!(cellSize > 0) || !double.IsFinite(cellSize))
        {
            return null;
        }

        TileMatrix? best = null;
        var bestDistance = double.PositiveInfinity;
        foreach (var matrix in tms.TileMatrices)
        {
            var distance = Math.Abs(Math.Log(matrix.CellSize / cellSize));
            if (distance < bestDistance)
            {
                best = matrix;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The matrix closest to <paramref name="scaleDenominator"/> (see <see cref="ClosestMatrixForResolution"/>).</summary>
    public static TileMatrix? ClosestMatrixForScale(TileMatrixSet tms, double scaleDenominator)
    {
        if (tms.TileMatrices.Count == 0)
        {
            return null;
        }

        // Every matrix of a set shares the CRS, so the ratio cellSize/scale is one constant.
        var first = tms.TileMatrices[0];
        return ClosestMatrixForResolution(tms, scaleDenominator * first.CellSize / first.ScaleDenominator);
    }

    // [lowTiles, highTiles] in fractional tile units → inclusive indices of the tiles whose interior meets it.
    private static (long Min, long Max) IndexRange(double low, double high, long count)
    {
        if (double.IsNaN(low) || double.IsNaN(high))
        {
            return (0, -1);
        }

        var min = Math.Floor(low + Tolerance(low));
        var max = Math.Ceiling(high - Tolerance(high)) - 1;
        if (max < min)
        {
            // Degenerate (zero-width) extent: the tile it lies in.
            max = min;
        }

        // Clip before converting: infinities and huge values must not overflow long.
        min = Math.Max(min, 0);
        max = Math.Min(max, count - 1);
        return max < min ? (0, -1) : ((long)min, (long)max);
    }

    private static double Tolerance(double tiles) => EdgeTolerance * Math.Max(1, Math.Abs(tiles));
}
