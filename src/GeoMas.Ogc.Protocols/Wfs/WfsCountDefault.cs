using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>
/// The number of features a GetFeature returns when it names no COUNT, advertised as the <c>CountDefault</c>
/// constraint (WFS-C8): the configured page maximum. WFS clients that do not page (QGIS without paging, old
/// OWSLib code) expect "everything up to the server's limit", not the small OGC API default page. GetFeature
/// (Wfs/Features) must use the same value so that the advertised and the applied default agree.
/// </summary>
public static class WfsCountDefault
{
    public static int Of(ServiceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return limits.MaxFeaturesPerPage;
    }
}
