using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Crs;

/// <summary>
/// An exact transform interpolated over a small area: the exact one is computed at the nodes of a regular grid over
/// the area, and positions inside it are interpolated bilinearly in their cell, to within a tolerance checked when the
/// grid is fitted, at the centre of every cell and the middle of every cell edge. Both are needed: a conformal
/// projection's coordinates are harmonic (their second derivatives along x and y cancel out), so bilinear
/// interpolation is nearly exact at cell centres and errs most half-way along the edges. Positions outside the area
/// take the exact transform. For maps: reprojecting every vertex through ProjNET's projection formulas (iterated
/// latitude, trigonometry, logarithms) cost a tenth of a cold tile's CPU, and a map needs its positions to a fraction
/// of a pixel, not to a millimetre. GDAL's approximate transformer does the same for raster warping.
/// </summary>
public sealed class InterpolatedCrsTransform : ICrsTransform
{
    private readonly ICrsTransform _exact;
    private readonly double _minX;
    private readonly double _minY;
    private readonly double _maxX;
    private readonly double _maxY;
    private readonly double _cellsPerUnitX;
    private readonly double _cellsPerUnitY;
    private readonly int _cells;
    // Node (i, j) — column i from minX, row j from minY — at [j * (cells + 1) + i].
    private readonly double[] _nodeX;
    private readonly double[] _nodeY;
    private readonly Func<CoordinateSequence, CoordinateSequence> _transformCopy;

    private InterpolatedCrsTransform(ICrsTransform exact, Envelope area, int cells, double[] nodeX, double[] nodeY)
    {
        _exact = exact;
        _minX = area.MinX;
        _minY = area.MinY;
        _maxX = area.MaxX;
        _maxY = area.MaxY;
        _cells = cells;
        _cellsPerUnitX = cells / area.Width;
        _cellsPerUnitY = cells / area.Height;
        _nodeX = nodeX;
        _nodeY = nodeY;
        _transformCopy = TransformCopy;
    }

    /// <summary>The largest error found at the cell centres and edge middles when fitted, in target units.</summary>
    public double MaxError { get; private set; }

    /// <summary>Cells per side of the grid.</summary>
    public int Cells => _cells;

    public int SourceSrid => _exact.SourceSrid;

    public int TargetSrid => _exact.TargetSrid;

    public bool IsIdentity => _exact.IsIdentity;

    /// <summary>
    /// Fits <paramref name="exact"/> over <paramref name="sourceArea"/> (source units) to within
    /// <paramref name="tolerance"/> (target units): 4 cells per side, or as many as the error found with 4 says are
    /// needed (it shrinks with the square of the cell size), up to 32. Returns <paramref name="exact"/> itself when it is
    /// an identity, when the area is empty, when a node or a check cannot be transformed (outside the projection's
    /// domain), and when 32 cells would still not do (a large area, or one near a pole).
    /// </summary>
    public static ICrsTransform Fit(ICrsTransform exact, Envelope sourceArea, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(exact);
        ArgumentNullException.ThrowIfNull(sourceArea);
        if (exact.IsIdentity || sourceArea.IsNull || !(sourceArea.Width > 0) || !(sourceArea.Height > 0) || !(tolerance > 0)
            || !double.IsFinite(sourceArea.Width) || !double.IsFinite(sourceArea.Height))
            return exact;
        var first = TryFit(exact, sourceArea, FirstCells);
        if (first is null)
            return exact;
        if (first.MaxError <= tolerance)
            return first;
        // A quarter more cells than the square law asks for, against the error between the points checked.
        var needed = (int)Math.Ceiling(FirstCells * Math.Sqrt(first.MaxError / tolerance) * 1.25);
        if (needed > MaxCells)
            return exact;
        return TryFit(exact, sourceArea, needed) is { } finer && finer.MaxError <= tolerance ? finer : exact;
    }

    private const int FirstCells = 4;
    private const int MaxCells = 32;

    private static InterpolatedCrsTransform? TryFit(ICrsTransform exact, Envelope area, int cells)
    {
        var side = cells + 1;
        var nodeX = new double[side * side];
        var nodeY = new double[side * side];
        var stepX = area.Width / cells;
        var stepY = area.Height / cells;
        for (var j = 0; j < side; j++)
        {
            for (var i = 0; i < side; i++)
            {
                // The last node sits exactly on the far edge, not one rounding step inside or outside it.
                var x = i == cells ? area.MaxX : area.MinX + (i * stepX);
                var y = j == cells ? area.MaxY : area.MinY + (j * stepY);
                if (!TryExact(exact, ref x, ref y))
                    return null;
                nodeX[(j * side) + i] = x;
                nodeY[(j * side) + i] = y;
            }
        }

        var grid = new InterpolatedCrsTransform(exact, area, cells, nodeX, nodeY);
        // In half-cell steps: (odd, odd) is a cell centre, (odd, even) and (even, odd) the middle of a cell edge.
        var maxError = 0.0;
        for (var b = 0; b <= 2 * cells; b++)
        {
            for (var a = (b % 2 == 0) ? 1 : 0; a <= 2 * cells; a += (b % 2 == 0) ? 2 : 1)
            {
                double x = area.MinX + (a * stepX / 2), y = area.MinY + (b * stepY / 2);
                double ix = x, iy = y;
                grid.Interpolate(ref ix, ref iy);
                if (!TryExact(exact, ref x, ref y))
                    return null;
                maxError = Math.Max(maxError, Math.Max(Math.Abs(ix - x), Math.Abs(iy - y)));
            }
        }
        grid.MaxError = maxError;
        return grid;
    }

    private static bool TryExact(ICrsTransform exact, ref double x, ref double y)
    {
        try
        {
            exact.Transform(ref x, ref y);
        }
        catch (Exception e) when (e is ArgumentException or ArithmeticException or InvalidOperationException)
        {
            // Some ProjNET projections throw outside their domain instead of returning NaN. The grid reaches past
            // the map, where no feature may be: a failure there keeps the exact transform instead of failing the map.
            return false;
        }
        return double.IsFinite(x) && double.IsFinite(y);
    }

    public void Transform(ref double x, ref double y)
    {
        if (x >= _minX && x <= _maxX && y >= _minY && y <= _maxY)
            Interpolate(ref x, ref y);
        else
            _exact.Transform(ref x, ref y);
    }

    private void Interpolate(ref double x, ref double y)
    {
        var fx = (x - _minX) * _cellsPerUnitX;
        var fy = (y - _minY) * _cellsPerUnitY;
        var i = Math.Min((int)fx, _cells - 1);
        var j = Math.Min((int)fy, _cells - 1);
        var u = fx - i;
        var v = fy - j;
        var side = _cells + 1;
        var k = (j * side) + i;
        var nx = _nodeX;
        var ny = _nodeY;
        var bottomX = nx[k] + (u * (nx[k + 1] - nx[k]));
        var topX = nx[k + side] + (u * (nx[k + side + 1] - nx[k + side]));
        var bottomY = ny[k] + (u * (ny[k + 1] - ny[k]));
        var topY = ny[k + side] + (u * (ny[k + side + 1] - ny[k + side]));
        x = bottomX + (v * (topX - bottomX));
        y = bottomY + (v * (topY - bottomY));
    }

    public Coordinate Transform(Coordinate c) => TransformedCopies.Of(this, c);

    public Geometry Transform(Geometry g) => TransformedCopies.Of(g, TargetSrid, _transformCopy);

    /// <summary>Exact: envelopes are few, and are used for queries, where a fraction of a pixel is not the point.</summary>
    public Envelope TransformEnvelope(Envelope e, int densify = 21) => _exact.TransformEnvelope(e, densify);

    private CoordinateSequence TransformCopy(CoordinateSequence sequence) => TransformedCopies.Of(this, sequence);
}
