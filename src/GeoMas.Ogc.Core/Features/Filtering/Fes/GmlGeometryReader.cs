using System.Globalization;
using System.Xml.Linq;
using GeoMas.Ogc.Core.Crs;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Features.Filtering.Fes;

/// <summary>
/// Reads the GML 3.2 (and 3.1 / GML 2 spellings) geometry operands of FES filters into NTS geometries in internal
/// x/y order. The CRS comes from <c>srsName</c> (inherited by parts; else the reader's default) and decides the axis
/// order through <see cref="AxisOrderRules"/> in the WFS context: urn/http EPSG:4326 is lat,lon, <c>EPSG:4326</c> is lon,lat.
/// </summary>
internal sealed class GmlGeometryReader(CrsIdentifier? defaultCrs, AxisContext context)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public sealed record Result(Geometry Geometry, CrsIdentifier? Crs)
    {
        public int Srid => Crs?.Srid ?? 0;
    }

    public static bool IsGeometryElement(XElement e) => FesNamespaces.IsGml(e.Name.NamespaceName) && e.Name.LocalName is
        "Point" or "LineString" or "Curve" or "LinearRing" or "Polygon" or "Surface" or "MultiPoint" or "MultiCurve" or "MultiLineString"
        or "MultiSurface" or "MultiPolygon" or "MultiGeometry" or "Envelope" or "Box";

    public Result Read(XElement e)
    {
        var crs = Crs(e, defaultCrs);
        var order = crs is { } c ? AxisOrderRules.For(c, context) : AxisOrder.EastNorth;
        var factory = new GeometryFactory(new PrecisionModel(), crs?.Srid ?? 0);
        var state = new State(factory, order, crs);
        return new Result(ReadGeometry(e, state, Dimension(e, 0)), crs);
    }

    private sealed record State(GeometryFactory Factory, AxisOrder Order, CrsIdentifier? Crs);

    private static CrsIdentifier? Crs(XElement e, CrsIdentifier? inherited)
    {
        var name = FesXml.Attribute(e, "srsName");
        if (string.IsNullOrWhiteSpace(name))
            return inherited;
        if (!CrsIdentifier.TryParse(name, out var crs))
            throw FesXml.Error(e, $"Unknown srsName '{name}'.");
        return crs;
    }

    private static int Dimension(XElement e, int inherited)
    {
        var text = FesXml.Attribute(e, "srsDimension");
        if (text is null)
            return inherited;
        if (!int.TryParse(text, NumberStyles.None, Inv, out var d) || d is < 2 or > 4)
            throw FesXml.Error(e, $"srsDimension '{text}' must be 2, 3 or 4.");
        return d;
    }

    private Geometry ReadGeometry(XElement e, State state, int dimension)
    {
        if (!FesNamespaces.IsGml(e.Name.NamespaceName))
            throw FesXml.Error(e, $"Expected a GML geometry but found '{e.Name.LocalName}'.");
        var own = Crs(e, state.Crs);
        if (own is { } crs && state.Crs is { } outer && !crs.DenotesSameCrs(outer))
            throw FesXml.Error(e, "The parts of a geometry must share one srsName.");
        dimension = Dimension(e, dimension);
        var f = state.Factory;
        switch (e.Name.LocalName)
        {
            case "Point":
                var points = Positions(e, state, dimension);
                if (points.Length != 1)
                    throw FesXml.Error(e, "A Point has exactly one position.");
                return f.CreatePoint(points[0]);
            case "LineString":
                return f.CreateLineString(Positions(e, state, dimension, minimum: 2));
            case "Curve":
                var segments = FesXml.GmlChild(e, "segments") ?? throw FesXml.Error(e, "A Curve needs gml:segments.");
                var coordinates = new List<Coordinate>();
                foreach (var segment in segments.Elements())
                {
                    if (!FesXml.IsGml(segment, "LineStringSegment"))
                        throw FesXml.Error(segment, $"Curve segment '{segment.Name.LocalName}' is not supported (only LineStringSegment).");
                    var part = Positions(segment, state, Dimension(segment, dimension), minimum: 2);
                    coordinates.AddRange(coordinates.Count > 0 && coordinates[^1].Equals2D(part[0]) ? part.Skip(1) : part);
                }
                return f.CreateLineString(coordinates.ToArray());
            case "LinearRing":
                return Ring(e, state, dimension);
            case "Polygon":
                return Polygon(e, state, dimension);
            case "Surface":
                var patches = FesXml.GmlChild(e, "patches") ?? throw FesXml.Error(e, "A Surface needs gml:patches.");
                var polygons = patches.Elements().Select(p => FesXml.IsGml(p, "PolygonPatch")
                    ? Polygon(p, state, Dimension(p, dimension))
                    : throw FesXml.Error(p, $"Surface patch '{p.Name.LocalName}' is not supported (only PolygonPatch).")).ToArray();
                return polygons.Length == 1 ? polygons[0] : f.CreateMultiPolygon(polygons);
            case "MultiPoint":
                return f.CreateMultiPoint(Members(e, state, dimension, "pointMember", "pointMembers").Select(g => g as Point
                    ?? throw FesXml.Error(e, "A MultiPoint holds points only.")).ToArray());
            case "MultiCurve":
            case "MultiLineString":
                return f.CreateMultiLineString(Members(e, state, dimension, "curveMember", "curveMembers", "lineStringMember").Select(g => g as LineString
                    ?? throw FesXml.Error(e, $"A {e.Name.LocalName} holds line strings only.")).ToArray());
            case "MultiSurface":
            case "MultiPolygon":
                return f.CreateMultiPolygon(Members(e, state, dimension, "surfaceMember", "surfaceMembers", "polygonMember")
                    .SelectMany(g => g switch
                    {
                        Polygon p => [p],
                        MultiPolygon mp => mp.Geometries.Cast<Polygon>(),
                        _ => throw FesXml.Error(e, $"A {e.Name.LocalName} holds polygons only."),
                    }).ToArray());
            case "MultiGeometry":
                return f.CreateGeometryCollection(Members(e, state, dimension, "geometryMember", "geometryMembers").ToArray());
            case "Envelope":
                var lower = FesXml.GmlChild(e, "lowerCorner") ?? throw FesXml.Error(e, "An Envelope needs gml:lowerCorner.");
                var upper = FesXml.GmlChild(e, "upperCorner") ?? throw FesXml.Error(e, "An Envelope needs gml:upperCorner.");
                var lo = Numbers(lower, Dimension(lower, dimension), single: true);
                var hi = Numbers(upper, Dimension(upper, dimension), single: true);
                return EnvelopePolygon(e, state, lo[0].Item1, lo[0].Item2, hi[0].Item1, hi[0].Item2);
            case "Box":
                var corners = Positions(e, state, dimension, minimum: 2, raw: true);
                if (corners.Length != 2)
                    throw FesXml.Error(e, "A Box has two corners.");
                return EnvelopePolygon(e, state, corners[0].X, corners[0].Y, corners[1].X, corners[1].Y);
            default:
                throw FesXml.Error(e, $"GML geometry '{e.Name.LocalName}' is not supported.");
        }
    }

    private static Geometry EnvelopePolygon(XElement e, State state, double a1min, double a2min, double a1max, double a2max)
    {
        if (a1min > a1max || a2min > a2max)
            throw FesXml.Error(e, "The lower corner of the envelope is above its upper corner.");
        return state.Factory.ToGeometry(AxisSwap.ToXY(a1min, a2min, a1max, a2max, state.Order));
    }

    private Polygon Polygon(XElement e, State state, int dimension)
    {
        var exterior = FesXml.GmlChild(e, "exterior") ?? FesXml.GmlChild(e, "outerBoundaryIs")
            ?? throw FesXml.Error(e, "A Polygon needs gml:exterior.");
        var shell = Ring(RingOf(exterior), state, dimension);
        var holes = e.Elements().Where(c => FesXml.IsGml(c, "interior") || FesXml.IsGml(c, "innerBoundaryIs"))
            .Select(c => Ring(RingOf(c), state, dimension)).ToArray();
        return state.Factory.CreatePolygon(shell, holes);
    }

    private static XElement RingOf(XElement boundary) =>
        FesXml.GmlChild(boundary, "LinearRing") ?? throw FesXml.Error(boundary, $"gml:{boundary.Name.LocalName} needs a gml:LinearRing.");

    private LinearRing Ring(XElement e, State state, int dimension)
    {
        var positions = Positions(e, state, Dimension(e, dimension), minimum: 4);
        if (!positions[0].Equals2D(positions[^1]))
            throw FesXml.Error(e, "A LinearRing must be closed (first position = last position).");
        return state.Factory.CreateLinearRing(positions);
    }

    private IEnumerable<Geometry> Members(XElement e, State state, int dimension, string member, string members, string? legacy = null)
    {
        var found = false;
        foreach (var child in e.Elements())
        {
            if (FesXml.IsGml(child, member) || (legacy is not null && FesXml.IsGml(child, legacy)))
            {
                var inner = child.Elements().SingleOrDefault() ?? throw FesXml.Error(child, $"gml:{child.Name.LocalName} needs one geometry.");
                found = true;
                yield return ReadGeometry(inner, state, dimension);
            }
            else if (FesXml.IsGml(child, members))
            {
                foreach (var inner in child.Elements())
                {
                    found = true;
                    yield return ReadGeometry(inner, state, dimension);
                }
            }
        }
        if (!found)
            throw FesXml.Error(e, $"gml:{e.Name.LocalName} has no members.");
    }

    /// <summary>Positions of a Point, LineString or LinearRing: gml:posList, gml:pos elements, or gml:coordinates.</summary>
    private static Coordinate[] Positions(XElement e, State state, int dimension, int minimum = 1, bool raw = false)
    {
        var list = new List<(double A1, double A2)>();
        if (FesXml.GmlChild(e, "posList") is { } posList)
        {
            var d = Dimension(posList, dimension == 0 ? 2 : dimension);
            var n = Numbers(posList, d, single: false);
            list.AddRange(n);
        }
        else if (FesXml.GmlChild(e, "coordinates") is { } coordinates)
        {
            list.AddRange(Coordinates(coordinates));
        }
        else
        {
            foreach (var pos in FesXml.GmlChildren(e, "pos"))
                list.Add(Numbers(pos, Dimension(pos, dimension), single: true)[0]);
            foreach (var point in FesXml.GmlChildren(e, "pointProperty").Concat(FesXml.GmlChildren(e, "pointRep")))
            {
                var p = FesXml.GmlChild(point, "Point") ?? throw FesXml.Error(point, "Expected a gml:Point.");
                list.Add(Numbers(FesXml.GmlChild(p, "pos") ?? throw FesXml.Error(p, "Expected gml:pos."), dimension, single: true)[0]);
            }
        }
        if (list.Count < minimum)
            throw FesXml.Error(e, $"gml:{e.Name.LocalName} needs at least {minimum} position(s), found {list.Count}.");
        return list.Select(p => raw ? new Coordinate(p.A1, p.A2) : AxisSwap.ToXY(p.A1, p.A2, state.Order)).ToArray();
    }

    /// <summary>Reads "a1 a2 [a3] ..." grouped by <paramref name="dimension"/> (0 = a single pos of 2 or 3 numbers).</summary>
    private static List<(double, double)> Numbers(XElement e, int dimension, bool single)
    {
        var parts = e.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, Inv, out values[i]) || !double.IsFinite(values[i]))
                throw FesXml.Error(e, $"'{parts[i]}' is not a number.");
        }
        if (single && dimension == 0)
            dimension = values.Length is 2 or 3 ? values.Length : 2;
        if (dimension == 0)
            dimension = 2;
        if (values.Length == 0 || values.Length % dimension != 0 || (single && values.Length != dimension))
            throw FesXml.Error(e, $"gml:{e.Name.LocalName} holds {values.Length} numbers, which is not a whole number of {dimension}-D positions.");
        var result = new List<(double, double)>(values.Length / dimension);
        for (var i = 0; i < values.Length; i += dimension)
            result.Add((values[i], values[i + 1]));
        return result;
    }

    /// <summary>GML 2 / 3.1 gml:coordinates with its cs / ts / decimal separators.</summary>
    private static List<(double, double)> Coordinates(XElement e)
    {
        var cs = FesXml.Attribute(e, "cs") is { Length: 1 } c ? c : ",";
        var ts = FesXml.Attribute(e, "ts") is { Length: 1 } t ? t : " ";
        var dec = FesXml.Attribute(e, "decimal") is { Length: 1 } d ? d : ".";
        var result = new List<(double, double)>();
        var tuples = ts == " "
            ? e.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            : e.Value.Split(ts[0], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var tuple in tuples)
        {
            var values = tuple.Split(cs[0]).Select(v => v.Trim().Replace(dec, ".", StringComparison.Ordinal)).ToArray();
            if (values.Length is < 2 or > 3
                || !double.TryParse(values[0], NumberStyles.Float, Inv, out var a1) || !double.TryParse(values[1], NumberStyles.Float, Inv, out var a2)
                || !double.IsFinite(a1) || !double.IsFinite(a2))
                throw FesXml.Error(e, $"'{tuple}' is not a coordinate tuple.");
            result.Add((a1, a2));
        }
        return result;
    }
}
