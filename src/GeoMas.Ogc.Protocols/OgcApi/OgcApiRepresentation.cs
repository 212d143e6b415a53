namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>One encoding a resource can be served in: the <c>f</c> value that selects it and its media type.</summary>
public sealed record OgcApiRepresentation(string FormatName, string MediaType)
{
    /// <summary>Landing page, conformance, collections, collection: JSON.</summary>
    public static IReadOnlyList<OgcApiRepresentation> JsonResources { get; } = [new("json", OgcApiMediaTypes.Json)];

    /// <summary>Items and item: GeoJSON, also under the generic JSON media type for clients that only ask for that.</summary>
    public static IReadOnlyList<OgcApiRepresentation> Features { get; } =
        [new("geojson", OgcApiMediaTypes.GeoJson), new("json", OgcApiMediaTypes.Json)];

    /// <summary>The API definition: OpenAPI 3.0 JSON (the ETS finds it by this exact type, OAF-2).</summary>
    public static IReadOnlyList<OgcApiRepresentation> OpenApi { get; } =
        [new("json", OgcApiMediaTypes.OpenApi30), new("json", OgcApiMediaTypes.Json)];

    /// <summary>Queryables: a JSON Schema document (OAF-F2).</summary>
    public static IReadOnlyList<OgcApiRepresentation> Queryables { get; } =
        [new("json", OgcApiMediaTypes.JsonSchema), new("json", OgcApiMediaTypes.Json)];
}
