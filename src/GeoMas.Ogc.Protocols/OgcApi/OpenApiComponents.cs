using System.Text.Json;
using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>
/// The reusable parts of the OpenAPI document: parameters (the forms the ETS checks, OAF-P1/P2/P4, Part 2 crs and
/// bbox-crs), the Content-Crs header, error responses and the response schemas (after the Part 1 1.0.1 fragments).
/// The static ones are JSON text written raw; the limit parameter carries the configured maximum.
/// </summary>
internal static class OpenApiComponents
{
    public static void WriteParameters(Utf8JsonWriter json, ServiceLimits limits)
    {
        Raw(json, "f", """{"name":"f","in":"query","description":"Output format (overrides the Accept header): json or html.","required":false,"style":"form","explode":false,"schema":{"type":"string","enum":["json","html"]}}""");
        Raw(json, "fFeatures", """{"name":"f","in":"query","description":"Output format (overrides the Accept header): geojson (application/geo+json), json (application/json) or html (text/html).","required":false,"style":"form","explode":false,"schema":{"type":"string","enum":["geojson","json","html"]}}""");
        Raw(json, "fItems", """{"name":"f","in":"query","description":"Output format (overrides the Accept header): geojson (application/geo+json), json (application/json), html (text/html), or a download of the whole selection when no limit is given: csv (text/csv, geometry as WKT) or fgb (application/flatgeobuf).","required":false,"style":"form","explode":false,"schema":{"type":"string","enum":["geojson","json","html","csv","fgb"]}}""");

        json.WriteStartObject("limit");
        json.WriteString("name", "limit");
        json.WriteString("in", "query");
        json.WriteString("description", "Most features in the page; values above the maximum are reduced to it.");
        json.WriteBoolean("required", false);
        json.WriteString("style", "form");
        json.WriteBoolean("explode", false);
        json.WriteStartObject("schema");
        json.WriteString("type", "integer");
        json.WriteNumber("minimum", 1);
        json.WriteNumber("maximum", limits.MaxFeaturesPerPage);
        json.WriteNumber("default", Math.Min(limits.DefaultFeaturesPerPage, limits.MaxFeaturesPerPage));
        json.WriteEndObject();
        json.WriteEndObject();

        Raw(json, "offset", """{"name":"offset","in":"query","description":"Features to skip before the page (the next and prev links set it).","required":false,"style":"form","explode":false,"schema":{"type":"integer","minimum":0,"default":0}}""");
        Raw(json, "bbox", """{"name":"bbox","in":"query","description":"Only features intersecting this box: minx,miny,maxx,maxy (or 6 numbers with heights) in bbox-crs (CRS84 lon/lat by default). A box with minx > maxx crosses the antimeridian.","required":false,"style":"form","explode":false,"schema":{"type":"array","minItems":4,"maxItems":6,"items":{"type":"number"}}}""");
        Raw(json, "bbox-crs", """{"name":"bbox-crs","in":"query","description":"CRS of bbox, one of the collection's crs list (axis order of that CRS).","required":false,"style":"form","explode":false,"schema":{"type":"string","format":"uri"}}""");
        Raw(json, "datetime", """{"name":"datetime","in":"query","description":"An RFC 3339 instant or an interval start/end (.. or empty for an open end; end may be a duration). Collections without time ignore it.","required":false,"style":"form","explode":false,"schema":{"type":"string"}}""");
        Raw(json, "crs", """{"name":"crs","in":"query","description":"CRS of the returned coordinates, one of the collection's crs list (CRS84 by default).","required":false,"style":"form","explode":false,"schema":{"type":"string","format":"uri"}}""");
        Raw(json, "properties", """{"name":"properties","in":"query","description":"Properties to return, comma-separated (empty: none).","required":false,"style":"form","explode":false,"schema":{"type":"array","items":{"type":"string"}}}""");
        Raw(json, "sortby", """{"name":"sortby","in":"query","description":"Sort keys, comma-separated, each prefixed + (ascending, default) or - (descending). The id always closes the order.","required":false,"style":"form","explode":false,"schema":{"type":"array","minItems":1,"items":{"type":"string","pattern":"^[+-]?[A-Za-z_][A-Za-z0-9_.:-]*$"}}}""");
        Raw(json, "filter", """{"name":"filter","in":"query","description":"A CQL2 filter on the queryables (see /collections/{collectionId}/queryables), in filter-lang.","required":false,"style":"form","explode":false,"schema":{"type":"string"}}""");
        Raw(json, "filter-lang", """{"name":"filter-lang","in":"query","description":"Language of filter.","required":false,"style":"form","explode":false,"schema":{"type":"string","enum":["cql2-text","cql2-json"],"default":"cql2-text"}}""");
        Raw(json, "filter-crs", """{"name":"filter-crs","in":"query","description":"CRS of the geometry literals of filter, one of the collection's crs list (CRS84 by default).","required":false,"style":"form","explode":false,"schema":{"type":"string","format":"uri-reference"}}""");
        Raw(json, "featureId", """{"name":"featureId","in":"path","description":"Local identifier of a feature.","required":true,"schema":{"type":"string"}}""");
    }

    public static void WriteHeaders(Utf8JsonWriter json) =>
        Raw(json, "Content-Crs", """{"description":"CRS of the coordinates in the body, as a URI in angle brackets.","schema":{"type":"string","format":"uri"}}""");

    public static void WriteResponses(Utf8JsonWriter json)
    {
        foreach (var (name, description) in new[]
                 {
                     ("InvalidParameter", "A query parameter is unknown or has an invalid value."),
                     ("NotFound", "The collection or feature does not exist."),
                     ("NotAcceptable", "None of the requested media types (Accept, f) is available."),
                     ("ServerError", "A server error occurred."),
                 })
        {
            json.WriteStartObject(name);
            json.WriteString("description", description);
            json.WriteStartObject("content");
            json.WriteStartObject(OgcApiMediaTypes.Json);
            json.WritePropertyName("schema");
            json.WriteRawValue("""{"$ref":"#/components/schemas/exception"}""");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }
    }

    public static void WriteSchemas(Utf8JsonWriter json)
    {
        Raw(json, "exception", """{"type":"object","required":["code"],"properties":{"code":{"type":"string"},"description":{"type":"string"}}}""");
        Raw(json, "link", """{"type":"object","required":["href","rel"],"properties":{"href":{"type":"string"},"rel":{"type":"string"},"type":{"type":"string"},"hreflang":{"type":"string"},"title":{"type":"string"},"length":{"type":"integer"}}}""");
        Raw(json, "links", """{"type":"array","items":{"$ref":"#/components/schemas/link"}}""");
        Raw(json, "landingPage", """{"type":"object","required":["links"],"properties":{"title":{"type":"string"},"description":{"type":"string"},"links":{"$ref":"#/components/schemas/links"}}}""");
        Raw(json, "confClasses", """{"type":"object","required":["conformsTo"],"properties":{"conformsTo":{"type":"array","items":{"type":"string"}}}}""");
        Raw(json, "openApiDocument", """{"type":"object","required":["openapi","info","paths"],"properties":{"openapi":{"type":"string"}}}""");
        Raw(json, "extent", """{"type":"object","properties":{"spatial":{"type":"object","properties":{"bbox":{"type":"array","minItems":1,"items":{"type":"array","minItems":4,"maxItems":6,"items":{"type":"number"}}},"crs":{"type":"string"}}},"temporal":{"type":"object","properties":{"interval":{"type":"array","minItems":1,"items":{"type":"array","minItems":2,"maxItems":2,"items":{"type":"string","format":"date-time","nullable":true}}},"trs":{"type":"string"}}}}}""");
        Raw(json, "collection", """{"type":"object","required":["id","links"],"properties":{"id":{"type":"string"},"title":{"type":"string"},"description":{"type":"string"},"keywords":{"type":"array","items":{"type":"string"}},"links":{"$ref":"#/components/schemas/links"},"extent":{"$ref":"#/components/schemas/extent"},"itemType":{"type":"string","default":"feature"},"crs":{"type":"array","items":{"type":"string"}},"storageCrs":{"type":"string","format":"uri"}}}""");
        Raw(json, "collections", """{"type":"object","required":["links","collections"],"properties":{"links":{"$ref":"#/components/schemas/links"},"collections":{"type":"array","items":{"$ref":"#/components/schemas/collection"}}}}""");
        Raw(json, "geometryGeoJSON", """{"type":"object","nullable":true,"required":["type"],"properties":{"type":{"type":"string","enum":["Point","MultiPoint","LineString","MultiLineString","Polygon","MultiPolygon","GeometryCollection"]},"coordinates":{"type":"array","items":{}},"geometries":{"type":"array","items":{"$ref":"#/components/schemas/geometryGeoJSON"}}}}""");
        Raw(json, "featureGeoJSON", """{"type":"object","required":["type","geometry","properties"],"properties":{"type":{"type":"string","enum":["Feature"]},"id":{"oneOf":[{"type":"string"},{"type":"integer"}]},"geometry":{"$ref":"#/components/schemas/geometryGeoJSON"},"properties":{"type":"object","nullable":true},"links":{"$ref":"#/components/schemas/links"}}}""");
        Raw(json, "featureCollectionGeoJSON", """{"type":"object","required":["type","features"],"properties":{"type":{"type":"string","enum":["FeatureCollection"]},"features":{"type":"array","items":{"$ref":"#/components/schemas/featureGeoJSON"}},"links":{"$ref":"#/components/schemas/links"},"timeStamp":{"type":"string","format":"date-time"},"numberMatched":{"type":"integer","minimum":0},"numberReturned":{"type":"integer","minimum":0}}}""");
        Raw(json, "queryables", """{"type":"object","required":["type","properties"],"properties":{"$schema":{"type":"string"},"$id":{"type":"string"},"type":{"type":"string","enum":["object"]},"title":{"type":"string"},"properties":{"type":"object","additionalProperties":{"type":"object"}},"additionalProperties":{"type":"boolean"}}}""");
    }

    private static void Raw(Utf8JsonWriter json, string name, string rawJson)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(rawJson);
    }
}
