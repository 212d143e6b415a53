using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>
/// Part 2 CRS handling (OAF-CRS2..5): the CRS list of a collection (CRS84 first, then the storage CRS, then the
/// configured map CRSs), the <c>crs</c>/<c>bbox-crs</c>/<c>filter-crs</c> parameters and their axis order.
/// </summary>
public static class OgcApiCrs
{
    public static string StorageCrsUri(LayerDefinition layer) => CrsIdentifier.Epsg(layer.Srid).ToHttpUri();

    public static IReadOnlyList<CrsIdentifier> Supported(LayerDefinition layer, CatalogSnapshot snapshot, CrsRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(registry);
        var list = new List<CrsIdentifier> { CrsIdentifier.Crs84 };
        foreach (var srid in snapshot.SupportedSrids.Prepend(layer.Srid))
        {
            if (registry.IsSupported(srid) && list.All(c => c.IsCrs84 || c.Srid != srid))
                list.Add(CrsIdentifier.Parse(CrsIdentifier.Epsg(srid).ToHttpUri()));
        }
        return list;
    }

    /// <summary>
    /// Parses a CRS parameter; null/empty = CRS84 (the default of every OGC API CRS parameter). Any TRAP-2 spelling of a
    /// listed CRS is accepted; anything else is a 400 naming the parameter.
    /// </summary>
    public static CrsIdentifier Parse(string? text, string parameter, IReadOnlyList<CrsIdentifier> supported)
    {
        if (text is null)
            return CrsIdentifier.Crs84;
        if (!CrsIdentifier.TryParse(text, out var crs))
            throw ServiceException.Invalid(parameter, $"'{text}' is not a CRS URI (e.g. http://www.opengis.net/def/crs/EPSG/0/2154).");
        var match = supported.FirstOrDefault(s => s.DenotesSameCrs(crs));
        if (match.Original is null)
            throw ServiceException.Invalid(parameter, $"CRS '{text}' is not supported by this collection; see its 'crs' list.");
        return match;
    }

    /// <summary>True when positions in <paramref name="crs"/> are written latitude-first (EPSG:4326 by URI, TRAP-1).</summary>
    public static bool IsLatitudeFirst(CrsIdentifier crs) => AxisOrderRules.For(crs, AxisContext.OgcApi) == AxisOrder.NorthEast;
}
