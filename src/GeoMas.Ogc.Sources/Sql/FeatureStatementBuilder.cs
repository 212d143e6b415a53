using System.Globalization;
using System.Text;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features;

namespace GeoMas.Ogc.Sources.Sql;

/// <summary>
/// Assembles SELECT / COUNT statements for a <see cref="FeatureQuery"/> from the cached per-layer template and
/// the per-request WHERE built by a <see cref="SqlFilterCompiler"/>. Column layout of a SELECT: 0 = id,
/// 1 = geometry (when asked), then the properties in order.
/// </summary>
internal sealed class FeatureStatementBuilder(LayerSchema schema, SqlFilterCompiler compiler)
{
    /// <summary>Texts sort by code point in both engines; PostgreSQL needs COLLATE "C" unless the database already is.</summary>
    public string TextCollation { get; init; } = "";

    /// <summary>SQL of the geometry column as selected (PostGIS wraps it in ST_Simplify when rendering).</summary>
    public Func<FeatureQuery, string>? GeometrySelect { get; init; }

    /// <summary>What to write before OFFSET when the query has no limit (SQLite requires a LIMIT, PostgreSQL does not).</summary>
    public string UnlimitedClause { get; init; } = "";

    /// <summary>False for id look-ups: a feature is found by id whatever its validity period.</summary>
    public bool ApplyTime { get; init; } = true;

    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>SELECT with order and paging; null when the query cannot match anything (e.g. bbox outside the CRS).</summary>
    public SqlStatement? Select(FeatureQuery query, IReadOnlyList<AttributeDefinition> properties)
    {
        // Geometry first: a parameter it adds (the simplification tolerance) is then always @p0, so the
        // cached template matches every request of the same shape.
        var geometry = query.IncludeGeometry ? GeometrySelect?.Invoke(query) ?? schema.QuotedGeometry : null;
        var where = Where(query);
        if (where is null)
            return null;
        if (query.AfterId is { } afterId)
            where = (where.Length > 0 ? where + " AND " : "") + Keyset(query, afterId);

        var key = (geometry ?? "-") + "|" + string.Join(",", properties.Select(p => p.Name));
        var select = schema.GetOrAddSelect(key, () =>
        {
            var sb = new StringBuilder("SELECT ").Append(schema.QuotedId);
            if (geometry is not null)
                sb.Append(", ").Append(geometry);
            foreach (var p in properties)
                sb.Append(", ").Append(SqlIdentifier.Quote(p.Name));
            return sb.Append(" FROM ").Append(schema.QuotedTable).ToString();
        });

        var sql = new StringBuilder(select);
        if (where.Length > 0)
            sql.Append(" WHERE ").Append(where);
        sql.Append(" ORDER BY ").Append(OrderBy(query));
        if (query.Limit is { } limit)
            sql.Append(" LIMIT ").Append(compiler.Param((long)Math.Max(0, limit)));
        else if (query.Offset > 0)
            sql.Append(UnlimitedClause);
        if (query.Offset > 0)
            sql.Append(" OFFSET ").Append(compiler.Param(query.Offset));
        return new SqlStatement(sql.ToString(), compiler.Parameters.Values);
    }

    public SqlStatement? Count(FeatureQuery query)
    {
        var where = Where(query);
        if (where is null)
            return null;
        var sql = "SELECT count(*) FROM " + schema.QuotedTable + (where.Length > 0 ? " WHERE " + where : "");
        return new SqlStatement(sql, compiler.Parameters.Values);
    }

    /// <summary>"" = no condition; null = nothing can match.</summary>
    private string? Where(FeatureQuery query)
    {
        var conditions = new List<string>(3);
        if (query.Bbox is { } bbox)
        {
            // Rendering (simplified) queries keep the index test only; feature queries test the geometry exactly.
            var native = compiler.QueryBbox(bbox, query.BboxSrid, exact: query.SimplifyTolerance <= 0);
            if (native is null)
                return null;
            conditions.Add(native);
        }
        if (ApplyTime && schema.Layer.Time is { } time)
            conditions.Add(compiler.Time(time, query.Time, Today));
        if (query.Filter is { } filter)
            conditions.Add(compiler.Compile(filter));
        return string.Join(" AND ", conditions);
    }

    /// <summary>
    /// "id after the last one": the same column and collation as the ORDER BY, so the primary-key index serves both
    /// and a page costs O(page). The id is checked against the column type (a 400, never SQL) and bound.
    /// </summary>
    private string Keyset(FeatureQuery query, string afterId)
    {
        var id = schema.IdAttribute;
        if (query.SortBy.Any(k => k.Property != id.Name || k.Direction != SortDirection.Ascending))
            throw ServiceException.Invalid(KeysetCursor.Parameter, "A cursor pages in the default order only: drop sortby, or page with offset.");
        object value = afterId;
        if (id.Type == AttributeType.Long)
        {
            if (!long.TryParse(afterId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                throw ServiceException.Invalid(KeysetCursor.Parameter, $"Invalid cursor: '{afterId}' is not an id of layer '{schema.Layer.Id}'.");
            value = number;
        }
        return SqlIdentifier.Quote(id.Name) + " > " + compiler.Param(value);
    }

    private string OrderBy(FeatureQuery query)
    {
        var keys = new List<string>(query.SortBy.Count + 1);
        var idSeen = false;
        foreach (var key in query.SortBy)
        {
            var column = schema.Resolve(key.Property, "sortBy");
            idSeen |= column.Name == schema.Layer.IdColumn;
            keys.Add(SortTerm(column, key.Direction));
        }
        // The id closes every order so that offset paging walks each row exactly once.
        if (!idSeen)
            keys.Add(SortTerm(schema.IdAttribute, SortDirection.Ascending));
        return string.Join(", ", keys);
    }

    // NULLS placement spelled out: PostgreSQL and SQLite disagree on the default. The id column keeps its own
    // collation: any total order closes a sort, and a COLLATE "C" on it would stop its primary-key index from
    // serving ORDER BY id LIMIT n (a sort of the whole table per page on a database whose collation is not C).
    private string SortTerm(AttributeDefinition column, SortDirection direction) =>
        SqlIdentifier.Quote(column.Name)
        + (column.Type == AttributeType.String && column.Name != schema.Layer.IdColumn ? TextCollation : "")
        + (direction == SortDirection.Ascending ? " ASC NULLS LAST" : " DESC NULLS FIRST");
}
