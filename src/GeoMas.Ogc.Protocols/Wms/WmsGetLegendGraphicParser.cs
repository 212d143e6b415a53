using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Protocols.Encoding;
using GeoMas.Ogc.Protocols.Ows;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>
/// GetLegendGraphic (SLD 1.1 §10.2 as served by GeoServer/MapServer): LAYER, STYLE, FORMAT, WIDTH/HEIGHT (swatch
/// size), RULE, SCALE, TRANSPARENT. Without the optional parameters the legend has exactly the size advertised in
/// the capabilities' LegendURL (WMS-L6).
/// </summary>
public sealed class WmsGetLegendGraphicParser(CatalogSnapshot snapshot)
{
    private const int MaxSwatch = 512;

    public static IReadOnlyList<string> Formats { get; } = [ImageFormat.Png.MimeType, ImageFormat.Jpeg.MimeType, LegendJsonEncoder.MimeType];

    public WmsGetLegendGraphicRequest Parse(KvpRequest kvp)
    {
        var name = kvp.Require("LAYER");
        var layer = snapshot.FindLayer(name)
            ?? throw ServiceException.Invalid("LAYER", $"Layer '{name}' is not defined.", "LayerNotDefined");
        if (layer.Kind == LayerKind.Group)
            throw ServiceException.Invalid("LAYER", $"'{name}' is a group: ask the legend of its member layers.");
        var styleName = kvp.Get("STYLE");
        var style = layer.FindStyle(styleName)
            ?? throw ServiceException.Invalid("STYLE", $"Style '{styleName}' is not defined for layer '{name}'.", "StyleNotDefined");

        var formatText = kvp.Get("FORMAT");
        var json = string.Equals(formatText?.Trim(), LegendJsonEncoder.MimeType, StringComparison.OrdinalIgnoreCase);
        var format = string.IsNullOrEmpty(formatText) || json
            ? ImageFormat.Png
            : ImageFormat.Find(formatText) ?? throw ServiceException.Invalid("FORMAT", $"FORMAT '{formatText}' is not offered.", "InvalidFormat");

        var rule = kvp.Get("RULE") is { Length: > 0 } ruleName ? ruleName : null;
        if (rule is not null && !style.Model.AllRules.Any(r => r.Name == rule))
            throw ServiceException.Invalid("RULE", $"Rule '{rule}' is not part of style '{style.Name}'.");
        double? scale = kvp.Get("SCALE") is { Length: > 0 } scaleText ? KvpParsers.ParseDouble(scaleText, "SCALE") : null;
        if (scale <= 0)
            throw ServiceException.Invalid("SCALE", "SCALE must be positive.");

        var legend = new LegendRequest
        {
            Layer = layer,
            Style = style,
            RuleName = rule,
            ScaleDenominator = scale,
            SymbolWidth = Swatch(kvp, "WIDTH", 20),
            SymbolHeight = Swatch(kvp, "HEIGHT", 20),
            Format = format,
            Transparent = KvpParsers.ParseBoolean(kvp.Get("TRANSPARENT"), "TRANSPARENT", true) && format.SupportsTransparency,
        };
        return new WmsGetLegendGraphicRequest(legend, json);
    }

    private static int Swatch(KvpRequest kvp, string name, int fallback)
    {
        if (kvp.Get(name) is not { Length: > 0 } text)
            return fallback;
        var value = KvpParsers.ParsePositiveInt(text, name);
        return value <= MaxSwatch ? value : throw ServiceException.LimitExceeded(name, $"{name} must be at most {MaxSwatch}.");
    }
}
