using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;

namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>Everything a capabilities writer reads, computed once per request: the snapshot, the service URL and the CRS lists.</summary>
public sealed class WfsCapabilitiesContext
{
    public WfsCapabilitiesContext(CatalogSnapshot snapshot, CrsRegistry crs, string baseUrl, WfsCapabilitiesRequest request)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(crs);
        ArgumentNullException.ThrowIfNull(baseUrl);
        Snapshot = snapshot;
        Crs = crs;
        ServiceUrl = baseUrl + WfsEndpoints.Path + "?";
        Request = request;
        FeatureTypes = [.. WfsFeatureTypes.All(snapshot)];
    }

    public CatalogSnapshot Snapshot { get; }
    public CrsRegistry Crs { get; }
    /// <summary>The DCP href: ends with '?' so clients can append KVP (TRAP-10).</summary>
    public string ServiceUrl { get; }
    public WfsCapabilitiesRequest Request { get; }
    public IReadOnlyList<LayerDefinition> FeatureTypes { get; }

    /// <summary>The layer's native CRS first (DefaultCRS), then every other CRS the server offers and can transform to.</summary>
    public IReadOnlyList<int> CrsOf(LayerDefinition layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var result = new List<int> { layer.Srid };
        foreach (var srid in Snapshot.SupportedSrids)
        {
            if (srid != layer.Srid && Crs.IsSupported(srid) && !result.Contains(srid))
                result.Add(srid);
        }
        return result;
    }

    /// <summary>WFS spelling of an EPSG code (TRAP-2): <c>urn:ogc:def:crs:EPSG::2154</c>.</summary>
    public static string Urn(int srid) => CrsIdentifier.Epsg(srid).ToUrn();
}
