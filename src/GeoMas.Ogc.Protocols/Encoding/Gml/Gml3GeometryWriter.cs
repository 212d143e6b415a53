using System.Globalization;
using System.Xml;
using GeoMas.Ogc.Core.Crs;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Protocols.Encoding.Gml;

/// <summary>
/// Writes NTS geometries as GML 3.2 or 3.1.1 (gml:Point/LineString/Polygon, MultiCurve/MultiSurface, pos/posList)
/// into a synchronous <see cref="XmlWriter"/> that fills a memory buffer (the caller flushes the network asynchronously).
/// <para>
/// <c>srsName</c> is written exactly as the client spelled it (WFS-Q5) and coordinates follow <paramref name="order"/>,
/// which the caller derives from that spelling (TRAP-1: <c>urn:ogc:def:crs:EPSG::4326</c> is lat/lon, <c>EPSG:4326</c>
/// lon/lat). GML 3.2 requires <c>gml:id</c> on every geometry object, so ids are derived from the feature's id
/// (<c>parcelles.12.geom</c>, members <c>parcelles.12.geom.1</c>…) when <paramref name="writeIds"/> is set.
/// Coordinates are formatted into one reused char buffer (shortest round-trip text, invariant culture) and written
/// raw: digits, signs, dots, 'E' and spaces need no escaping, and no string is built per coordinate.
/// </para>
/// </summary>
public sealed class Gml3GeometryWriter(string gmlNamespace, string srsName, AxisOrder order, bool writeIds)
{
    private char[] _buffer = new char[4096];

    public string SrsName => srsName;

    /// <summary>Writes <paramref name="geometry"/> with its srsName; <paramref name="id"/> is its gml:id (GML 3.2).</summary>
    public void Write(XmlWriter xml, Geometry geometry, string id)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentNullException.ThrowIfNull(geometry);
        Write(xml, geometry, id, withSrs: true);
    }

    /// <summary>Writes a <c>gml:Envelope</c> (lower and upper corner in the output axis order).</summary>
    public void WriteEnvelope(XmlWriter xml, Envelope envelope)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentNullException.ThrowIfNull(envelope);
        var (a1min, a2min, a1max, a2max) = AxisSwap.FromXY(envelope, order);
        xml.WriteStartElement("gml", "Envelope", gmlNamespace);
        xml.WriteAttributeString("srsName", srsName);
        xml.WriteStartElement("gml", "lowerCorner", gmlNamespace);
        WritePair(xml, a1min, a2min);
        xml.WriteEndElement();
        xml.WriteStartElement("gml", "upperCorner", gmlNamespace);
        WritePair(xml, a1max, a2max);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private void Write(XmlWriter xml, Geometry geometry, string id, bool withSrs)
    {
        switch (geometry)
        {
            case Point point:
                Start(xml, "Point", id, withSrs);
                Positions(xml, "pos", point.CoordinateSequence);
                xml.WriteEndElement();
                break;
            case LineString line:
                Start(xml, "LineString", id, withSrs);
                Positions(xml, "posList", line.CoordinateSequence);
                xml.WriteEndElement();
                break;
            case Polygon polygon:
                Start(xml, "Polygon", id, withSrs);
                Ring(xml, "exterior", polygon.Shell);
                foreach (var hole in polygon.Holes)
                    Ring(xml, "interior", hole);
                xml.WriteEndElement();
                break;
            case MultiPoint multi:
                Collection(xml, "MultiPoint", "pointMember", multi, id, withSrs);
                break;
            case MultiLineString multi:
                Collection(xml, "MultiCurve", "curveMember", multi, id, withSrs);
                break;
            case MultiPolygon multi:
                Collection(xml, "MultiSurface", "surfaceMember", multi, id, withSrs);
                break;
            case GeometryCollection collection:
                Collection(xml, "MultiGeometry", "geometryMember", collection, id, withSrs);
                break;
            default:
                throw new NotSupportedException($"Geometry type {geometry.GeometryType} has no GML encoding.");
        }
    }

    private void Start(XmlWriter xml, string name, string id, bool withSrs)
    {
        xml.WriteStartElement("gml", name, gmlNamespace);
        if (writeIds)
            xml.WriteAttributeString("gml", "id", gmlNamespace, id);
        if (withSrs)
            xml.WriteAttributeString("srsName", srsName);
    }

    private void Ring(XmlWriter xml, string boundary, LineString ring)
    {
        xml.WriteStartElement("gml", boundary, gmlNamespace);
        xml.WriteStartElement("gml", "LinearRing", gmlNamespace);
        Positions(xml, "posList", ring.CoordinateSequence);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private void Collection(XmlWriter xml, string name, string member, GeometryCollection collection, string id, bool withSrs)
    {
        Start(xml, name, id, withSrs);
        for (var i = 0; i < collection.NumGeometries; i++)
        {
            xml.WriteStartElement("gml", member, gmlNamespace);
            Write(xml, collection.GetGeometryN(i), id + "." + (i + 1).ToString(CultureInfo.InvariantCulture), withSrs: false);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private void Positions(XmlWriter xml, string element, CoordinateSequence sequence)
    {
        xml.WriteStartElement("gml", element, gmlNamespace);
        var length = 0;
        for (var i = 0; i < sequence.Count; i++)
        {
            var (a1, a2) = order == AxisOrder.EastNorth ? (sequence.GetX(i), sequence.GetY(i)) : (sequence.GetY(i), sequence.GetX(i));
            // Two numbers of at most 32 characters and two separators.
            if (_buffer.Length - length < 70)
                Array.Resize(ref _buffer, _buffer.Length * 2);
            if (i > 0)
                _buffer[length++] = ' ';
            length += Format(a1, length);
            _buffer[length++] = ' ';
            length += Format(a2, length);
        }
        xml.WriteRaw(_buffer, 0, length);
        xml.WriteEndElement();
    }

    private void WritePair(XmlWriter xml, double a1, double a2)
    {
        var length = Format(a1, 0);
        _buffer[length++] = ' ';
        length += Format(a2, length);
        xml.WriteRaw(_buffer, 0, length);
    }

    private int Format(double value, int at)
    {
        if (!value.TryFormat(_buffer.AsSpan(at), out var written, default, CultureInfo.InvariantCulture))
            throw new InvalidOperationException("Coordinate buffer too small.");
        return written;
    }
}
