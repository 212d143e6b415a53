using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>
/// The number of features a GetFeature returns when it names no COUNT, advertised as the <c>CountDefault</c>
/// constraint (WFS-C8): the configured download maximum (<c>limits.maxFeaturesPerDownload</c>). WFS clients that do
/// not page (QGIS without paging, old OWSLib code, a whole-département export) expect "everything up to the
/// server's limit", not the small OGC API default page; the answer streams, so its size costs no memory. A COUNT
/// that is given is capped by the page maximum instead. GetFeature (Wfs/Features) applies this same value.
/// </summary>
public static class WfsCountDefault
{
    public static int Of(ServiceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return limits.MaxFeaturesPerDownload;
    }
}
