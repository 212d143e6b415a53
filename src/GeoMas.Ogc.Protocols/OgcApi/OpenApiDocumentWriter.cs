using System.Text.Json;
using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>
/// Writes the OpenAPI 3.0.3 document of the server from the catalog (OAF-2, OAF-P1..P6, OAF-14): one explicit path
/// per collection so that each items operation declares exactly the parameters it accepts — <c>f</c>, limit (with the
/// configured maximum), offset, bbox (the 1.0.0 form the ETS reads), bbox-crs, datetime, crs, properties, sortby
/// and the collection's queryables — and every status it answers (200, 400, 404, 406, 500).
/// </summary>
public static class OpenApiDocumentWriter
{
    private const string Ref = "$ref";

    public static void Write(Utf8JsonWriter json, OgcApiServices services)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(services);
        var snapshot = services.Snapshot;
        json.WriteStartObject();
        json.WriteString("openapi", "3.0.3");
        WriteInfo(json, snapshot.Service);
        json.WriteStartArray("servers");
        json.WriteStartObject();
        json.WriteString("url", services.BaseUrl);
        json.WriteEndObject();
        json.WriteEndArray();
        WriteTags(json);

        json.WriteStartObject("paths");
        WriteSimplePath(json, OgcApiEndpoints.LandingPath, "Capabilities", "getLandingPage", "Landing page", "landingPage", OgcApiMediaTypes.Json);
        WriteSimplePath(json, OgcApiEndpoints.ConformancePath, "Capabilities", "getConformanceDeclaration", "Conformance classes implemented", "confClasses", OgcApiMediaTypes.Json);
        WriteSimplePath(json, OgcApiEndpoints.ApiPath, "Capabilities", "getApiDefinition", "This API definition (OpenAPI 3.0)", "openApiDocument", OgcApiMediaTypes.OpenApi30);
        WriteSimplePath(json, OgcApiEndpoints.CollectionsPath, "Capabilities", "getCollections", "Feature collections", "collections", OgcApiMediaTypes.Json);
        foreach (var layer in services.Collections)
            WriteCollectionPaths(json, layer);
        Tiles.TilesMapsOpenApiPaths.Write(json, services);
        json.WriteEndObject();

        WriteComponents(json, snapshot.Limits);
        json.WriteEndObject();
    }

    private static void WriteInfo(Utf8JsonWriter json, ServiceMetadata service)
    {
        json.WriteStartObject("info");
        json.WriteString("title", service.Title);
        json.WriteString("description", service.Abstract);
        json.WriteString("version", "1.0.0");
        json.WriteStartObject("contact");
        if (service.Contact.Organization.Length > 0)
            json.WriteString("name", service.Contact.Organization);
        if (service.Contact.Email.Length > 0)
            json.WriteString("email", service.Contact.Email);
        if (Uri.TryCreate(service.Contact.Url, UriKind.Absolute, out _))
            json.WriteString("url", service.Contact.Url);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteTags(Utf8JsonWriter json)
    {
        json.WriteStartArray("tags");
        foreach (var (name, description) in new[] { ("Capabilities", "Landing page, conformance, API definition and collections"), ("Data", "Features and their queryables") })
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("description", description);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteSimplePath(Utf8JsonWriter json, string path, string tag, string operationId, string summary, string schema, string mediaType)
    {
        json.WriteStartObject(path);
        json.WriteStartObject("get");
        WriteOperationHeader(json, tag, operationId, summary);
        json.WriteStartArray("parameters");
        WriteRef(json, "#/components/parameters/f");
        json.WriteEndArray();
        WriteResponses(json, summary, mediaType, schema, notFound: false, contentCrs: false);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteCollectionPaths(Utf8JsonWriter json, LayerDefinition layer)
    {
        var path = OgcApiEndpoints.CollectionPath(layer.Id);
        var suffix = OperationSuffix(layer.Id);

        json.WriteStartObject(path);
        json.WriteStartObject("get");
        WriteOperationHeader(json, "Capabilities", "describeCollection_" + suffix, $"Description of {layer.Title}");
        json.WriteStartArray("parameters");
        WriteRef(json, "#/components/parameters/f");
        json.WriteEndArray();
        WriteResponses(json, "The collection", OgcApiMediaTypes.Json, "collection", notFound: true, contentCrs: false);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject(path + "/items");
        json.WriteStartObject("get");
        WriteOperationHeader(json, "Data", "getFeatures_" + suffix, $"Features of {layer.Title}");
        json.WriteString("description",
            "Features in a stable order (the sort keys, then the id); follow the next links to walk them all. "
            + (layer.Time is null ? "" : "Without datetime, the versions in force today; with datetime, those in force at that time or during that interval. ")
            + "Queryable properties are query parameters (exact match) and can be used in CQL2 filters.");
        json.WriteStartArray("parameters");
        foreach (var name in new[] { "fItems", "limit", "offset", "bbox", "bbox-crs", "datetime", "crs", "properties", "sortby", "filter", "filter-lang", "filter-crs" })
            WriteRef(json, "#/components/parameters/" + name);
        foreach (var attribute in OgcApiQueryables.QueryParameters(layer))
            WriteQueryableParameter(json, attribute);
        json.WriteEndArray();
        WriteResponses(json, "A page of features", OgcApiMediaTypes.GeoJson, "featureCollectionGeoJSON", notFound: true, contentCrs: true, downloads: true);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject(path + "/items/{featureId}");
        json.WriteStartObject("get");
        WriteOperationHeader(json, "Data", "getFeature_" + suffix, $"One feature of {layer.Title}");
        json.WriteStartArray("parameters");
        foreach (var name in new[] { "featureId", "fFeatures", "crs", "properties" })
            WriteRef(json, "#/components/parameters/" + name);
        json.WriteEndArray();
        WriteResponses(json, "The feature", OgcApiMediaTypes.GeoJson, "featureGeoJSON", notFound: true, contentCrs: true);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject(path + "/queryables");
        json.WriteStartObject("get");
        WriteOperationHeader(json, "Data", "getQueryables_" + suffix, $"Queryable properties of {layer.Title}");
        json.WriteStartArray("parameters");
        WriteRef(json, "#/components/parameters/f");
        json.WriteEndArray();
        WriteResponses(json, "A JSON Schema of the queryable properties", OgcApiMediaTypes.JsonSchema, "queryables", notFound: true, contentCrs: false);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // operationIds must be unique and are often used as identifiers by code generators.
    private static string OperationSuffix(string id) => new(id.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    private static void WriteOperationHeader(Utf8JsonWriter json, string tag, string operationId, string summary)
    {
        json.WriteStartArray("tags");
        json.WriteStringValue(tag);
        json.WriteEndArray();
        json.WriteString("summary", summary);
        json.WriteString("operationId", operationId);
    }

    private static void WriteQueryableParameter(Utf8JsonWriter json, AttributeDefinition attribute)
    {
        json.WriteStartObject();
        json.WriteString("name", attribute.Name);
        json.WriteString("in", "query");
        json.WriteString("description", $"Only features whose '{attribute.Name}' ({attribute.Title ?? attribute.Name}) equals this value.");
        json.WriteBoolean("required", false);
        json.WriteString("style", "form");
        json.WriteBoolean("explode", false);
        json.WriteStartObject("schema");
        var (type, format) = OgcApiQueryables.JsonType(attribute.Type);
        json.WriteString("type", type);
        if (format is not null)
            json.WriteString("format", format);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResponses(Utf8JsonWriter json, string description, string mediaType, string schema, bool notFound, bool contentCrs,
        bool downloads = false)
    {
        json.WriteStartObject("responses");
        json.WriteStartObject("200");
        json.WriteString("description", description);
        if (contentCrs)
        {
            json.WriteStartObject("headers");
            json.WriteStartObject("Content-Crs");
            WriteRefMember(json, "#/components/headers/Content-Crs");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteStartObject("content");
        json.WriteStartObject(mediaType);
        json.WriteStartObject("schema");
        WriteRefMember(json, "#/components/schemas/" + schema);
        json.WriteEndObject();
        json.WriteEndObject();
        // Every resource is also an HTML page (OgcApi/Html); items also download as CSV and FlatGeobuf.
        WriteTextContent(json, OgcApiMediaTypes.Html, format: null);
        if (downloads)
        {
            WriteTextContent(json, OgcApiMediaTypes.Csv, format: null);
            WriteTextContent(json, OgcApiMediaTypes.FlatGeobuf, format: "binary");
        }
        json.WriteEndObject();
        json.WriteEndObject();
        foreach (var (status, name) in new[] { ("400", "InvalidParameter"), ("404", "NotFound"), ("406", "NotAcceptable"), ("500", "ServerError") })
        {
            if (status == "404" && !notFound)
                continue;
            json.WriteStartObject(status);
            WriteRefMember(json, "#/components/responses/" + name);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteTextContent(Utf8JsonWriter json, string mediaType, string? format)
    {
        json.WriteStartObject(mediaType);
        json.WriteStartObject("schema");
        json.WriteString("type", "string");
        if (format is not null)
            json.WriteString("format", format);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRef(Utf8JsonWriter json, string target)
    {
        json.WriteStartObject();
        WriteRefMember(json, target);
        json.WriteEndObject();
    }

    private static void WriteRefMember(Utf8JsonWriter json, string target) => json.WriteString(Ref, target);

    private static void WriteComponents(Utf8JsonWriter json, ServiceLimits limits)
    {
        json.WriteStartObject("components");
        json.WriteStartObject("parameters");
        OpenApiComponents.WriteParameters(json, limits);
        json.WriteEndObject();
        json.WriteStartObject("headers");
        OpenApiComponents.WriteHeaders(json);
        json.WriteEndObject();
        json.WriteStartObject("responses");
        OpenApiComponents.WriteResponses(json);
        json.WriteEndObject();
        json.WriteStartObject("schemas");
        OpenApiComponents.WriteSchemas(json);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
