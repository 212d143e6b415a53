using System.Globalization;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features.Filtering;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>
/// A parsed <c>bbox</c>: the x/y envelope in <see cref="Srid"/> for the sources' index test (null when the box crosses
/// the antimeridian), and the exact predicate when the box is not in the storage CRS.
/// </summary>
public sealed record BboxSelection(Envelope? Envelope, Filter? ExactFilter, int Srid);

/// <summary>
/// Reads <c>bbox</c> (4 or 6 numbers, the vertical ones ignored) in the axis order of <c>bbox-crs</c> (CRS84 by
/// default; EPSG:4326 by URI is lat,lon). Latitudes outside ±90 or inverted boxes are a 400.
/// <para>
/// A box in another CRS than the storage one is a curved shape there: its transformed bounding rectangle is larger
/// and would return features outside the box (OAF-P3 says only intersecting ones). So the box is also sent as an
/// Intersects filter with a densified polygon, clamped first to the storage CRS's area of use so that nothing
/// outside the projection's domain reaches a transformation (TRAP-11: polar boxes then match nothing). A geographic
/// box with minLon &gt; maxLon crosses the antimeridian and is the union of its two halves.
/// </para>
/// </summary>
public static class BboxParameter
{
    private const int PointsPerEdge = 16;

    public static BboxSelection Parse(string text, CrsIdentifier crs, int storageSrid, CrsRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(registry);
        var parts = text.Split(',');
        if (parts.Length is not (4 or 6))
            throw Invalid(text, "4 or 6 comma-separated numbers are expected");
        var numbers = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]))
                throw Invalid(text, $"'{parts[i]}' is not a number");
        }
        // 6 numbers: min1, min2, minZ, max1, max2, maxZ.
        var (a1min, a2min, a1max, a2max) = numbers.Length == 4
            ? (numbers[0], numbers[1], numbers[2], numbers[3])
            : (numbers[0], numbers[1], numbers[3], numbers[4]);
        var order = AxisOrderRules.For(crs, AxisContext.OgcApi);
        var (minX, minY, maxX, maxY) = order == AxisOrder.EastNorth ? (a1min, a2min, a1max, a2max) : (a2min, a1min, a2max, a1max);

        var geographic = registry.IsGeographic(crs.Srid);
        if (minY > maxY)
            throw Invalid(text, "the lower bound of the second axis is above the upper bound");
        if (geographic && (minY < -90 || maxY > 90))
            throw Invalid(text, "latitudes must lie within [-90, 90]");
        if (minX > maxX && !geographic)
            throw Invalid(text, "the lower bound of the first axis is above the upper bound");

        if (minX <= maxX)
        {
            var box = new Envelope(minX, maxX, minY, maxY);
            var exact = crs.Srid == storageSrid ? null : Intersects(box, crs.Srid, storageSrid, registry);
            return new BboxSelection(box, exact, crs.Srid);
        }

        // Crossing the antimeridian: [minX, 180] ∪ [-180, maxX].
        var halves = new Or([
            Intersects(new Envelope(minX, 180, minY, maxY), crs.Srid, storageSrid, registry),
            Intersects(new Envelope(-180, maxX, minY, maxY), crs.Srid, storageSrid, registry),
        ]);
        return new BboxSelection(null, halves, crs.Srid);
    }

    private static Filter Intersects(Envelope box, int srid, int storageSrid, CrsRegistry registry)
    {
        // The storage CRS's area of use (lon/lat), expressed in the box's CRS.
        var area = registry.AreaOfUse(storageSrid);
        var domain = registry.IsGeographic(srid) ? area : registry.GetTransform(4326, srid).TransformEnvelope(area);
        if (domain.IsNull || !domain.Intersects(box))
            return new Constant(false);
        var clamped = domain.Intersection(box);
        return new SpatialFilter(SpatialOperator.Intersects, null, Densified(clamped, srid), srid);
    }

    /// <summary>The box as a polygon with <see cref="PointsPerEdge"/> points per edge, so it stays a box once projected.</summary>
    private static Polygon Densified(Envelope box, int srid)
    {
        var factory = new GeometryFactory(new PrecisionModel(), srid);
        if (box.Width == 0 || box.Height == 0)
            return (Polygon)factory.ToGeometry(new Envelope(box.MinX, box.MaxX + 1e-9, box.MinY, box.MaxY + 1e-9));
        var ring = new Coordinate[4 * PointsPerEdge + 1];
        for (var i = 0; i < PointsPerEdge; i++)
        {
            var t = (double)i / PointsPerEdge;
            ring[i] = new Coordinate(box.MinX + t * box.Width, box.MinY);
            ring[PointsPerEdge + i] = new Coordinate(box.MaxX, box.MinY + t * box.Height);
            ring[2 * PointsPerEdge + i] = new Coordinate(box.MaxX - t * box.Width, box.MaxY);
            ring[3 * PointsPerEdge + i] = new Coordinate(box.MinX, box.MaxY - t * box.Height);
        }
        ring[^1] = ring[0].Copy();
        return factory.CreatePolygon(ring);
    }

    private static ServiceException Invalid(string text, string why) =>
        ServiceException.Invalid(ItemsParameters.Bbox, $"Invalid bbox '{text}': {why}.");
}
