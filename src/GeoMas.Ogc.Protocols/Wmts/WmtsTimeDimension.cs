using System.Globalization;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Time;
using GeoMas.Ogc.Protocols.Wms;

namespace GeoMas.Ogc.Protocols.Wmts;

/// <summary>
/// The TIME sample dimension of a time-enabled layer (plu_zones). Values are the dates on which the layer changed,
/// as WMS advertises them; the default is the last of those not after today, which draws exactly the "in force
/// today" map. Only advertised values, <c>default</c> and <c>current</c> are accepted (WMTS-T5, T7): a tile cache
/// keyed by arbitrary instants would never hit, and the ETS expects an unlisted value to be refused.
/// Only layers with their own time column carry it; groups draw their time-enabled members as they are today.
/// </summary>
public static class WmtsTimeDimension
{
    /// <summary>Dimension identifier, KVP parameter name, exception locator and REST template variable (<c>{time}</c>).</summary>
    public const string Identifier = "time";

    public static TimeDimension? Of(LayerDefinition layer) => layer.Kind == LayerKind.Group ? null : layer.Time;

    public static IReadOnlyList<string> Values(TimeDimension time, DateOnly today) =>
        time.Values.Count == 0 ? [Format(today)] : time.Values.Select(Format).ToArray();

    public static string Default(TimeDimension time, DateOnly today) => WmsTimeDimension.Default(time, today);

    /// <summary>
    /// The time selection of a tile request: null (in force today) for an absent value, <c>default</c>, <c>current</c>
    /// or the default date itself (so they share one cached tile); the day of an advertised value otherwise.
    /// </summary>
    public static TimeSelection? Parse(string? text, TimeDimension time, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var value = text.Trim();
        if (value.Equals("default", StringComparison.OrdinalIgnoreCase) || value.Equals("current", StringComparison.OrdinalIgnoreCase)
            || value == Default(time, today))
            return null;
        if (!Values(time, today).Contains(value, StringComparer.Ordinal))
            throw ServiceException.Invalid(Identifier, $"time={value} is not one of the advertised values of this layer.");
        var day = DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new TimeSelection([TimeRange.Instant(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))]);
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
