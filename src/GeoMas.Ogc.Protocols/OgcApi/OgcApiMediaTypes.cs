namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>The media types of the OGC API resources (OAF-2, OAF-12, OAF-F2).</summary>
public static class OgcApiMediaTypes
{
    public const string Json = "application/json";
    public const string GeoJson = "application/geo+json";
    public const string OpenApi30 = "application/vnd.oai.openapi+json;version=3.0";
    public const string JsonSchema = "application/schema+json";
    public const string Html = "text/html";
    public const string Csv = "text/csv";
    public const string FlatGeobuf = "application/flatgeobuf";
}
