using NetTopologySuite.Geometries;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Labels;

/// <summary>
/// A polygon's rings in pixels relative to a fixed world origin (x right, y down), independent of where the map
/// canvas lies: label points computed on them are the same for every metatile at one scale.
/// </summary>
internal static class LocalRings
{
    public static List<SKPoint[]> Of(Geometry geometry, double originX, double originY, double scaleX, double scaleY)
    {
        var rings = new List<SKPoint[]>();
        Collect(geometry, originX, originY, scaleX, scaleY, rings);
        return rings;
    }

    private static void Collect(Geometry geometry, double ox, double oy, double sx, double sy, List<SKPoint[]> rings)
    {
        switch (geometry)
        {
            case Polygon polygon:
                rings.Add(ToPoints(polygon.ExteriorRing.CoordinateSequence, ox, oy, sx, sy));
                for (var i = 0; i < polygon.NumInteriorRings; i++)
                    rings.Add(ToPoints(polygon.GetInteriorRingN(i).CoordinateSequence, ox, oy, sx, sy));
                break;
            case GeometryCollection collection:
                for (var i = 0; i < collection.NumGeometries; i++)
                    Collect(collection.GetGeometryN(i), ox, oy, sx, sy, rings);
                break;
        }
    }

    private static SKPoint[] ToPoints(CoordinateSequence seq, double ox, double oy, double sx, double sy)
    {
        var points = new SKPoint[seq.Count];
        for (var i = 0; i < points.Length; i++)
            points[i] = new SKPoint((float)((seq.GetX(i) - ox) * sx), (float)((oy - seq.GetY(i)) * sy));
        return points;
    }
}
