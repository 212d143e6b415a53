using System.Globalization;
using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>
/// How a layer's <see cref="TimeDimension"/> is advertised and defaulted (WMS-D1, WMS-D2). The extent is the list
/// of dates on which the layer changed. The default is the last of those dates not after today: the map drawn
/// for it is exactly the "in force today" map served without TIME, yet it is a stable, listed date that clients
/// (QGIS, OWSLib) parse and that changes only when the data does.
/// </summary>
public static class WmsTimeDimension
{
    public const string Name = "time";
    public const string Units = "ISO8601";

    public static string Extent(TimeDimension time, DateOnly today) =>
        time.Values.Count == 0 ? Format(today) : string.Join(",", time.Values.Select(Format));

    public static string Default(TimeDimension time, DateOnly today)
    {
        DateOnly? latest = null;
        foreach (var value in time.Values)
        {
            if (value <= today)
                latest = value;
        }
        return Format(latest ?? time.Min ?? today);
    }

    /// <summary>The time dimension a (group) layer exposes: its own, or that of its first time-enabled member.</summary>
    public static TimeDimension? Of(LayerDefinition layer, CatalogSnapshot snapshot) =>
        layer.Kind == LayerKind.Group ? snapshot.Expand(layer).Select(l => l.Time).FirstOrDefault(t => t is not null) : layer.Time;

    /// <summary>The value of the WMS-D2 <c>Warning</c> header when TIME was omitted.</summary>
    public static string WarningHeader(string defaultValue) => $"99 Default value used: time={defaultValue} {Units}";

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
