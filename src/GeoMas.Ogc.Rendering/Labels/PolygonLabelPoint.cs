using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Labels;

/// <summary>
/// The visual centre ("pole of inaccessibility", the centre of the largest inscribed circle) of the part of a
/// polygon inside a rectangle, found by the polylabel grid search directly on pixel rings.
/// </summary>
/// <remarks>
/// Same algorithm and tolerance as NetTopologySuite's MaximumInscribedCircle on the clipped geometry, without
/// building either: for a point inside both the polygon P and the rectangle R, the distance to the boundary of
/// P ∩ R is min(distance to P's rings, distance to R's sides), so no overlay is needed, and the search works on
/// the float rings the renderer already has instead of allocating facet trees and geometries (that cost ~60 KB and
/// most of a parcel label's time at 1:2000).
/// </remarks>
internal static class PolygonLabelPoint
{
    private const float Sqrt2 = 1.41421356f;

    /// <summary>Null when no part of the polygon lies inside <paramref name="clip"/>.</summary>
    /// <param name="rings">Exterior and interior rings (any orientation; inside is decided even-odd).</param>
    /// <param name="precision">Stop refining once no cell can beat the best by more than this (pixels).</param>
    public static SKPoint? Find(IReadOnlyList<SKPoint[]> rings, SKRect clip, float precision)
    {
        var bounds = SKRect.Empty;
        var first = true;
        foreach (var ring in rings)
        {
            foreach (var p in ring)
            {
                if (first)
                {
                    bounds = new SKRect(p.X, p.Y, p.X, p.Y);
                    first = false;
                }
                else
                {
                    bounds.Left = Math.Min(bounds.Left, p.X);
                    bounds.Top = Math.Min(bounds.Top, p.Y);
                    bounds.Right = Math.Max(bounds.Right, p.X);
                    bounds.Bottom = Math.Max(bounds.Bottom, p.Y);
                }
            }
        }
        if (first || !bounds.IntersectsWith(clip))
            return null;
        bounds.Intersect(clip);
        var cellSize = Math.Min(bounds.Width, bounds.Height);
        if (cellSize <= 0)
            return null;

        var edges = RingEdges.Of(rings);
        var h = cellSize / 2;
        var queue = new PriorityQueue<Cell, float>();
        for (var x = bounds.Left; x < bounds.Right; x += cellSize)
            for (var y = bounds.Top; y < bounds.Bottom; y += cellSize)
                Push(queue, MakeCell(x + h, y + h, h, edges, clip));

        var best = MakeCell(bounds.MidX, bounds.MidY, 0, edges, clip);
        if (Centroid(rings) is { } centroid && clip.Contains(centroid.X, centroid.Y))
        {
            var c = MakeCell(centroid.X, centroid.Y, 0, edges, clip);
            if (c.Distance > best.Distance)
                best = c;
        }

        while (queue.TryDequeue(out var cell, out _))
        {
            if (cell.Distance > best.Distance)
                best = cell;
            if (cell.Max - best.Distance <= precision)
                continue;
            var half = cell.Half / 2;
            Push(queue, MakeCell(cell.X - half, cell.Y - half, half, edges, clip));
            Push(queue, MakeCell(cell.X + half, cell.Y - half, half, edges, clip));
            Push(queue, MakeCell(cell.X - half, cell.Y + half, half, edges, clip));
            Push(queue, MakeCell(cell.X + half, cell.Y + half, half, edges, clip));
        }
        return best.Distance > 0 ? new SKPoint(best.X, best.Y) : null;
    }

    private static void Push(PriorityQueue<Cell, float> queue, Cell cell) => queue.Enqueue(cell, -cell.Max);

    private static Cell MakeCell(float x, float y, float half, RingEdges edges, SKRect clip)
    {
        var d = edges.SignedDistance(x, y);
        if (d > 0)
        {
            // Inside the polygon: the rectangle's sides are boundary too (negative when outside the rectangle).
            var toClip = Math.Min(Math.Min(x - clip.Left, clip.Right - x), Math.Min(y - clip.Top, clip.Bottom - y));
            d = Math.Min(d, toClip);
        }
        return new Cell(x, y, half, d, d + half * Sqrt2);
    }

    // Area-weighted centroid of the rings: often already a good answer, so the search prunes early.
    private static SKPoint? Centroid(IReadOnlyList<SKPoint[]> rings)
    {
        double area = 0, cx = 0, cy = 0;
        foreach (var ring in rings)
        {
            var n = ring.Length;
            for (int i = 0, j = n - 1; i < n; j = i++)
            {
                var a = ring[i];
                var b = ring[j];
                var f = (double)a.X * b.Y - (double)b.X * a.Y;
                cx += (a.X + b.X) * f;
                cy += (a.Y + b.Y) * f;
                area += f * 3;
            }
        }
        return area == 0 ? null : new SKPoint((float)(cx / area), (float)(cy / area));
    }

    private readonly record struct Cell(float X, float Y, float Half, float Distance, float Max);
}
