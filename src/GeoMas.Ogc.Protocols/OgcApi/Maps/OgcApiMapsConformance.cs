namespace GeoMas.Ogc.Protocols.OgcApi.Maps;

/// <summary>
/// The OGC API – Maps 1.0 conformance classes implemented (OAM-1, DECL-OAPI2), in the https form the Maps ETS and
/// the standard use. Not declared: <c>background</c> (bgcolor takes hexadecimal colours, not the W3C names the class
/// requires) and styles.
/// </summary>
public static class OgcApiMapsConformance
{
    private const string Prefix = "https://www.opengis.net/spec/ogcapi-maps-1/1.0/conf/";

    public static IReadOnlyList<string> Classes { get; } =
    [
        Prefix + "core",
        Prefix + "collection-map",
        Prefix + "dataset-map",
        Prefix + "png",
        Prefix + "jpeg",
        Prefix + "scaling",
        Prefix + "spatial-subsetting",
        Prefix + "crs",
        Prefix + "cors",
    ];
}
