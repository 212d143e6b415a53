using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Time;
using GeoMas.Ogc.Protocols.Ows;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>Reads LAYERS, STYLES, CRS/SRS, BBOX, WIDTH, HEIGHT and TIME (WMS130 §7.3.3, §1.9 for 1.1.1).</summary>
public sealed class WmsMapViewParser(CatalogSnapshot snapshot, CrsRegistry crsRegistry, DateOnly today)
{
    public WmsMapView Parse(KvpRequest kvp, WmsVersion version)
    {
        var layers = ParseLayers(kvp);
        var crsLocator = version == WmsVersion.V130 ? "CRS" : "SRS";
        var crs = ParseCrs(kvp, version, crsLocator);
        var wire = KvpParsers.ParseBbox(kvp.Require("BBOX"), "BBOX");
        var order = AxisOrderRules.For(crs, version == WmsVersion.V130 ? AxisContext.Wms130 : AxisContext.Wms111);
        var bbox = AxisSwap.ToXY(wire[0], wire[1], wire[2], wire[3], order);
        var width = ParseSize(kvp, "WIDTH", snapshot.Limits.MaxWidth);
        var height = ParseSize(kvp, "HEIGHT", snapshot.Limits.MaxHeight);

        var (time, defaultUsed) = ParseTime(kvp, layers.Requested);
        return new WmsMapView
        {
            RequestedLayers = layers.Requested,
            Layers = layers.Drawn,
            Crs = crs,
            Bbox = bbox,
            Width = width,
            Height = height,
            Time = time,
            DefaultTimeUsed = defaultUsed,
        };
    }

    /// <summary>A layer name of the catalog, or LayerNotDefined with <paramref name="locator"/>.</summary>
    public LayerDefinition FindLayer(string name, string locator) =>
        snapshot.FindLayer(name) ?? throw ServiceException.Invalid(locator, $"Layer '{name}' is not defined.", "LayerNotDefined");

    private (IReadOnlyList<LayerDefinition> Requested, IReadOnlyList<MapLayer> Drawn) ParseLayers(KvpRequest kvp)
    {
        var names = KvpParsers.ParseList(kvp.Require("LAYERS"));
        if (names.Count > snapshot.Limits.LayerLimit)
            throw ServiceException.LimitExceeded("LAYERS", $"At most {snapshot.Limits.LayerLimit} layers per request (LayerLimit).");
        var styles = KvpParsers.ParseList(kvp.Get("STYLES"));
        // STYLES= (or absent) means default styles for every layer; otherwise one entry per layer (WMS-M3).
        if (styles.Count != 0 && styles.Count != names.Count)
        {
            throw ServiceException.Invalid("STYLES",
                $"STYLES lists {styles.Count} entries for {names.Count} layers.", "StyleNotDefined");
        }

        var requested = new List<LayerDefinition>(names.Count);
        var drawn = new List<MapLayer>();
        for (var i = 0; i < names.Count; i++)
        {
            var layer = FindLayer(names[i], "LAYERS");
            var styleName = styles.Count == 0 ? "" : styles[i];
            requested.Add(layer);
            if (layer.Kind == LayerKind.Group)
            {
                // Groups have no styles of their own: only the default (empty) is valid, members use theirs.
                if (!IsDefaultStyleName(styleName))
                    throw StyleNotDefined(styleName, layer);
                drawn.AddRange(snapshot.Expand(layer).Select(member => new MapLayer(member, member.DefaultStyle)));
            }
            else
            {
                var style = layer.FindStyle(styleName);
                if (style is null && !IsDefaultStyleName(styleName))
                    throw StyleNotDefined(styleName, layer);
                drawn.Add(new MapLayer(layer, style));
            }
        }
        return (requested, drawn);
    }

    private static bool IsDefaultStyleName(string name) =>
        name.Length == 0 || name.Equals("default", StringComparison.OrdinalIgnoreCase);

    private static ServiceException StyleNotDefined(string style, LayerDefinition layer) =>
        ServiceException.Invalid("STYLES", $"Style '{style}' is not defined for layer '{layer.Id}'.", "StyleNotDefined");

    private CrsIdentifier ParseCrs(KvpRequest kvp, WmsVersion version, string locator)
    {
        // Clients mixing versions send the other name; accept it rather than fail.
        var text = version == WmsVersion.V130 ? kvp.GetAny("CRS", "SRS") : kvp.GetAny("SRS", "CRS");
        if (string.IsNullOrEmpty(text))
            throw ServiceException.Missing(locator);
        var code = version == WmsVersion.V130 ? "InvalidCRS" : "InvalidSRS";
        if (!CrsIdentifier.TryParse(text, out var crs) || !snapshot.SupportedSrids.Contains(crs.Srid) || !crsRegistry.IsSupported(crs.Srid))
            throw ServiceException.Invalid(locator, $"{locator} '{text}' is not offered by this service.", code);
        return crs;
    }

    private static int ParseSize(KvpRequest kvp, string name, int max)
    {
        var value = KvpParsers.ParsePositiveInt(kvp.Require(name), name);
        if (value > max)
            throw ServiceException.LimitExceeded(name, $"{name}={value} exceeds the maximum of {max}.");
        return value;
    }

    private (TimeSelection? Time, string? DefaultUsed) ParseTime(KvpRequest kvp, IReadOnlyList<LayerDefinition> requested)
    {
        var text = kvp.Get("TIME");
        if (!string.IsNullOrWhiteSpace(text))
        {
            var selection = TimeParser.Parse(text);
            return (selection.IsCurrent ? null : selection, null);
        }
        var dimension = requested.Select(l => WmsTimeDimension.Of(l, snapshot)).FirstOrDefault(t => t is not null);
        return dimension is null ? (null, null) : (null, WmsTimeDimension.Default(dimension, today));
    }
}
