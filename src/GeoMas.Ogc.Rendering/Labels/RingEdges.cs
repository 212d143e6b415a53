using System.Runtime.Intrinsics;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Labels;

/// <summary>
/// The edges of a polygon's rings laid out for the polylabel search, which asks each probe for its distance to every
/// edge: start and end points in four arrays, 8 edges a step with 256-bit vectors. The search was 7 % of a cold tile's
/// CPU (W1 profile), most of it in that distance. Each lane does the arithmetic the scalar code did, in the same order,
/// so the distances, and the label positions, are the same to the bit.
/// </summary>
internal sealed class RingEdges
{
    // Pads the arrays to whole vectors: an edge at this point is never nearer than a real one and never crosses.
    private const float Far = 1e30f;
    private readonly float[] _ax;
    private readonly float[] _ay;
    private readonly float[] _bx;
    private readonly float[] _by;

    private RingEdges(float[] ax, float[] ay, float[] bx, float[] by)
    {
        _ax = ax;
        _ay = ay;
        _bx = bx;
        _by = by;
    }

    /// <summary>Edge i of a ring goes from its point i to its point i - 1 (the last point for i = 0).</summary>
    public static RingEdges Of(IReadOnlyList<SKPoint[]> rings)
    {
        var count = 0;
        foreach (var ring in rings)
            count += ring.Length;
        var padded = (count + Vector256<float>.Count - 1) / Vector256<float>.Count * Vector256<float>.Count;
        float[] ax = new float[padded], ay = new float[padded], bx = new float[padded], by = new float[padded];
        var k = 0;
        foreach (var ring in rings)
        {
            var n = ring.Length;
            for (int i = 0, j = n - 1; i < n; j = i++, k++)
            {
                ax[k] = ring[i].X;
                ay[k] = ring[i].Y;
                bx[k] = ring[j].X;
                by[k] = ring[j].Y;
            }
        }
        for (; k < padded; k++)
            ax[k] = ay[k] = bx[k] = by[k] = Far;
        return new RingEdges(ax, ay, bx, by);
    }

    /// <summary>Distance to the nearest ring edge, positive inside the polygon (even-odd), negative outside.</summary>
    public float SignedDistance(float x, float y)
    {
        var px = Vector256.Create(x);
        var py = Vector256.Create(y);
        var minSq = Vector256.Create(float.PositiveInfinity);
        var crossings = Vector256<int>.Zero;
        for (var k = 0; k < _ax.Length; k += Vector256<float>.Count)
        {
            var ax = Vector256.Create(_ax.AsSpan(k, Vector256<float>.Count));
            var ay = Vector256.Create(_ay.AsSpan(k, Vector256<float>.Count));
            var bx = Vector256.Create(_bx.AsSpan(k, Vector256<float>.Count));
            var by = Vector256.Create(_by.AsSpan(k, Vector256<float>.Count));

            // Even-odd: does a ray from the point towards +x cross the edge?
            var straddles = Vector256.GreaterThan(ay, py) ^ Vector256.GreaterThan(by, py);
            var crossX = ((bx - ax) * (py - ay) / (by - ay)) + ax;
            crossings -= (straddles & Vector256.LessThan(px, crossX)).AsInt32(); // a true lane is -1

            // The nearest point of the segment: its start below t = 0 (and for a point-like edge, where t is NaN),
            // its end above t = 1, the projection between.
            var dx = bx - ax;
            var dy = by - ay;
            var t = (((px - ax) * dx) + ((py - ay) * dy)) / ((dx * dx) + (dy * dy));
            var beyond = Vector256.GreaterThan(t, Vector256<float>.One);
            var along = Vector256.GreaterThan(t, Vector256<float>.Zero);
            var nx = Vector256.ConditionalSelect(beyond, bx, Vector256.ConditionalSelect(along, ax + (dx * t), ax));
            var ny = Vector256.ConditionalSelect(beyond, by, Vector256.ConditionalSelect(along, ay + (dy * t), ay));
            var ex = px - nx;
            var ey = py - ny;
            minSq = Vector256.Min(minSq, (ex * ex) + (ey * ey));
        }
        var min = float.PositiveInfinity;
        for (var lane = 0; lane < Vector256<float>.Count; lane++)
            min = Math.Min(min, minSq.GetElement(lane));
        var d = MathF.Sqrt(min);
        return (Vector256.Sum(crossings) & 1) == 1 ? d : -d;
    }
}
