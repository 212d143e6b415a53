using System.Globalization;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Sources.Sql;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Sources.GeoPackage;

/// <summary>
/// SQLite/GeoPackage flavour of the filter compiler. Spatial tests are an rtree prefilter (a rowid IN
/// sub-select on the gpkg_rtree_index table) plus an exact NTS predicate through <see cref="SqliteQueryFunctions"/>.
/// Dates and datetimes are compared as ISO text, the way GeoPackage stores them.
/// </summary>
internal sealed class SqliteFilterCompiler(GeoPackageLayer table, CrsRegistry crs) : SqlFilterCompiler(table.Schema, crs)
{
    public SqliteQueryFunctions Functions { get; } = new();

    public override string Bbox(Envelope native, bool exact)
    {
        var prefilter = Rtree(native);
        if (!exact && prefilter is not null)
            return prefilter;
        var rectangle = new GeometryFactory(new PrecisionModel(), Schema.Layer.Srid).ToGeometry(native);
        var test = Functions.Add(Schema.QuotedGeometry, SpatialOperator.Intersects, rectangle, null);
        return prefilter is null ? test : $"({prefilter} AND {test})";
    }

    protected override string Spatial(SpatialOperator op, Geometry native, double? distance)
    {
        var test = Functions.Add(Schema.QuotedGeometry, op, native, distance);
        if (op is SpatialOperator.Disjoint or SpatialOperator.Beyond)
            return test;
        // Every other predicate implies that the boxes meet (within the distance for DWithin).
        var box = native.EnvelopeInternal.Copy();
        if (distance is { } d)
            box.ExpandBy(d);
        var prefilter = Rtree(box);
        return prefilter is null ? test : $"({prefilter} AND {test})";
    }

    private string? Rtree(Envelope box) => table.QuotedRtree is null
        ? null
        : $"{table.QuotedRowId} IN (SELECT id FROM {table.QuotedRtree} WHERE minx <= {Param(box.MaxX)} AND maxx >= {Param(box.MinX)} AND miny <= {Param(box.MaxY)} AND maxy >= {Param(box.MinY)})";

    protected override string Lower(string sql) => $"geomas_lower({sql})";

    protected override string Upper(string sql) => $"geomas_upper({sql})";

    protected override string CastToText(string sql) => $"CAST({sql} AS TEXT)";

    // GLOB, not LIKE: SQLite's LIKE ignores ASCII case, which would differ from PostgreSQL.
    protected override string Like(string valueSql, LikePattern pattern, bool matchCase) =>
        $"{valueSql} GLOB {Param(pattern.ToGlob())}";

    protected override object? ToDbValue(object? value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // The form GDAL writes into GeoPackage DATETIME columns, so text order is time order.
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        bool b => b ? 1L : 0L,
        // SQLite has no NaN (it stores one as NULL) and Microsoft.Data.Sqlite refuses to bind it: a NaN literal
        // ("NaN" in a filter on a number) compares as NULL, so it matches no row, as NaN = x is false.
        double d when double.IsNaN(d) => null,
        float f when float.IsNaN(f) => null,
        _ => value,
    };
}
