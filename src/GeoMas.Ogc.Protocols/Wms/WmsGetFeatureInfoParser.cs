using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Protocols.Encoding;
using GeoMas.Ogc.Protocols.Ows;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>GetFeatureInfo KVP (WMS-F1..F6): the map view, QUERY_LAYERS, INFO_FORMAT, I/J (X/Y in 1.1.1), FEATURE_COUNT.</summary>
public sealed class WmsGetFeatureInfoParser(CatalogSnapshot snapshot, CrsRegistry crsRegistry, DateOnly today)
{
    /// <summary>Search radius around the clicked pixel: lines and points are a few pixels wide on screen.</summary>
    public const int TolerancePixels = 4;

    public WmsGetFeatureInfoRequest Parse(KvpRequest kvp, WmsVersion version)
    {
        var viewParser = new WmsMapViewParser(snapshot, crsRegistry, today);
        var view = viewParser.Parse(kvp, version);
        var queryLayers = ParseQueryLayers(kvp, viewParser);
        var encoder = ParseInfoFormat(kvp);

        // 1.3.0 names the pixel I/J, 1.1.1 X/Y; accept either in both (as MapServer does).
        var (iName, jName) = version == WmsVersion.V130 ? ("I", "J") : ("X", "Y");
        var i = ParsePixel(kvp, iName, version == WmsVersion.V130 ? "X" : "I", view.Width);
        var j = ParsePixel(kvp, jName, version == WmsVersion.V130 ? "Y" : "J", view.Height);

        var featureCount = kvp.Get("FEATURE_COUNT") is { Length: > 0 } count
            ? Math.Min(KvpParsers.ParsePositiveInt(count, "FEATURE_COUNT"), snapshot.Limits.MaxFeatureInfoCount)
            : 1;

        var query = new FeatureInfoRequest
        {
            Bbox = view.Bbox,
            Srid = view.Crs.Srid,
            Width = view.Width,
            Height = view.Height,
            QueryLayers = queryLayers,
            I = i,
            J = j,
            FeatureCount = featureCount,
            TolerancePixels = TolerancePixels,
            Time = view.Time,
            OutputSrid = view.Crs.Srid,
        };
        return new WmsGetFeatureInfoRequest(version, query, encoder, view.DefaultTimeUsed);
    }

    private IReadOnlyList<LayerDefinition> ParseQueryLayers(KvpRequest kvp, WmsMapViewParser viewParser)
    {
        var result = new List<LayerDefinition>();
        foreach (var name in KvpParsers.ParseList(kvp.Require("QUERY_LAYERS")))
        {
            var layer = viewParser.FindLayer(name, "QUERY_LAYERS");
            var members = snapshot.Expand(layer).Where(IsQueryable).ToList();
            if (members.Count == 0)
                throw ServiceException.Invalid("QUERY_LAYERS", $"Layer '{name}' is not queryable.", "LayerNotQueryable");
            foreach (var member in members)
            {
                if (!result.Contains(member))
                    result.Add(member);
            }
        }
        return result;
    }

    public static bool IsQueryable(LayerDefinition layer) => layer.Kind == LayerKind.Vector && layer.Queryable;

    private static IFeatureInfoEncoder ParseInfoFormat(KvpRequest kvp)
    {
        var text = kvp.Get("INFO_FORMAT");
        if (string.IsNullOrEmpty(text))
            return FeatureInfoEncoders.Default;
        return FeatureInfoEncoders.Find(text)
            ?? throw ServiceException.Invalid("INFO_FORMAT", $"INFO_FORMAT '{text}' is not offered.", "InvalidFormat");
    }

    private static int ParsePixel(KvpRequest kvp, string name, string alias, int size)
    {
        var text = kvp.GetAny(name, alias);
        if (string.IsNullOrEmpty(text))
            throw ServiceException.Missing(name);
        var value = KvpParsers.ParseNonNegativeInt(text, name, "InvalidPoint");
        if (value >= size)
            throw ServiceException.Invalid(name, $"{name}={value} is outside the {size}-pixel map.", "InvalidPoint");
        return value;
    }
}
