using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Time;
using GeoMas.Ogc.Protocols.Wmts;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.Xyz;

/// <summary>
/// The optional <c>style</c> and <c>time</c> query parameters of XYZ tile and TileJSON URLs, checked against the
/// layer. Every other query parameter is ignored: Geotrek appends <c>?{trekId}</c> to tile URLs, and map clients add
/// cache busters. <see cref="StyleName"/> and <see cref="Time"/> are normalised exactly as WMTS does ("default" and
/// null for "in force today"), so XYZ and WMTS share cached tiles.
/// </summary>
public sealed record XyzLayerOptions(string StyleName, TimeSelection? Time, string? StyleParameter, string? TimeParameter)
{
    public const string DefaultStyle = "default";
    public const string StyleQueryName = "style";
    public const string TimeQueryName = "time";

    private static readonly XyzLayerOptions Defaults = new(DefaultStyle, null, null, null);

    /// <summary>
    /// False when a raw query string (<c>?123</c>, <c>?v=2</c>) cannot name a parameter <see cref="Parse"/> reads, so a
    /// tile URL with it is the tile without it. Conservative: any mention of the names, and any percent-escape (a
    /// name could be spelt <c>%73tyle</c>), counts as "may".
    /// </summary>
    public static bool MayName(string? query) =>
        !string.IsNullOrEmpty(query)
        && (query.Contains(StyleQueryName, StringComparison.OrdinalIgnoreCase)
            || query.Contains(TimeQueryName, StringComparison.OrdinalIgnoreCase)
            || query.Contains('%'));

    public static XyzLayerOptions Parse(LayerDefinition layer, IQueryCollection query, DateOnly today)
    {
        var style = query.TryGetValue(StyleQueryName, out var s) ? s.ToString().Trim() : "";
        var time = query.TryGetValue(TimeQueryName, out var t) ? t.ToString().Trim() : "";
        // Most tile URLs name neither: one shared answer instead of a new record per tile.
        if (style.Length == 0 && time.Length == 0)
        {
            return Defaults;
        }

        var styleName = ResolveStyle(layer, style);
        var selection = ResolveTime(layer, time, today);
        return new XyzLayerOptions(
            styleName,
            selection,
            styleName == DefaultStyle ? null : styleName,
            selection is null ? null : time);
    }

    private static string ResolveStyle(LayerDefinition layer, string style)
    {
        if (style.Length == 0 || style.Equals(DefaultStyle, StringComparison.OrdinalIgnoreCase))
        {
            return DefaultStyle;
        }

        var found = layer.Styles.FirstOrDefault(candidate => candidate.Name == style)
            ?? throw ServiceException.Invalid("style", $"Layer '{layer.Id}' has no style '{style}'.", "StyleNotDefined");

        // The default style asked by its own name is the same tile as "default".
        return ReferenceEquals(found, layer.DefaultStyle) ? DefaultStyle : found.Name;
    }

    // The WMTS TIME rules (advertised dates only; "default", "current" and the default date mean "in force today",
    // null), so XYZ and WMTS share cached tiles and a cache keyed by arbitrary instants cannot be flooded.
    private static TimeSelection? ResolveTime(LayerDefinition layer, string time, DateOnly today)
    {
        if (time.Length == 0)
        {
            return null;
        }

        var dimension = WmtsTimeDimension.Of(layer)
            ?? throw ServiceException.Invalid("time", $"Layer '{layer.Id}' has no time dimension.");
        return WmtsTimeDimension.Parse(time, dimension, today);
    }
}
