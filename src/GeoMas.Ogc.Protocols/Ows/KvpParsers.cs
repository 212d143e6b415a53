using System.Globalization;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Styling;

namespace GeoMas.Ogc.Protocols.Ows;

/// <summary>
/// Typed readers for KVP values. Every number is invariant culture (TRAP-4) and accepts sign and exponent
/// (WMS-G4: <c>-.0005E1</c>, <c>+05E-3</c>). Failures are <see cref="ServiceException"/>s with the parameter as locator.
/// </summary>
public static class KvpParsers
{
    private const NumberStyles Number = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public static bool TryParseDouble(string? text, out double value) =>
        double.TryParse(text, Number, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    public static double ParseDouble(string text, string locator) =>
        TryParseDouble(text, out var value)
            ? value
            : throw ServiceException.Invalid(locator, $"{locator}: '{text}' is not a number.");

    /// <summary>A strictly positive integer (WIDTH, HEIGHT, FEATURE_COUNT).</summary>
    public static int ParsePositiveInt(string text, string locator) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw ServiceException.Invalid(locator, $"{locator}: '{text}' is not a positive integer.");

    /// <summary>An integer ≥ 0 (GetFeatureInfo I/J).</summary>
    public static int ParseNonNegativeInt(string text, string locator, string code = "InvalidParameterValue") =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw ServiceException.Invalid(locator, $"{locator}: '{text}' is not a non-negative integer.", code);

    /// <summary>A comma-separated list of exactly <paramref name="count"/> numbers.</summary>
    public static double[] ParseNumbers(string text, int count, string locator)
    {
        var parts = text.Split(',');
        if (parts.Length != count)
            throw ServiceException.Invalid(locator, $"{locator} must hold {count} comma-separated numbers, got '{text}'.");
        var result = new double[count];
        for (var i = 0; i < count; i++)
            result[i] = ParseDouble(parts[i], locator);
        return result;
    }

    /// <summary>BBOX=a1min,a2min,a1max,a2max in wire order; min must be strictly below max on both axes (WMS-M6).</summary>
    public static double[] ParseBbox(string text, string locator)
    {
        var values = ParseNumbers(text, 4, locator);
        if (values[0] >= values[2] || values[1] >= values[3])
            throw ServiceException.Invalid(locator, $"{locator}: minimum must be below maximum on both axes ('{text}').");
        return values;
    }

    /// <summary>TRUE/FALSE, case-insensitive; absent → <paramref name="fallback"/>.</summary>
    public static bool ParseBoolean(string? text, string locator, bool fallback)
    {
        if (string.IsNullOrEmpty(text))
            return fallback;
        if (text.Equals("TRUE", StringComparison.OrdinalIgnoreCase) || text == "1")
            return true;
        if (text.Equals("FALSE", StringComparison.OrdinalIgnoreCase) || text == "0")
            return false;
        throw ServiceException.Invalid(locator, $"{locator} must be TRUE or FALSE, got '{text}'.");
    }

    /// <summary>0xRRGGBB (also #RRGGBB); absent → <paramref name="fallback"/>.</summary>
    public static RgbaColor ParseColor(string? text, string locator, RgbaColor fallback)
    {
        if (string.IsNullOrEmpty(text))
            return fallback;
        return RgbaColor.TryParse(text, out var color)
            ? color
            : throw ServiceException.Invalid(locator, $"{locator} must be a hexadecimal colour 0xRRGGBB, got '{text}'.");
    }

    /// <summary>Comma-separated values, empty entries kept (STYLES=,,s2). An empty text is an empty list.</summary>
    public static IReadOnlyList<string> ParseList(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Split(',');

    /// <summary>Formats a double so that it parses back to the same value (capabilities extents, WMS-L5).</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
