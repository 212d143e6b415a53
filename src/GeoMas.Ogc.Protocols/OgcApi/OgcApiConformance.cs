using GeoMas.Ogc.Core.Features.Filtering.Cql2;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>
/// The conformance classes declared on <c>/conformance</c> (DECL-OAPI1): only what is implemented. HTML is declared
/// because every resource is also served as text/html (OgcApi/Html) and links to it as an alternate (OAF-12, OAF-13).
/// </summary>
public static class OgcApiConformance
{
    public const string Core = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core";
    public const string GeoJson = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson";
    public const string Html = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html";
    public const string Oas30 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30";
    public const string Crs = "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs";
    public const string Queryables = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables";
    public const string QueryablesQueryParameters = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters";
    public const string Filter = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter";
    public const string FeaturesFilter = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter";

    private const string Cql2 = "http://www.opengis.net/spec/cql2/1.0/conf/";

    /// <summary>
    /// The CQL2 classes filters may use: those both parsers read and both sources compile (checked end to end on the
    /// GeoPackage and PostGIS). Accent-insensitive comparison and array functions are not offered.
    /// </summary>
    public const Cql2Conformance Cql2Classes =
        Cql2Conformance.BasicCql2 | Cql2Conformance.AdvancedComparison | Cql2Conformance.CaseInsensitiveComparison
        | Cql2Conformance.BasicSpatialFunctions | Cql2Conformance.BasicSpatialFunctionsPlus | Cql2Conformance.SpatialFunctions
        | Cql2Conformance.TemporalFunctions | Cql2Conformance.PropertyProperty | Cql2Conformance.Arithmetic;

    public static IReadOnlyList<string> Classes { get; } =
    [
        Core,
        GeoJson,
        Html,
        Oas30,
        Crs,
        Queryables,
        QueryablesQueryParameters,
        Filter,
        FeaturesFilter,
        Cql2 + "cql2-text",
        Cql2 + "cql2-json",
        Cql2 + "basic-cql2",
        Cql2 + "advanced-comparison-operators",
        Cql2 + "case-insensitive-comparison",
        Cql2 + "basic-spatial-functions",
        Cql2 + "basic-spatial-functions-plus",
        Cql2 + "spatial-functions",
        Cql2 + "temporal-functions",
        Cql2 + "property-property",
        Cql2 + "arithmetic",
        .. Tiles.OgcApiTilesConformance.Classes,
        .. Maps.OgcApiMapsConformance.Classes,
    ];
}
