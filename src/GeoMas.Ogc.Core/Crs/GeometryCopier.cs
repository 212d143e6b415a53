using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Crs;

/// <summary>
/// Deep-copies a geometry into another factory, rewriting each coordinate sequence on the way, and keeps
/// the structure exactly (empty members, empty holes, geometry types). NTS's GeometryEditor and
/// GeometryTransformer both prune empty components, which would silently change a feature's geometry.
/// </summary>
internal static class GeometryCopier
{
    public static Geometry Copy(Geometry g, GeometryFactory factory, Func<CoordinateSequence, CoordinateSequence> map)
    {
        Geometry result = g switch
        {
            Point p => factory.CreatePoint(map(p.CoordinateSequence)),
            LinearRing r => factory.CreateLinearRing(map(r.CoordinateSequence)),
            LineString l => factory.CreateLineString(map(l.CoordinateSequence)),
            Polygon p => CopyPolygon(p, factory, map),
            MultiPoint m => factory.CreateMultiPoint(CopyMembers<Point>(m, factory, map)),
            MultiLineString m => factory.CreateMultiLineString(CopyMembers<LineString>(m, factory, map)),
            MultiPolygon m => factory.CreateMultiPolygon(CopyMembers<Polygon>(m, factory, map)),
            GeometryCollection c => factory.CreateGeometryCollection(CopyMembers<Geometry>(c, factory, map)),
            _ => throw new NotSupportedException($"Geometry type {g.GeometryType} cannot be transformed."),
        };
        result.UserData = g.UserData;
        return result;
    }

    private static Polygon CopyPolygon(Polygon p, GeometryFactory factory, Func<CoordinateSequence, CoordinateSequence> map)
    {
        var shell = factory.CreateLinearRing(map(p.Shell.CoordinateSequence));
        var holes = new LinearRing[p.NumInteriorRings];
        for (var i = 0; i < holes.Length; i++)
        {
            holes[i] = factory.CreateLinearRing(map(p.GetInteriorRingN(i).CoordinateSequence));
        }

        return factory.CreatePolygon(shell, holes);
    }

    private static T[] CopyMembers<T>(GeometryCollection c, GeometryFactory factory, Func<CoordinateSequence, CoordinateSequence> map)
        where T : Geometry
    {
        var members = new T[c.NumGeometries];
        for (var i = 0; i < members.Length; i++)
        {
            members[i] = (T)Copy(c.GetGeometryN(i), factory, map);
        }

        return members;
    }
}
