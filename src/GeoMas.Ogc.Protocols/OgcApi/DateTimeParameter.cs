using System.Globalization;
using System.Text.RegularExpressions;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Time;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>
/// The <c>datetime</c> parameter (OAF-P4): an RFC 3339 instant (<c>2018-02-12T23:20:50Z</c>; a bare date is
/// midnight UTC), or an interval <c>start/end</c> whose ends may be open (<c>..</c> or empty), and whose end may be
/// an ISO 8601 duration after the start (<c>2018-02-12/P2D</c>, sent by the ETS). Anything else is a 400.
/// </summary>
public static partial class DateTimeParameter
{
    public static TimeRange Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        var slash = value.IndexOf('/');
        if (slash < 0)
        {
            if (value.Length == 0 || value == "..")
                throw Invalid(text, "an instant or an interval is expected");
            return TimeRange.Instant(ParseInstant(value, text));
        }
        if (value.IndexOf('/', slash + 1) >= 0)
            throw Invalid(text, "an interval has exactly one '/'");

        var startText = value[..slash].Trim();
        var endText = value[(slash + 1)..].Trim();
        DateTimeOffset? start = IsOpen(startText) ? null : startText.StartsWith('P') ? null : ParseInstant(startText, text);
        DateTimeOffset? end = IsOpen(endText) ? null : endText.StartsWith('P') ? null : ParseInstant(endText, text);
        if (startText.StartsWith('P') && endText.StartsWith('P'))
            throw Invalid(text, "an interval cannot be two durations");
        if (endText.StartsWith('P'))
            end = start is { } s ? AddDuration(s, endText, text, +1) : throw Invalid(text, "a duration needs a start");
        if (startText.StartsWith('P'))
            start = end is { } e ? AddDuration(e, startText, text, -1) : throw Invalid(text, "a duration needs an end");
        if (start is { } from && end is { } to && from > to)
            throw Invalid(text, "the start is after the end");
        return new TimeRange(start, end);
    }

    private static bool IsOpen(string part) => part.Length == 0 || part == "..";

    private static DateTimeOffset ParseInstant(string value, string text)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // RFC 3339 date-time: a 'T' (any case), seconds, optional fraction, and an offset (Z or ±hh:mm) are required.
        if (Rfc3339().IsMatch(value)
            && DateTimeOffset.TryParse(value.ToUpperInvariant(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var instant))
            return instant;
        throw Invalid(text, $"'{value}' is not an RFC 3339 date-time (e.g. 2018-02-12T23:20:50Z) nor a date (2018-02-12)");
    }

    private static DateTimeOffset AddDuration(DateTimeOffset from, string duration, string text, int sign)
    {
        var match = Duration().Match(duration);
        if (!match.Success || duration == "P" || duration.EndsWith('T'))
            throw Invalid(text, $"'{duration}' is not an ISO 8601 duration (e.g. P2D, PT12H)");
        int Part(string name) => match.Groups[name].Success ? sign * int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        try
        {
            return from.AddYears(Part("y")).AddMonths(Part("mo")).AddDays(7.0 * Part("w") + Part("d"))
                .AddHours(Part("h")).AddMinutes(Part("mi")).AddSeconds(Part("s"));
        }
        catch (ArgumentOutOfRangeException)
        {
            throw Invalid(text, "the duration leaves the calendar");
        }
    }

    private static ServiceException Invalid(string text, string why) =>
        ServiceException.Invalid(ItemsParameters.DateTime, $"Invalid datetime '{text}': {why}.");

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"^P(?:(?<y>\d{1,4})Y)?(?:(?<mo>\d{1,5})M)?(?:(?<w>\d{1,5})W)?(?:(?<d>\d{1,6})D)?(?:T(?:(?<h>\d{1,7})H)?(?:(?<mi>\d{1,8})M)?(?:(?<s>\d{1,9})S)?)?$")]
    private static partial Regex Duration();
}
