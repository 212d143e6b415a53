using System.Globalization;
using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Sources.Sql;

/// <summary>
/// Turns a raw column value into the one CLR type the catalog declares, so PostGIS and GeoPackage give
/// identical values: String → string, Integer → int, Long → long, Double → double, Boolean → bool,
/// Date → <see cref="DateOnly"/>, DateTime → <see cref="DateTimeOffset"/> in UTC (offset zero).
/// GeoPackage stores dates and datetimes as ISO text, PostgreSQL as native types; both end up the same here.
/// </summary>
internal static class DbValueConverter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static object? ToClr(object? value, AttributeType type)
    {
        if (value is null or DBNull)
            return null;

        return type switch
        {
            AttributeType.String => ToText(value),
            AttributeType.Integer => Convert.ToInt32(value, Invariant),
            AttributeType.Long => Convert.ToInt64(value, Invariant),
            AttributeType.Double => Convert.ToDouble(value, Invariant),
            AttributeType.Boolean => value switch
            {
                bool b => b,
                string s => s is "1" || s.Equals("true", StringComparison.OrdinalIgnoreCase),
                _ => Convert.ToInt64(value, Invariant) != 0,
            },
            AttributeType.Date => value switch
            {
                DateOnly d => d,
                DateTime dt => DateOnly.FromDateTime(dt),
                DateTimeOffset dto => DateOnly.FromDateTime(dto.UtcDateTime),
                string s => DateOnly.FromDateTime(ParseTimestamp(s).UtcDateTime),
                _ => throw Unexpected(value, type),
            },
            AttributeType.DateTime => value switch
            {
                DateTimeOffset dto => dto.ToUniversalTime(),
                // Npgsql reads timestamptz as a UTC DateTime; timestamp without zone is taken as UTC too.
                DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Local ? DateTimeKind.Local : DateTimeKind.Utc)).ToUniversalTime(),
                DateOnly d => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                string s => ParseTimestamp(s),
                _ => throw Unexpected(value, type),
            },
            _ => throw Unexpected(value, type),
        };
    }

    /// <summary>Feature ids are strings whatever the column type (invariant digits for numbers).</summary>
    public static string ToText(object value) => value switch
    {
        string s => s,
        IFormattable f => f.ToString(null, Invariant),
        _ => value.ToString() ?? "",
    };

    /// <summary>ISO 8601 date or date-time; a missing zone means UTC (GeoPackage datetimes end in Z).</summary>
    public static DateTimeOffset ParseTimestamp(string text) =>
        DateTimeOffset.Parse(text, Invariant, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static InvalidCastException Unexpected(object value, AttributeType type) =>
        new($"Cannot read a {value.GetType().Name} as {type}.");
}
