using System.Globalization;
using System.Text;
using System.Xml;
using GeoMas.Ogc.Core.Crs;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Protocols.Encoding;

/// <summary>
/// Writes NTS geometries as GML 2 or GML 3.1.1 through an async XmlWriter (the NTS GML writers are synchronous).
/// GML 2 uses srsName EPSG:n (x/y); GML 3 uses the URN, whose axis order is the EPSG one (lat/lon for 4326, TRAP-1).
/// </summary>
public sealed class GmlGeometryWriter(GmlVersion version, int srid)
{
    public const string GmlNamespace = "http://www.opengis.net/gml";

    private readonly string _srsName = version == GmlVersion.Gml2
        ? "EPSG:" + srid.ToString(CultureInfo.InvariantCulture)
        : "urn:ogc:def:crs:EPSG::" + srid.ToString(CultureInfo.InvariantCulture);

    private readonly AxisOrder _order = version == GmlVersion.Gml2
        ? AxisOrder.EastNorth
        : AxisOrderRules.For(CrsIdentifier.Parse("urn:ogc:def:crs:EPSG::" + srid.ToString(CultureInfo.InvariantCulture)), AxisContext.Gml);

    public Task WriteAsync(XmlWriter xml, Geometry geometry) => Write(xml, geometry, withSrs: true);

    private async Task Write(XmlWriter xml, Geometry geometry, bool withSrs)
    {
        switch (geometry)
        {
            case Point point:
                await Start(xml, "Point", withSrs);
                await Coordinates(xml, point.Coordinates, single: true);
                await xml.WriteEndElementAsync();
                break;
            case LinearRing ring:
                await Start(xml, "LinearRing", withSrs);
                await Coordinates(xml, ring.Coordinates, single: false);
                await xml.WriteEndElementAsync();
                break;
            case LineString line:
                await Start(xml, "LineString", withSrs);
                await Coordinates(xml, line.Coordinates, single: false);
                await xml.WriteEndElementAsync();
                break;
            case Polygon polygon:
                await Start(xml, "Polygon", withSrs);
                await Ring(xml, version == GmlVersion.Gml2 ? "outerBoundaryIs" : "exterior", polygon.Shell);
                foreach (var hole in polygon.Holes)
                    await Ring(xml, version == GmlVersion.Gml2 ? "innerBoundaryIs" : "interior", hole);
                await xml.WriteEndElementAsync();
                break;
            case MultiPoint multi:
                await Collection(xml, "MultiPoint", "pointMember", multi, withSrs);
                break;
            case MultiLineString multi:
                await Collection(xml, version == GmlVersion.Gml2 ? "MultiLineString" : "MultiCurve",
                    version == GmlVersion.Gml2 ? "lineStringMember" : "curveMember", multi, withSrs);
                break;
            case MultiPolygon multi:
                await Collection(xml, version == GmlVersion.Gml2 ? "MultiPolygon" : "MultiSurface",
                    version == GmlVersion.Gml2 ? "polygonMember" : "surfaceMember", multi, withSrs);
                break;
            case GeometryCollection collection:
                await Collection(xml, version == GmlVersion.Gml2 ? "MultiGeometry" : "MultiGeometry", "geometryMember", collection, withSrs);
                break;
            default:
                throw new NotSupportedException($"Geometry type {geometry.GeometryType} has no GML encoding.");
        }
    }

    private async Task Start(XmlWriter xml, string name, bool withSrs)
    {
        await xml.WriteStartElementAsync("gml", name, GmlNamespace);
        if (withSrs)
            await xml.WriteAttributeStringAsync(null, "srsName", null, _srsName);
    }

    private async Task Ring(XmlWriter xml, string boundary, LineString ring)
    {
        await xml.WriteStartElementAsync("gml", boundary, GmlNamespace);
        await Start(xml, "LinearRing", withSrs: false);
        await Coordinates(xml, ring.Coordinates, single: false);
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
    }

    private async Task Collection(XmlWriter xml, string name, string member, GeometryCollection collection, bool withSrs)
    {
        await Start(xml, name, withSrs);
        foreach (var part in collection.Geometries)
        {
            await xml.WriteStartElementAsync("gml", member, GmlNamespace);
            await Write(xml, part, withSrs: false);
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
    }

    private async Task Coordinates(XmlWriter xml, Coordinate[] coordinates, bool single)
    {
        var text = new StringBuilder(coordinates.Length * 24);
        // GML 2: "x,y x,y"; GML 3: "a1 a2 a1 a2" in the CRS axis order.
        var tupleSeparator = version == GmlVersion.Gml2 ? ',' : ' ';
        foreach (var c in coordinates)
        {
            if (text.Length > 0)
                text.Append(' ');
            var (a1, a2) = AxisSwap.FromXY(c, _order);
            text.Append(a1.ToString("R", CultureInfo.InvariantCulture)).Append(tupleSeparator).Append(a2.ToString("R", CultureInfo.InvariantCulture));
        }
        var element = version == GmlVersion.Gml2 ? "coordinates" : single ? "pos" : "posList";
        await xml.WriteElementStringAsync("gml", element, GmlNamespace, text.ToString());
    }
}
