using GeoMas.Ogc.Rendering.Labels;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Tests.Labels;

public class RingEdgesTests
{
    [Fact]
    public void A_square_with_a_hole_gives_signed_distances_to_its_nearest_edge()
    {
        SKPoint[] shell = [new(0, 0), new(100, 0), new(100, 100), new(0, 100)];
        SKPoint[] hole = [new(40, 40), new(60, 40), new(60, 60), new(40, 60)];
        var edges = RingEdges.Of([shell, hole]);

        Assert.Equal(20, edges.SignedDistance(20, 50)); // inside, 20 from the left side and from the hole
        Assert.Equal(-10, edges.SignedDistance(50, 50)); // in the hole: outside, 10 from its sides
        Assert.Equal(-5, edges.SignedDistance(105, 50)); // outside, right of the square
        Assert.Equal(-5, edges.SignedDistance(-3, 104)); // outside, beyond a corner
    }

    /// <summary>
    /// The vector lanes do the scalar code's arithmetic in its order: on random rings (the lengths straddle the vector
    /// width, some edges are points), every distance equals, to the bit, the scalar search's.
    /// </summary>
    [Fact]
    public void Distances_are_those_of_the_scalar_arithmetic_to_the_bit()
    {
        var random = new Random(7);
        for (var polygon = 0; polygon < 200; polygon++)
        {
            var rings = new List<SKPoint[]>();
            for (var r = 0; r < 1 + random.Next(3); r++)
            {
                var ring = new SKPoint[3 + random.Next(30)];
                for (var i = 0; i < ring.Length; i++)
                    ring[i] = new SKPoint((float)(random.NextDouble() * 1000), (float)(random.NextDouble() * 1000));
                if (ring.Length > 4)
                    ring[2] = ring[1]; // a repeated point: an edge of length 0
                rings.Add(ring);
            }
            var edges = RingEdges.Of(rings);
            for (var probe = 0; probe < 50; probe++)
            {
                float x = (float)((random.NextDouble() * 1200) - 100), y = (float)((random.NextDouble() * 1200) - 100);
                Assert.Equal(ScalarSignedDistance(x, y, rings), edges.SignedDistance(x, y));
            }
        }
    }

    // The loop RingEdges replaced, kept here as the reference.
    private static float ScalarSignedDistance(float x, float y, IReadOnlyList<SKPoint[]> rings)
    {
        var inside = false;
        var minSq = float.PositiveInfinity;
        foreach (var ring in rings)
        {
            for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
            {
                var a = ring[i];
                var b = ring[j];
                if ((a.Y > y) != (b.Y > y) && x < ((b.X - a.X) * (y - a.Y) / (b.Y - a.Y)) + a.X)
                    inside = !inside;
                float px = a.X, py = a.Y, dx = b.X - a.X, dy = b.Y - a.Y;
                if (dx != 0 || dy != 0)
                {
                    var t = (((x - px) * dx) + ((y - py) * dy)) / ((dx * dx) + (dy * dy));
                    if (t > 1)
                    {
                        px = b.X;
                        py = b.Y;
                    }
                    else if (t > 0)
                    {
                        px += dx * t;
                        py += dy * t;
                    }
                }
                dx = x - px;
                dy = y - py;
                minSq = Math.Min(minSq, (dx * dx) + (dy * dy));
            }
        }
        var d = MathF.Sqrt(minSq);
        return inside ? d : -d;
    }
}
