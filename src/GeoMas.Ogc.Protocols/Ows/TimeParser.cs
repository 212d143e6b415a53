using System.Globalization;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Time;

namespace GeoMas.Ogc.Protocols.Ows;

/// <summary>
/// Reads a WMS TIME value (WMS 1.3.0 Annex C, WMS-D3): an instant, an interval <c>start/end[/period]</c>,
/// a comma list of those, or <c>current</c>. Reduced precision is a period: <c>2021</c> is the whole year.
/// Times without an offset are UTC.
/// </summary>
public static class TimeParser
{
    public const string InvalidDimensionValue = "InvalidDimensionValue";

    public static TimeSelection Parse(string text, string locator = "TIME")
    {
        var trimmed = text.Trim();
        if (trimmed.Equals("current", StringComparison.OrdinalIgnoreCase))
            return TimeSelection.Current;

        var ranges = new List<TimeRange>();
        foreach (var item in trimmed.Split(','))
            ranges.Add(ParseItem(item.Trim(), locator));
        return new TimeSelection(ranges);
    }

    private static TimeRange ParseItem(string item, string locator)
    {
        var parts = item.Split('/');
        switch (parts.Length)
        {
            case 1:
                return ParsePeriod(parts[0], locator);
            case 2 or 3:
                // The optional third part is the resolution (P1D): it does not narrow what is drawn.
                if (parts.Length == 3 && !parts[2].StartsWith('P'))
                    throw Invalid(item, locator);
                var start = ParsePeriod(parts[0], locator).Start;
                var end = parts[1].Equals("current", StringComparison.OrdinalIgnoreCase) || parts[1].Equals("present", StringComparison.OrdinalIgnoreCase)
                    ? null
                    : ParsePeriod(parts[1], locator).End;
                if (start > end)
                    throw Invalid(item, locator);
                return new TimeRange(start, end);
            default:
                throw Invalid(item, locator);
        }
    }

    /// <summary>An instant, or the period a reduced-precision date denotes (year, year-month).</summary>
    private static TimeRange ParsePeriod(string text, string locator)
    {
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1)
        {
            var first = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
            return new TimeRange(first, first.AddYears(1).AddTicks(-1));
        }
        if (text.Length == 7 && DateTimeOffset.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var month))
        {
            return new TimeRange(month, month.AddMonths(1).AddTicks(-1));
        }
        if (text.Length >= 10 && char.IsAsciiDigit(text[0]) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return TimeRange.Instant(instant);
        }
        throw Invalid(text, locator);
    }

    private static ServiceException Invalid(string text, string locator) =>
        ServiceException.Invalid(locator, $"{locator}: '{text}' is not an ISO 8601 time, interval or list.", InvalidDimensionValue);
}
