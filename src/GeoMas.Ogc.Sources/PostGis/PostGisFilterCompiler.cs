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
            SpatialOperator.Intersects => $"ST_Intersects({g}, {literal})",
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
