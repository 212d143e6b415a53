using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Protocols.Encoding.FlatGeobuf;

/// <summary>
/// Writes an NTS geometry as a FlatGeobuf <c>Geometry</c> table (feature.fbs): flat <c>xy</c> coordinates, ring or
/// line <c>ends</c> (coordinate counts, cumulative) when there is more than one, and <c>parts</c> for
/// MultiPolygon and GeometryCollection, as the specification lays them out (and as GDAL reads them: a
/// MultiLineString always has its ends). The type is always written, so the
/// header may say Unknown (a layer mixes Polygon and MultiPolygon).
/// </summary>
internal static class FlatGeobufGeometryEncoder
{
    // Geometry table fields (feature.fbs).
    private const ushort EndsField = 0;
    private const ushort XyField = 1;
    private const ushort TypeField = 6;
    private const ushort PartsField = 7;

    public static FlatGeobufGeometryType TypeOf(Geometry geometry) => geometry switch
    {
        Point => FlatGeobufGeometryType.Point,
        LinearRing or LineString => FlatGeobufGeometryType.LineString,
        Polygon => FlatGeobufGeometryType.Polygon,
        MultiPoint => FlatGeobufGeometryType.MultiPoint,
        MultiLineString => FlatGeobufGeometryType.MultiLineString,
        MultiPolygon => FlatGeobufGeometryType.MultiPolygon,
        GeometryCollection => FlatGeobufGeometryType.GeometryCollection,
        _ => FlatGeobufGeometryType.Unknown,
    };

    /// <summary>Writes <paramref name="geometry"/> as a table pointed to by <paramref name="slot"/>.</summary>
    public static void Write(FlatBufferWriter writer, int slot, Geometry geometry, List<double> xy, List<uint> ends)
    {
        var type = TypeOf(geometry);
        if (type is FlatGeobufGeometryType.MultiPolygon or FlatGeobufGeometryType.GeometryCollection)
        {
            var fields = writer.WriteTable(slot, [FlatField.UInt8(TypeField, (byte)type), FlatField.Reference(PartsField)]);
            var parts = writer.WriteReferenceVector(fields[1], geometry.NumGeometries);
            for (var i = 0; i < parts.Length; i++)
                Write(writer, parts[i], geometry.GetGeometryN(i), xy, ends);
            return;
        }

        xy.Clear();
        ends.Clear();
        Flatten(geometry, xy, ends);
        // GDAL requires ends on every MultiLineString, even of one line; elsewhere they are only needed for several parts.
        if (ends.Count > 1 || type == FlatGeobufGeometryType.MultiLineString)
        {
            var fields = writer.WriteTable(slot,
                [FlatField.Reference(EndsField), FlatField.Reference(XyField), FlatField.UInt8(TypeField, (byte)type)]);
            writer.WriteVector<uint>(fields[0], System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ends));
            writer.WriteVector<double>(fields[1], System.Runtime.InteropServices.CollectionsMarshal.AsSpan(xy));
        }
        else
        {
            var fields = writer.WriteTable(slot, [FlatField.Reference(XyField), FlatField.UInt8(TypeField, (byte)type)]);
            writer.WriteVector<double>(fields[0], System.Runtime.InteropServices.CollectionsMarshal.AsSpan(xy));
        }
    }

    // Point, LineString, MultiPoint: one run of coordinates; Polygon: its rings; MultiLineString: its lines.
    private static void Flatten(Geometry geometry, List<double> xy, List<uint> ends)
    {
        switch (geometry)
        {
            case Polygon polygon:
                AddRun(polygon.ExteriorRing.CoordinateSequence, xy, ends);
                foreach (var hole in polygon.InteriorRings)
                    AddRun(hole.CoordinateSequence, xy, ends);
                break;
            case MultiLineString lines:
                for (var i = 0; i < lines.NumGeometries; i++)
                    AddRun(((LineString)lines.GetGeometryN(i)).CoordinateSequence, xy, ends);
                break;
            case MultiPoint points:
                for (var i = 0; i < points.NumGeometries; i++)
                {
                    var point = (Point)points.GetGeometryN(i);
                    xy.Add(point.X);
                    xy.Add(point.Y);
                }
                break;
            case Point point:
                xy.Add(point.X);
                xy.Add(point.Y);
                break;
            case LineString line:
                AddRun(line.CoordinateSequence, xy, ends);
                break;
        }
    }

    private static void AddRun(CoordinateSequence sequence, List<double> xy, List<uint> ends)
    {
        for (var i = 0; i < sequence.Count; i++)
        {
            xy.Add(sequence.GetX(i));
            xy.Add(sequence.GetY(i));
        }
        ends.Add((uint)(xy.Count / 2));
    }
}
