using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.Wmts;

/// <summary>
/// A style as WMTS publishes it. The default style is always called <c>default</c> (what QGIS, GDAL and OpenLayers
/// send when they know nothing else, and the name <see cref="Core.Tiling.TileRequest.StyleName"/> expects); the
/// other styles keep their SLD names. <see cref="Style"/> is null for groups, drawn with their members' defaults.
/// </summary>
public sealed record WmtsStyle(string Identifier, LayerStyle? Style, bool IsDefault)
{
    public const string DefaultIdentifier = "default";

    public string Title => Style is null ? "Default" : Style.Title.Length > 0 ? Style.Title : Style.Name;

    public static IReadOnlyList<WmtsStyle> Of(LayerDefinition layer)
    {
        var defaultStyle = layer.DefaultStyle;
        var result = new List<WmtsStyle> { new(DefaultIdentifier, defaultStyle, true) };
        foreach (var style in layer.Styles)
        {
            if (!ReferenceEquals(style, defaultStyle) && style.Name != DefaultIdentifier)
                result.Add(new WmtsStyle(style.Name, style, false));
        }
        return result;
    }
}
