using System.Collections.Concurrent;
using System.Globalization;
using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.Xyz;

/// <summary>The Cache-Control headers of XYZ answers, in one place.</summary>
public static class XyzCacheControl
{
    private static readonly ConcurrentDictionary<int, string> TileValues = new();

    /// <summary>Tiles: public (shared caches and CDNs may keep them), for as long as the layer's cache policy says.
    /// Invalidation cannot reach browser caches, so the policy's max-age is the staleness bound clients accept.</summary>
    public static string ForTile(LayerDefinition layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        // Built once per distinct max-age (a handful per catalog), not once per tile.
        return TileValues.GetOrAdd(Math.Max(0, layer.Cache.MaxAgeSeconds),
            static seconds => "public, max-age=" + seconds.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>TileJSON is cheap and changes with the catalog (zoom range, bounds): revalidate after a minute.</summary>
    public const string TileJson = "public, max-age=60";

    /// <summary>Errors must not stick in caches: a layer may appear with the next catalog reload.</summary>
    public const string Error = "no-store";
}
