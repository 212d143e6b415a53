using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rendering;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>
/// Everything a capabilities writer reads, computed once per request. The layer tree is flat under an unnamed
/// root that declares the CRS list (children inherit it, WMS-L2): groups (fond_plan, plan) are named layers of
/// their own next to their members. Nesting members under groups would list routes and communes twice and make
/// styles inherited (WMS-L6); a flat tree is what QGIS, OWSLib and the ETS all read without surprise.
/// </summary>
public sealed class WmsCapabilitiesContext
{
    public const string LegendFormat = "image/png";

    public WmsCapabilitiesContext(CatalogSnapshot snapshot, CrsRegistry crsRegistry, ILegendRenderer legends, string baseUrl, DateOnly today, WmsVersion version)
    {
        Snapshot = snapshot;
        Legends = legends;
        ServiceUrl = baseUrl + "/wms?";
        Today = today;
        Version = version;
        Extents = new WmsLayerExtents(snapshot, crsRegistry, version);
    }

    public CatalogSnapshot Snapshot { get; }
    public ILegendRenderer Legends { get; }
    /// <summary>The OnlineResource prefix: ends with '?' (WMS-G8).</summary>
    public string ServiceUrl { get; }
    public DateOnly Today { get; }
    public WmsVersion Version { get; }
    public WmsLayerExtents Extents { get; }

    public IReadOnlyList<LayerDefinition> PublishedLayers => Snapshot.Layers;

    /// <summary>Vector layers with Queryable; groups when any member is (GetFeatureInfo expands them).</summary>
    public bool IsQueryable(LayerDefinition layer) =>
        layer.Kind == LayerKind.Group
            ? Snapshot.Expand(layer).Any(WmsGetFeatureInfoParser.IsQueryable)
            : WmsGetFeatureInfoParser.IsQueryable(layer);

    public bool IsOpaque(LayerDefinition layer) =>
        layer.Kind == LayerKind.Group ? Snapshot.Expand(layer).Any(l => l.Opaque) : layer.Opaque;

    /// <summary>The size GetLegendGraphic will produce for the LegendURL below (WMS-L6).</summary>
    public LegendSize LegendSize(LayerDefinition layer, LayerStyle style) =>
        Legends.Measure(new LegendRequest { Layer = layer, Style = style, Format = ImageFormat.Png });

    public string LegendUrl(LayerDefinition layer, LayerStyle style) =>
        $"{ServiceUrl}SERVICE=WMS&VERSION={Version.ToText()}&REQUEST=GetLegendGraphic&FORMAT={Uri.EscapeDataString(LegendFormat)}"
        + $"&LAYER={Uri.EscapeDataString(layer.Id)}&STYLE={Uri.EscapeDataString(style.Name)}";

    /// <summary>Abstract of a layer; groups that have none say what they are made of.</summary>
    public static string AbstractOf(LayerDefinition layer) =>
        layer.Abstract.Length > 0 || layer.Kind != LayerKind.Group
            ? layer.Abstract
            : "Group of layers (bottom to top): " + string.Join(", ", layer.Children);
}
