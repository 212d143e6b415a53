namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>One encoding a resource can be served in: the <c>f</c> value that selects it and its media type.</summary>
public sealed record OgcApiRepresentation(string FormatName, string MediaType)
{
    /// <summary>The HTML page of a resource (OgcApi/Html; html conformance class, OAF-12/13).</summary>
    public static OgcApiRepresentation Html { get; } = new("html", OgcApiMediaTypes.Html);

    /// <summary>Landing page, conformance, collections, collection: JSON, and HTML for browsers.</summary>
    public static IReadOnlyList<OgcApiRepresentation> JsonResources { get; } = [new("json", OgcApiMediaTypes.Json), Html];

    /// <summary>
    /// Items and item: GeoJSON, also under the generic JSON media type for clients that only ask for that, and HTML.
    /// JSON stays first: a client sending no Accept (or <c>*/*</c>) gets GeoJSON.
    /// </summary>
    public static IReadOnlyList<OgcApiRepresentation> Features { get; } =
        [new("geojson", OgcApiMediaTypes.GeoJson), new("json", OgcApiMediaTypes.Json), Html];

    /// <summary>CSV (geometry as WKT) download of items.</summary>
    public static OgcApiRepresentation Csv { get; } = new("csv", OgcApiMediaTypes.Csv);

    /// <summary>FlatGeobuf (no spatial index, so it streams) download of items.</summary>
    public static OgcApiRepresentation FlatGeobuf { get; } = new("fgb", OgcApiMediaTypes.FlatGeobuf);

    /// <summary>
    /// Items: the feature representations and the downloads (CSV, FlatGeobuf), which export the whole selection
    /// when no limit is given (OgcApi/Html/FeatureDownload).
    /// </summary>
    public static IReadOnlyList<OgcApiRepresentation> Items { get; } = [.. Features, Csv, FlatGeobuf];

    public bool IsHtml => FormatName == Html.FormatName && MediaType == Html.MediaType;

    public bool IsDownload => Equals(Csv) || Equals(FlatGeobuf);

    /// <summary>The API definition: OpenAPI 3.0 JSON (the ETS finds it by this exact type, OAF-2).</summary>
    public static IReadOnlyList<OgcApiRepresentation> OpenApi { get; } =
        [new("json", OgcApiMediaTypes.OpenApi30), new("json", OgcApiMediaTypes.Json), Html];

    /// <summary>Queryables: a JSON Schema document (OAF-F2).</summary>
    public static IReadOnlyList<OgcApiRepresentation> Queryables { get; } =
        [new("json", OgcApiMediaTypes.JsonSchema), new("json", OgcApiMediaTypes.Json), Html];
}
