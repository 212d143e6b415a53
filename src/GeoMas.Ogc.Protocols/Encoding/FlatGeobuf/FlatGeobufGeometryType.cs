namespace GeoMas.Ogc.Protocols.Encoding.FlatGeobuf;

/// <summary>FlatGeobuf <c>GeometryType</c> (header.fbs), the OGC simple feature types without Z/M.</summary>
public enum FlatGeobufGeometryType : byte
{
    Unknown = 0,
    Point = 1,
    LineString = 2,
    Polygon = 3,
    MultiPoint = 4,
    MultiLineString = 5,
    MultiPolygon = 6,
    GeometryCollection = 7,
}
