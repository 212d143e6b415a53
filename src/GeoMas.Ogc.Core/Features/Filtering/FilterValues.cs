using System.Globalization;

namespace GeoMas.Ogc.Core.Features.Filtering;

/// <summary>
/// Value conversions and ordering shared by the in-memory evaluator: the CLR types sources return (int, long,
/// double, decimal, string, bool, DateOnly, DateTime, DateTimeOffset) against each other and against text literals.
/// </summary>
internal static class FilterValues
{
    /// <summary>
    /// Orders two values, or returns null when either is null or they cannot be compared (null never matches).
    /// The typed side decides: a number against text compares numerically when the text is a number, a date
    /// against text compares as dates when the text is an ISO date; two texts compare ordinally.
    /// </summary>
    public static int? Compare(object? a, object? b, bool ignoreCase)
    {
        if (a is null || b is null)
            return null;
        if (a is TextLiteral || b is TextLiteral)
            return CompareWithLiteral(a, b, ignoreCase);
        if (IsNumber(a) && IsNumber(b))
            return CompareNumbers(a, b);
        if (IsDate(a) || IsDate(b))
        {
            return ToDateTimeOffset(a) is { } da && ToDateTimeOffset(b) is { } db ? da.CompareTo(db) : CompareText(a, b, ignoreCase);
        }
        if (IsNumber(a) || IsNumber(b))
        {
            return ToDouble(a) is { } na && ToDouble(b) is { } nb ? na.CompareTo(nb) : CompareText(a, b, ignoreCase);
        }
        if (a is bool ba && ToBoolean(b) is { } bb)
            return ba.CompareTo(bb);
        if (b is bool bb2 && ToBoolean(a) is { } ba2)
            return ba2.CompareTo(bb2);
        return CompareText(a, b, ignoreCase);
    }

    private static int? CompareWithLiteral(object a, object b, bool ignoreCase)
    {
        if (a is TextLiteral la)
            return b is TextLiteral lb2 ? CompareStrings(la.Text, lb2.Text, ignoreCase) : -CompareWithLiteral(b, la, ignoreCase);

        var literal = (TextLiteral)b;
        if (IsNumber(a) && literal.Number is { } number)
            return CompareNumbers(a, number);
        if (IsDate(a) && literal.Date is { } date)
            return ToDateTimeOffset(a)!.Value.CompareTo(date);
        if (a is bool ba && ToBoolean(literal.Text) is { } bb)
            return ba.CompareTo(bb);
        return CompareStrings(ToText(a)!, literal.Text, ignoreCase);
    }

    private static int CompareNumbers(object a, object b)
    {
        // Integers compare exactly as long (ids and codes above 2^53 must not collide); anything else as double.
        if (IsInteger(a) && IsInteger(b))
            return Convert.ToInt64(a, CultureInfo.InvariantCulture).CompareTo(Convert.ToInt64(b, CultureInfo.InvariantCulture));
        return ToDouble(a)!.Value.CompareTo(ToDouble(b)!.Value);
    }

    private static int CompareText(object a, object b, bool ignoreCase) => CompareStrings(ToText(a)!, ToText(b)!, ignoreCase);

    private static int CompareStrings(string a, string b, bool ignoreCase) =>
        Math.Sign(string.Compare(a, b, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));

    private static bool IsInteger(object v) => v is int or long or short or byte or sbyte or ushort or uint;

    private static bool IsNumber(object v) => IsInteger(v) || v is double or float or decimal or ulong;

    private static bool IsDate(object v) => v is DateOnly or DateTime or DateTimeOffset;

    public static double? ToDouble(object? v) => v switch
    {
        null => null,
        TextLiteral l => l.Number,
        string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
        bool => null,
        IConvertible c when IsNumber(v) => c.ToDouble(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static bool? ToBoolean(object v) => v switch
    {
        bool b => b,
        TextLiteral l => ToBoolean(l.Text),
        string s when s is "1" || s.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        string s when s is "0" || s.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        _ => null,
    };

    /// <summary>Dates as instants: DateOnly is midnight UTC, unspecified DateTime is taken as UTC.</summary>
    public static DateTimeOffset? ToDateTimeOffset(object? v) => v switch
    {
        DateTimeOffset o => o,
        DateTime { Kind: DateTimeKind.Local } d => new DateTimeOffset(d.ToUniversalTime()),
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        DateOnly d => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        TextLiteral l => l.Date,
        string s => TryParseDate(s, out var t) ? t : null,
        _ => null,
    };

    public static bool TryParseDate(string text, out DateTimeOffset value)
    {
        // Only ISO-8601 shapes: "12" or "3.5" must not read as dates.
        value = default;
        var s = text.Trim();
        if (s.Length < 10 || s[4] != '-' || s[7] != '-')
            return false;
        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary>Invariant text of a value: integers without decimals, doubles without trailing zeros, ISO dates.</summary>
    public static string? ToText(object? v) => v switch
    {
        null or DBNull => null,
        string s => s,
        TextLiteral l => l.Text,
        bool b => b ? "true" : "false",
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        decimal m => m.ToString("0.##########", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.TimeOfDay == TimeSpan.Zero
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : d.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset o => o.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString(),
    };

    private static string FormatDouble(double d) =>
        double.IsFinite(d) ? d.ToString("0.##########", CultureInfo.InvariantCulture) : d.ToString(CultureInfo.InvariantCulture);
}
