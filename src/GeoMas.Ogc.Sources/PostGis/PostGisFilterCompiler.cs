using System.Globalization;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Sources.Sql;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Sources.PostGis;

/// <summary>
/// PostgreSQL/PostGIS flavour of the filter compiler. Literal geometries are sent as NTS parameters already in
/// the table SRID (transformed in C#), so every predicate can use the GiST index on the column.
/// </summary>
internal sealed class PostGisFilterCompiler(LayerSchema schema, CrsRegistry crs) : SqlFilterCompiler(schema, crs)
{
    private string Srid => Schema.Layer.Srid.ToString(CultureInfo.InvariantCulture);

    public override string Bbox(Envelope native, bool exact)
    {
        var box = $"ST_MakeEnvelope({Param(native.MinX)}, {Param(native.MinY)}, {Param(native.MaxX)}, {Param(native.MaxY)}, {Srid})";
        // && alone (box overlap) is enough to draw a map. The exact test first takes the rows whose box lies inside
        // the query box (@, no geometry decoded): only the rows straddling its edges pay for GEOS. Half of the
        // database time of a bbox page goes away; the result is the same as ST_Intersects alone.
        var g = Schema.QuotedGeometry;
        return exact ? $"({g} && {box} AND ({g} @ {box} OR ST_Intersects({g}, {box})))" : $"{g} && {box}";
    }

    protected override string Spatial(SpatialOperator op, Geometry native, double? distance)
    {
        var g = Schema.QuotedGeometry;
        var literal = Param(native);
        return op switch
        {
            SpatialOperator.Intersects => Intersects(g, native, literal),
            // NOT ST_Intersects instead of ST_Disjoint: same meaning, and the planner can still use the index.
            SpatialOperator.Disjoint => $"NOT ST_Intersects({g}, {literal})",
            SpatialOperator.Contains => $"ST_Contains({g}, {literal})",
            SpatialOperator.Within => $"ST_Within({g}, {literal})",
            SpatialOperator.Touches => $"ST_Touches({g}, {literal})",
            SpatialOperator.Crosses => $"ST_Crosses({g}, {literal})",
            SpatialOperator.Overlaps => $"ST_Overlaps({g}, {literal})",
            SpatialOperator.Equals => $"ST_Equals({g}, {literal})",
            SpatialOperator.DWithin => $"ST_DWithin({g}, {literal}, {Param(distance!.Value)})",
            SpatialOperator.Beyond => $"NOT ST_DWithin({g}, {literal}, {Param(distance!.Value)})",
            _ => throw Unsupported(op.ToString()),
        };
    }

    /// <summary>
    /// A bbox given in another CRS (OGC API bbox in CRS84, WFS BBOX in EPSG:4326) arrives as a densified, slightly
    /// rotated quadrilateral: it gets the same shortcut as <see cref="Bbox"/> with a rectangle inscribed in it, so
    /// rows whose box lies inside that rectangle are taken without decoding their geometry.
    /// </summary>
    private string Intersects(string g, Geometry native, string literal)
    {
        if (InscribedRectangle(native) is not { } inner)
            return $"ST_Intersects({g}, {literal})";
        var box = $"ST_MakeEnvelope({Param(inner.MinX)}, {Param(inner.MinY)}, {Param(inner.MaxX)}, {Param(inner.MaxY)}, {Srid})";
        return $"({g} && {literal} AND ({g} @ {box} OR ST_Intersects({g}, {literal})))";
    }

    /// <summary>
    /// An axis-aligned rectangle inside a simple polygon, found by shrinking its envelope by 1 % steps (a bbox
    /// rotated by the meridian convergence needs one to three); null for other geometries, polygons with holes or
    /// many vertices (territories, drawn shapes), or when 8 % is not enough.
    /// </summary>
    internal static Envelope? InscribedRectangle(Geometry geometry)
    {
        if (geometry is not Polygon { NumInteriorRings: 0, IsEmpty: false } polygon || polygon.NumPoints > 1024)
            return null;
        var envelope = polygon.EnvelopeInternal;
        for (var step = 0; step <= 8; step++)
        {
            var dx = envelope.Width * step * 0.01;
            var dy = envelope.Height * step * 0.01;
            var candidate = new Envelope(envelope.MinX + dx, envelope.MaxX - dx, envelope.MinY + dy, envelope.MaxY - dy);
            if (polygon.Covers(polygon.Factory.ToGeometry(candidate)))
                return candidate;
        }
        return null;
    }

    protected override string Lower(string sql) => $"lower({sql})";

    protected override string Upper(string sql) => $"upper({sql})";

    protected override string CastToText(string sql) => $"CAST({sql} AS text)";

    protected override string Like(string valueSql, LikePattern pattern, bool matchCase) =>
        $"{valueSql} LIKE {Param(pattern.ToSqlLike())} ESCAPE '\\'";

    // Npgsql maps DateOnly to date and UTC DateTime to timestamptz; DateTimeOffset must be UTC for it.
    protected override object? ToDbValue(object? value) => value switch
    {
        DateTimeOffset dto => dto.UtcDateTime,
        _ => value,
    };
}
