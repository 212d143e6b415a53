using System.Text.Json;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Protocols.Encoding.GeoJson;

/// <summary>
/// Writes an NTS geometry as a GeoJSON geometry object (RFC 7946 §3.1) straight into a <see cref="Utf8JsonWriter"/>:
/// no intermediate objects and no serializer (whose synchronous flush the response body refuses). Coordinates keep
/// full round-trip precision unless <c>decimals</c> asks for rounding (<see cref="GeoJsonPositionFormatter"/>);
/// <c>swapAxes</c> writes y before x for CRSs whose wire order is latitude-first (TRAP-1).
/// </summary>
public static class GeoJsonGeometryWriter
{
    public static void Write(Utf8JsonWriter json, Geometry? geometry, bool swapAxes = false) =>
        Write(json, geometry, swapAxes, decimals: null);

    /// <param name="decimals">Digits kept after the decimal point; null = shortest round-trip form of each double.</param>
    public static void Write(Utf8JsonWriter json, Geometry? geometry, bool swapAxes, int? decimals)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (geometry is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        switch (geometry)
        {
            case Point point:
                json.WriteString("type", "Point");
                json.WritePropertyName("coordinates");
                if (point.IsEmpty)
                {
                    json.WriteStartArray();
                    json.WriteEndArray();
                }
                else
                {
                    WritePosition(json, point.CoordinateSequence, 0, swapAxes, decimals);
                }
                break;
            case LinearRing or LineString:
                json.WriteString("type", "LineString");
                json.WritePropertyName("coordinates");
                WriteSequence(json, ((LineString)geometry).CoordinateSequence, swapAxes, decimals);
                break;
            case Polygon polygon:
                json.WriteString("type", "Polygon");
                json.WritePropertyName("coordinates");
                WritePolygonRings(json, polygon, swapAxes, decimals);
                break;
            case MultiPoint multiPoint:
                json.WriteString("type", "MultiPoint");
                json.WriteStartArray("coordinates");
                foreach (var part in multiPoint.Geometries)
                {
                    if (!part.IsEmpty)
                        WritePosition(json, ((Point)part).CoordinateSequence, 0, swapAxes, decimals);
                }
                json.WriteEndArray();
                break;
            case MultiLineString multiLine:
                json.WriteString("type", "MultiLineString");
                json.WriteStartArray("coordinates");
                foreach (var part in multiLine.Geometries)
                    WriteSequence(json, ((LineString)part).CoordinateSequence, swapAxes, decimals);
                json.WriteEndArray();
                break;
            case MultiPolygon multiPolygon:
                json.WriteString("type", "MultiPolygon");
                json.WriteStartArray("coordinates");
                foreach (var part in multiPolygon.Geometries)
                    WritePolygonRings(json, (Polygon)part, swapAxes, decimals);
                json.WriteEndArray();
                break;
            case GeometryCollection collection:
                json.WriteString("type", "GeometryCollection");
                json.WriteStartArray("geometries");
                foreach (var part in collection.Geometries)
                    Write(json, part, swapAxes, decimals);
                json.WriteEndArray();
                break;
            default:
                throw new NotSupportedException($"GeoJSON has no encoding for {geometry.GeometryType}.");
        }
        json.WriteEndObject();
    }

    private static void WritePolygonRings(Utf8JsonWriter json, Polygon polygon, bool swapAxes, int? decimals)
    {
        json.WriteStartArray();
        if (!polygon.IsEmpty)
        {
            WriteSequence(json, polygon.ExteriorRing.CoordinateSequence, swapAxes, decimals);
            foreach (var hole in polygon.InteriorRings)
                WriteSequence(json, hole.CoordinateSequence, swapAxes, decimals);
        }
        json.WriteEndArray();
    }

    private static void WriteSequence(Utf8JsonWriter json, CoordinateSequence sequence, bool swapAxes, int? decimals)
    {
        json.WriteStartArray();
        for (var i = 0; i < sequence.Count; i++)
            WritePosition(json, sequence, i, swapAxes, decimals);
        json.WriteEndArray();
    }

    private static void WritePosition(Utf8JsonWriter json, CoordinateSequence sequence, int index, bool swapAxes, int? decimals)
    {
        var x = sequence.GetX(index);
        var y = sequence.GetY(index);
        double? z = null;
        if (sequence.HasZ && sequence.GetZ(index) is var zValue && double.IsFinite(zValue))
            z = zValue;
        if (decimals is { } digits)
        {
            GeoJsonPositionFormatter.Write(json, swapAxes ? y : x, swapAxes ? x : y, z, digits);
            return;
        }
        json.WriteStartArray();
        json.WriteNumberValue(swapAxes ? y : x);
        json.WriteNumberValue(swapAxes ? x : y);
        if (z is { } value)
            json.WriteNumberValue(value);
        json.WriteEndArray();
    }
}
