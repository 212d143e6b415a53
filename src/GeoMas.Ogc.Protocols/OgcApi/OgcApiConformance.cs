namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>
/// The conformance classes declared on <c>/conformance</c> (DECL-OAPI1): only what is implemented. HTML is not
/// declared because the resources are not served as text/html yet (OAF-12: declaring it obliges html alternates).
/// </summary>
public static class OgcApiConformance
{
    public const string Core = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core";
    public const string GeoJson = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson";
    public const string Oas30 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30";
    public const string Crs = "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs";
    public const string Queryables = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables";
    public const string QueryablesQueryParameters = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters";

    public static IReadOnlyList<string> Classes { get; } =
    [
        Core,
        GeoJson,
        Oas30,
        Crs,
        Queryables,
        QueryablesQueryParameters,
    ];
}
