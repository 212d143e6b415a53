using System.Globalization;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Protocols.Ows;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>GetMap KVP → <see cref="WmsGetMapRequest"/> (WMS-M1..M12, §1.9), every failure a typed ServiceException.</summary>
public sealed class WmsGetMapParser(CatalogSnapshot snapshot, CrsRegistry crsRegistry, DateOnly today)
{
    private const double MinDpi = 1;
    private const double MaxDpi = 1200;

    public WmsGetMapRequest Parse(KvpRequest kvp, WmsVersion version)
    {
        var view = new WmsMapViewParser(snapshot, crsRegistry, today).Parse(kvp, version);
        var format = ParseFormat(kvp);
        var transparent = KvpParsers.ParseBoolean(kvp.Get("TRANSPARENT"), "TRANSPARENT", false);
        var background = KvpParsers.ParseColor(kvp.Get("BGCOLOR"), "BGCOLOR", RgbaColor.White);
        var map = new MapRequest
        {
            Bbox = view.Bbox,
            Srid = view.Crs.Srid,
            Width = view.Width,
            Height = view.Height,
            Layers = view.Layers,
            Format = format,
            Transparent = transparent && format.SupportsTransparency,
            Background = background,
            Dpi = ParseDpi(kvp),
            Time = view.Time,
        };
        return new WmsGetMapRequest(version, map, view.DefaultTimeUsed);
    }

    /// <summary>
    /// Best-effort read of what an INIMAGE/BLANK error image needs, before full validation; null when the
    /// request does not allow drawing one (then the error goes out as XML).
    /// </summary>
    public static WmsImageErrorTarget? ReadErrorTarget(KvpRequest kvp, ServiceLimits limits)
    {
        var mode = WmsExceptionFormats.Parse(kvp.Get("EXCEPTIONS"));
        if (mode == WmsExceptionFormat.Xml)
            return null;
        var format = ImageFormat.Find(kvp.Get("FORMAT"));
        if (format is null
            || !int.TryParse(kvp.Get("WIDTH"), NumberStyles.None, CultureInfo.InvariantCulture, out var width) || width <= 0 || width > limits.MaxWidth
            || !int.TryParse(kvp.Get("HEIGHT"), NumberStyles.None, CultureInfo.InvariantCulture, out var height) || height <= 0 || height > limits.MaxHeight)
        {
            return null;
        }
        var transparent = string.Equals(kvp.Get("TRANSPARENT"), "TRUE", StringComparison.OrdinalIgnoreCase);
        var background = RgbaColor.TryParse(kvp.Get("BGCOLOR"), out var color) ? color : RgbaColor.White;
        return new WmsImageErrorTarget(mode, format, width, height, transparent, background);
    }

    private static ImageFormat ParseFormat(KvpRequest kvp) =>
        ImageFormat.Find(kvp.Require("FORMAT"))
        ?? throw ServiceException.Invalid("FORMAT", $"FORMAT '{kvp.Get("FORMAT")}' is not offered.", "InvalidFormat");

    /// <summary>DPI, MAP_RESOLUTION (MapServer/QGIS) or FORMAT_OPTIONS=dpi:N (GeoServer); default the OGC 0.28 mm pixel.</summary>
    private static double ParseDpi(KvpRequest kvp)
    {
        if (kvp.Get("DPI") is { Length: > 0 } dpi)
            return CheckDpi(KvpParsers.ParseDouble(dpi, "DPI"), "DPI");
        if (kvp.Get("MAP_RESOLUTION") is { Length: > 0 } resolution)
            return CheckDpi(KvpParsers.ParseDouble(resolution, "MAP_RESOLUTION"), "MAP_RESOLUTION");
        if (kvp.Get("FORMAT_OPTIONS") is { Length: > 0 } options)
        {
            foreach (var option in options.Split(';'))
            {
                var colon = option.IndexOf(':');
                if (colon > 0 && option[..colon].Trim().Equals("dpi", StringComparison.OrdinalIgnoreCase))
                    return CheckDpi(KvpParsers.ParseDouble(option[(colon + 1)..].Trim(), "FORMAT_OPTIONS"), "FORMAT_OPTIONS");
            }
        }
        return MapRequest.StandardDpi;
    }

    private static double CheckDpi(double dpi, string locator) =>
        dpi is >= MinDpi and <= MaxDpi
            ? dpi
            : throw ServiceException.Invalid(locator, $"{locator}: resolution must be between {MinDpi} and {MaxDpi} dpi.");
}
