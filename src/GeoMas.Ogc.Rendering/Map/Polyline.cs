using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Map;

/// <summary>Small geometry helpers on pixel polylines (measured along their length).</summary>
internal static class Polyline
{
    public static double Length(ReadOnlySpan<SKPoint> points)
    {
        double length = 0;
        for (var i = 1; i < points.Length; i++)
            length += SKPoint.Distance(points[i - 1], points[i]);
        return length;
    }

    /// <summary>The point at <paramref name="distance"/> from the start (clamped to the ends).</summary>
    public static SKPoint PointAt(ReadOnlySpan<SKPoint> points, double distance)
    {
        if (points.Length == 0)
            return default;
        if (distance <= 0)
            return points[0];
        double walked = 0;
        for (var i = 1; i < points.Length; i++)
        {
            var d = SKPoint.Distance(points[i - 1], points[i]);
            if (walked + d >= distance && d > 0)
            {
                var t = (float)((distance - walked) / d);
                return new SKPoint(points[i - 1].X + (points[i].X - points[i - 1].X) * t, points[i - 1].Y + (points[i].Y - points[i - 1].Y) * t);
            }
            walked += d;
        }
        return points[^1];
    }

    /// <summary>Direction (radians, screen space) of the segment at <paramref name="distance"/>.</summary>
    public static double AngleAt(ReadOnlySpan<SKPoint> points, double distance)
    {
        double walked = 0;
        for (var i = 1; i < points.Length; i++)
        {
            var d = SKPoint.Distance(points[i - 1], points[i]);
            if (walked + d >= distance || i == points.Length - 1)
                return Math.Atan2(points[i].Y - points[i - 1].Y, points[i].X - points[i - 1].X);
            walked += d;
        }
        return 0;
    }

    /// <summary>The piece of the polyline between two distances from its start.</summary>
    public static SKPoint[] Segment(ReadOnlySpan<SKPoint> points, double from, double to)
    {
        var result = new List<SKPoint> { PointAt(points, from) };
        double walked = 0;
        for (var i = 1; i < points.Length; i++)
        {
            walked += SKPoint.Distance(points[i - 1], points[i]);
            if (walked > from && walked < to)
                result.Add(points[i]);
            if (walked >= to)
                break;
        }
        result.Add(PointAt(points, to));
        return [.. result];
    }

    /// <summary>
    /// Offsets a polyline sideways by <paramref name="offset"/> pixels (positive = left of the direction of travel,
    /// as SE PerpendicularOffset). Vertices move along the averaged normal of their two segments: an approximation
    /// that is exact on straight parts and good enough on the gentle bends of roads.
    /// </summary>
    public static SKPoint[] Offset(ReadOnlySpan<SKPoint> points, float offset)
    {
        var n = points.Length;
        var result = new SKPoint[n];
        if (n < 2)
        {
            points.CopyTo(result);
            return result;
        }
        for (var i = 0; i < n; i++)
        {
            var prev = LeftNormal(points[Math.Max(0, i - 1)], points[Math.Max(1, i)]);
            var next = LeftNormal(points[Math.Min(n - 2, i)], points[Math.Min(n - 1, i + 1)]);
            var nx = prev.X + next.X;
            var ny = prev.Y + next.Y;
            var len = MathF.Sqrt(nx * nx + ny * ny);
            if (len < 1e-6f)
            {
                nx = next.X;
                ny = next.Y;
                len = 1;
            }
            // Scale so the offset is right for both segments at a bend, within a miter limit.
            var cos = Math.Max(0.3f, (nx * next.X + ny * next.Y) / len);
            var scale = offset / (len * cos);
            result[i] = new SKPoint(points[i].X + nx * scale, points[i].Y + ny * scale);
        }
        return result;
    }

    // Unit normal to the left of a→b on screen (y grows downward, so "left" on the map is (dy, -dx)).
    private static SKPoint LeftNormal(SKPoint a, SKPoint b)
    {
        var dx = b.X - a.X;
        var dy = b.Y - a.Y;
        var len = MathF.Sqrt(dx * dx + dy * dy);
        return len < 1e-6f ? default : new SKPoint(dy / len, -dx / len);
    }

    public static SKPath ToPath(ReadOnlySpan<SKPoint> points, bool close = false)
    {
        using var builder = new SKPathBuilder();
        if (points.Length > 0)
            builder.AddPoly(points, close);
        return builder.Detach();
    }
}
