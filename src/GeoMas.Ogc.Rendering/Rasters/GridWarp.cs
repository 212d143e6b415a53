namespace GeoMas.Ogc.Rendering.Rasters;

/// <summary>
/// Approximates an exact but costly mapping (output pixel → source pixel through a CRS transformation) by bilinear
/// interpolation inside cells of a coarse grid of control points, the way GDAL's approximate transformer does.
/// A cell whose interpolated centre is more than <see cref="MaxErrorPixels"/> output pixels from the exact position
/// is split in four, down to single pixels, so the error stays sub-pixel wherever the projection bends.
/// </summary>
/// <remarks>Coordinates are continuous: output pixel (x, y) is sampled at its centre (x + 0.5, y + 0.5).</remarks>
internal sealed class GridWarp
{
    /// <summary>Initial cell size in output pixels.</summary>
    public const int InitialCell = 32;

    /// <summary>Largest accepted error of an interpolated position, in output pixels.</summary>
    public const double MaxErrorPixels = 0.25;

    /// <summary>The exact mapping: output (x, y) continuous → source (u, v); NaN when the point has no image.</summary>
    public delegate void Mapping(double x, double y, out double u, out double v);

    /// <summary>Receives each output pixel and its source position.</summary>
    public delegate void PixelVisitor(int x, int y, double u, double v);

    private readonly Mapping _exact;

    public GridWarp(Mapping exact) => _exact = exact;

    /// <summary>Cells accepted without subdivision and cells split (for tests and diagnostics).</summary>
    public int CellsFilled { get; private set; }
    public int CellsSplit { get; private set; }
    public int ExactPixels { get; private set; }

    /// <summary>Visits every pixel of the output rectangle [x0, x1) × [y0, y1) with its (approximate) source position.</summary>
    public void Run(int x0, int y0, int x1, int y1, PixelVisitor visit)
    {
        var columns = (x1 - x0 + InitialCell - 1) / InitialCell;
        var rows = (y1 - y0 + InitialCell - 1) / InitialCell;
        var nodes = new Node[(columns + 1) * (rows + 1)];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
                nodes[r * (columns + 1) + c] = At(Math.Min(x0 + c * InitialCell, x1), Math.Min(y0 + r * InitialCell, y1));
        }
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var cx0 = x0 + c * InitialCell;
                var cy0 = y0 + r * InitialCell;
                var cx1 = Math.Min(cx0 + InitialCell, x1);
                var cy1 = Math.Min(cy0 + InitialCell, y1);
                Cell(cx0, cy0, cx1, cy1,
                    nodes[r * (columns + 1) + c], nodes[r * (columns + 1) + c + 1],
                    nodes[(r + 1) * (columns + 1) + c], nodes[(r + 1) * (columns + 1) + c + 1], visit);
            }
        }
    }

    private Node At(int x, int y)
    {
        _exact(x + 0.5, y + 0.5, out var u, out var v);
        return new Node(u, v);
    }

    private void Cell(int x0, int y0, int x1, int y1, Node n00, Node n10, Node n01, Node n11, PixelVisitor visit)
    {
        var w = x1 - x0;
        var h = y1 - y0;
        if (w <= 0 || h <= 0)
            return;
        if (w == 1 && h == 1)
        {
            // A single pixel: its top-left node is its exact centre.
            if (n00.IsValid)
                visit(x0, y0, n00.U, n00.V);
            return;
        }
        var valid = n00.IsValid && n10.IsValid && n01.IsValid && n11.IsValid;
        if (valid && Accurate(x0, y0, w, h, n00, n10, n01, n11))
        {
            Fill(x0, y0, w, h, n00, n10, n01, n11, visit);
            return;
        }
        if (w <= 2 && h <= 2)
        {
            Exact(x0, y0, x1, y1, visit);
            return;
        }
        CellsSplit++;
        var xm = w > 1 ? x0 + w / 2 : x1;
        var ym = h > 1 ? y0 + h / 2 : y1;
        var nm0 = xm < x1 ? At(xm, y0) : n10;
        var n0m = ym < y1 ? At(x0, ym) : n01;
        var nmm = xm < x1 && ym < y1 ? At(xm, ym) : (xm < x1 ? At(xm, y1) : At(x1, ym));
        var n1m = ym < y1 ? At(x1, ym) : n11;
        var nm1 = xm < x1 ? At(xm, y1) : n11;
        if (xm < x1 && ym < y1)
        {
            Cell(x0, y0, xm, ym, n00, nm0, n0m, nmm, visit);
            Cell(xm, y0, x1, ym, nm0, n10, nmm, n1m, visit);
            Cell(x0, ym, xm, y1, n0m, nmm, n01, nm1, visit);
            Cell(xm, ym, x1, y1, nmm, n1m, nm1, n11, visit);
        }
        else if (xm < x1)
        {
            Cell(x0, y0, xm, y1, n00, nm0, n01, nm1, visit);
            Cell(xm, y0, x1, y1, nm0, n10, nm1, n11, visit);
        }
        else
        {
            Cell(x0, y0, x1, ym, n00, n10, n0m, n1m, visit);
            Cell(x0, ym, x1, y1, n0m, n1m, n01, n11, visit);
        }
    }

    /// <summary>The cell's centre, interpolated from its corners, against the exact mapping, in output pixels.</summary>
    private bool Accurate(int x0, int y0, int w, int h, Node n00, Node n10, Node n01, Node n11)
    {
        _exact(x0 + w / 2.0 + 0.5, y0 + h / 2.0 + 0.5, out var u, out var v);
        if (double.IsNaN(u) || double.IsNaN(v))
            return false;
        var iu = (n00.U + n10.U + n01.U + n11.U) / 4;
        var iv = (n00.V + n10.V + n01.V + n11.V) / 4;
        // Source pixels per output pixel along the cell, to express the error in output pixels.
        var sx = Math.Sqrt((n10.U - n00.U) * (n10.U - n00.U) + (n10.V - n00.V) * (n10.V - n00.V)) / w;
        var sy = Math.Sqrt((n01.U - n00.U) * (n01.U - n00.U) + (n01.V - n00.V) * (n01.V - n00.V)) / h;
        var scale = Math.Max(Math.Min(sx, sy), 1e-12);
        var error = Math.Sqrt((u - iu) * (u - iu) + (v - iv) * (v - iv)) / scale;
        return error <= MaxErrorPixels;
    }

    private void Fill(int x0, int y0, int w, int h, Node n00, Node n10, Node n01, Node n11, PixelVisitor visit)
    {
        CellsFilled++;
        for (var j = 0; j < h; j++)
        {
            var t = (double)j / h;
            var lu = n00.U + (n01.U - n00.U) * t;
            var lv = n00.V + (n01.V - n00.V) * t;
            var du = (n10.U + (n11.U - n10.U) * t - lu) / w;
            var dv = (n10.V + (n11.V - n10.V) * t - lv) / w;
            for (var i = 0; i < w; i++)
                visit(x0 + i, y0 + j, lu + du * i, lv + dv * i);
        }
    }

    private void Exact(int x0, int y0, int x1, int y1, PixelVisitor visit)
    {
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                ExactPixels++;
                _exact(x + 0.5, y + 0.5, out var u, out var v);
                if (!double.IsNaN(u) && !double.IsNaN(v))
                    visit(x, y, u, v);
            }
        }
    }

    private readonly record struct Node(double U, double V)
    {
        public bool IsValid => double.IsFinite(U) && double.IsFinite(V);
    }
}
