using System.Globalization;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;

namespace GeoMas.Ogc.Sources.Sql;

/// <summary>
/// Brings a filter literal (often text from KVP/XML) to the CLR type of the column it is compared with, so the
/// database compares numbers as numbers and dates as dates. A value that cannot be read is the client's error.
/// </summary>
internal static class LiteralCoercion
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static object? Coerce(object? value, AttributeType? type, string property)
    {
        if (value is null || type is null)
            return value is string or null ? value : Normalise(value);

        try
        {
            return type.Value switch
            {
                AttributeType.String => DbValueConverter.ToText(value),
                AttributeType.Integer or AttributeType.Long => ToWholeOrFractional(value),
                AttributeType.Double => Convert.ToDouble(value, Invariant),
                AttributeType.Boolean => value is bool b ? b : ParseBoolean(DbValueConverter.ToText(value)),
                AttributeType.Date => ToDate(value),
                AttributeType.DateTime => ToTimestamp(value),
                _ => value,
            };
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            throw ServiceException.Invalid("filter", $"'{value}' is not a valid {type} value for property '{property}'.");
        }
    }

    public static DateOnly ToDate(object value) => value switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : dt),
        DateTimeOffset dto => DateOnly.FromDateTime(dto.UtcDateTime),
        string s when s.Length == 10 => DateOnly.ParseExact(s, "yyyy-MM-dd", Invariant),
        string s => DateOnly.FromDateTime(DbValueConverter.ParseTimestamp(s).UtcDateTime),
        _ => throw new InvalidCastException(),
    };

    public static DateTimeOffset ToTimestamp(object value) => value switch
    {
        DateTimeOffset dto => dto.ToUniversalTime(),
        DateTime dt => new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt).ToUniversalTime(),
        DateOnly d => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        string s => DbValueConverter.ParseTimestamp(s),
        _ => throw new InvalidCastException(),
    };

    // An integer column compared with 3.5 must stay a fractional comparison, not be truncated to 3.
    private static object ToWholeOrFractional(object value)
    {
        switch (value)
        {
            case int or long or short or byte: return Convert.ToInt64(value, Invariant);
            case double or float or decimal:
                var d = Convert.ToDouble(value, Invariant);
                return Math.Floor(d) == d && Math.Abs(d) < 9e15 ? (long)d : d;
            default:
                var text = DbValueConverter.ToText(value).Trim();
                return long.TryParse(text, NumberStyles.Integer, Invariant, out var l)
                    ? l
                    : double.Parse(text, NumberStyles.Float, Invariant);
        }
    }

    private static bool ParseBoolean(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw new FormatException(),
    };

    // Without a column type (e.g. arithmetic operands) numbers stay numbers and text that reads as one becomes one.
    private static object Normalise(object value) => value switch
    {
        int or long or short or byte => Convert.ToInt64(value, Invariant),
        float or decimal => Convert.ToDouble(value, Invariant),
        _ => value,
    };
}
