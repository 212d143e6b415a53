using System.Globalization;
using System.Xml.Linq;
using GeoMas.Ogc.Core.Crs;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Rendering.Sld;

/// <summary>
/// The small GML 2 / GML 3 subset filters carry: Envelope, Box, Point, LineString, Polygon, LinearRing and their
/// Multi* forms, with coordinates in <c>coordinates</c>, <c>coord</c>, <c>pos</c>, <c>posList</c>, or
/// <c>lowerCorner</c>/<c>upperCorner</c>. Coordinates are returned in x/y (east/north) order: the srsName form
/// decides whether a geographic CRS was written lat/lon (URN and http forms) or lon/lat (EPSG:xxxx), as in WFS.
/// </summary>
internal sealed class GmlGeometryReader(SldContext context)
{
    private static readonly GeometryFactory Factory = new();

    /// <summary>The geometry and its EPSG code (0 when the element names no srsName: the layer's own CRS).</summary>
    public (Geometry Geometry, int Srid) Read(XElement element)
    {
        var srsName = element.Attribute("srsName")?.Value;
        var order = AxisOrder.EastNorth;
        var srid = 0;
        if (!string.IsNullOrWhiteSpace(srsName))
        {
            if (!CrsIdentifier.TryParse(srsName, out var crs))
                throw context.Error(element, $"Unknown srsName '{srsName}'.");
            srid = crs.Srid;
            order = AxisOrderRules.For(crs, AxisContext.Gml);
        }
        var geometry = ReadGeometry(element, order);
        geometry.SRID = srid;
        return (geometry, srid);
    }

    private Geometry ReadGeometry(XElement element, AxisOrder order) => element.Name.LocalName switch
    {
        "Envelope" or "Box" => Factory.ToGeometry(ReadEnvelope(element, order)),
        "Point" => Factory.CreatePoint(Single(ReadCoordinates(element, order), element)),
        "LineString" => Factory.CreateLineString(AtLeast(ReadCoordinates(element, order), 2, element)),
        "LinearRing" => Factory.CreateLinearRing(Ring(ReadCoordinates(element, order), element)),
        "Polygon" => ReadPolygon(element, order),
        "MultiPoint" => Factory.CreateMultiPoint(Members(element, order).Cast<Point>().ToArray()),
        "MultiLineString" or "MultiCurve" => Factory.CreateMultiLineString(Members(element, order).Cast<LineString>().ToArray()),
        "MultiPolygon" or "MultiSurface" => Factory.CreateMultiPolygon(Members(element, order).Cast<Polygon>().ToArray()),
        _ => throw context.Error(element, $"GML <{element.Name.LocalName}> is not supported in filters."),
    };

    private Envelope ReadEnvelope(XElement element, AxisOrder order)
    {
        Coordinate[] corners;
        if (SldContext.Child(element, "lowerCorner") is { } lower && SldContext.Child(element, "upperCorner") is { } upper)
            corners = [.. ParsePositions(lower, order, 2), .. ParsePositions(upper, order, 2)];
        else
            corners = ReadCoordinates(element, order);
        if (corners.Length != 2)
            throw context.Error(element, $"<{element.Name.LocalName}> needs exactly two corners.");
        return new Envelope(corners[0], corners[1]);
    }

    private Polygon ReadPolygon(XElement element, AxisOrder order)
    {
        var outer = Boundary(element, "exterior", "outerBoundaryIs")
            ?? throw context.Error(element, "<Polygon> needs an exterior ring.");
        var holes = element.Elements()
            .Where(e => e.Name.LocalName is "interior" or "innerBoundaryIs")
            .Select(e => RingOf(e, order))
            .ToArray();
        return Factory.CreatePolygon(RingOf(outer, order), holes);
    }

    private static XElement? Boundary(XElement polygon, string gml3, string gml2) =>
        SldContext.Child(polygon, gml3) ?? SldContext.Child(polygon, gml2);

    private LinearRing RingOf(XElement boundary, AxisOrder order)
    {
        var ring = SldContext.Child(boundary, "LinearRing") ?? throw context.Error(boundary, "A polygon boundary needs a <LinearRing>.");
        return Factory.CreateLinearRing(Ring(ReadCoordinates(ring, order), ring));
    }

    /// <summary>Members of a Multi* geometry in any GML member element (pointMember, surfaceMembers, …).</summary>
    private IEnumerable<Geometry> Members(XElement element, AxisOrder order) =>
        element.Elements()
            .Where(e => e.Name.LocalName.EndsWith("Member", StringComparison.Ordinal) || e.Name.LocalName.EndsWith("Members", StringComparison.Ordinal))
            .SelectMany(m => m.Elements())
            .Select(g => ReadGeometry(g, order));

    private Coordinate[] ReadCoordinates(XElement element, AxisOrder order)
    {
        if (SldContext.Child(element, "posList") is { } posList)
            return ParsePositions(posList, order, Dimension(posList, element));
        if (SldContext.Child(element, "coordinates") is { } coordinates)
            return ParseGml2Coordinates(coordinates, order);
        var pos = SldContext.Children(element, "pos").ToArray();
        if (pos.Length > 0)
            return pos.SelectMany(p => ParsePositions(p, order, Dimension(p, element))).ToArray();
        var coords = SldContext.Children(element, "coord").ToArray();
        if (coords.Length > 0)
        {
            return coords.Select(c => AxisSwap.ToXY(
                context.ParseDouble(c, context.ChildText(c, "X") ?? ""),
                context.ParseDouble(c, context.ChildText(c, "Y") ?? ""),
                order)).ToArray();
        }
        throw context.Error(element, $"<{element.Name.LocalName}> has no coordinates.");
    }

    private int Dimension(XElement element, XElement geometry)
    {
        var text = element.Attribute("srsDimension")?.Value ?? geometry.Attribute("srsDimension")?.Value;
        if (text is null)
            return 2;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is 2 or 3
            ? d
            : throw context.Error(element, $"srsDimension '{text}' is not 2 or 3.");
    }

    /// <summary>GML 3 pos/posList: whitespace-separated numbers, <paramref name="dimension"/> per position (z dropped).</summary>
    private Coordinate[] ParsePositions(XElement element, AxisOrder order, int dimension)
    {
        var numbers = element.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(t => context.ParseDouble(element, t)).ToArray();
        if (numbers.Length == 0 || numbers.Length % dimension != 0)
            throw context.Error(element, $"<{element.Name.LocalName}> needs a multiple of {dimension} numbers.");
        var result = new Coordinate[numbers.Length / dimension];
        for (var i = 0; i < result.Length; i++)
            result[i] = AxisSwap.ToXY(numbers[i * dimension], numbers[(i * dimension) + 1], order);
        return result;
    }

    /// <summary>GML 2 coordinates: tuples separated by <c>ts</c> (space), values by <c>cs</c> (comma).</summary>
    private Coordinate[] ParseGml2Coordinates(XElement element, AxisOrder order)
    {
        var cs = element.Attribute("cs")?.Value is { Length: 1 } c ? c[0] : ',';
        var ts = element.Attribute("ts")?.Value is { Length: 1 } t ? t[0] : ' ';
        var decimalSeparator = element.Attribute("decimal")?.Value is { Length: 1 } d ? d[0] : '.';
        var tuples = element.Value.Trim().Split([ts, '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return tuples.Select(tuple =>
        {
            var values = tuple.Split(cs).Select(v => context.ParseDouble(element, v.Replace(decimalSeparator, '.'))).ToArray();
            if (values.Length is < 2 or > 3)
                throw context.Error(element, $"'{tuple}' is not a coordinate tuple.");
            return AxisSwap.ToXY(values[0], values[1], order);
        }).ToArray();
    }

    private Coordinate Single(Coordinate[] coordinates, XElement at) =>
        coordinates.Length == 1 ? coordinates[0] : throw context.Error(at, "<Point> needs exactly one position.");

    private Coordinate[] AtLeast(Coordinate[] coordinates, int count, XElement at) =>
        coordinates.Length >= count ? coordinates : throw context.Error(at, $"<{at.Name.LocalName}> needs at least {count} positions.");

    private Coordinate[] Ring(Coordinate[] coordinates, XElement at) =>
        coordinates.Length >= 4 && coordinates[0].Equals2D(coordinates[^1])
            ? coordinates
            : throw context.Error(at, "A linear ring needs at least 4 positions and must be closed.");
}
