using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>
/// <c>GET /collections/{id}/queryables</c> (OAF-F2): a JSON Schema 2020-12 document, <c>$id</c> = the URI without query,
/// one property per queryable (geometry by <c>format</c> only), <c>additionalProperties: false</c>.
/// </summary>
public static class QueryablesHandler
{
    public static Task HandleAsync(HttpContext context, string collectionId)
    {
        var services = new OgcApiServices(context);
        var layer = services.Collection(collectionId);
        OgcApiQuery.OnlyFormat(context.Request.Query);
        var representation = OgcApiContentNegotiation.Select(context.Request, OgcApiRepresentation.Queryables);
        if (representation.IsHtml)
            return Html.QueryablesHtmlPage.WriteAsync(context, services, layer);
        var id = services.Url(OgcApiEndpoints.CollectionPath(layer.Id) + "/queryables");
        return OgcApiJson.WriteAsync(context, representation.MediaType, json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
            json.WriteString("$id", id);
            json.WriteString("type", "object");
            json.WriteString("title", layer.Title);
            json.WriteStartObject("properties");
            foreach (var queryable in OgcApiQueryables.For(layer))
            {
                json.WriteStartObject(queryable.Name);
                if (queryable.Attribute is { } attribute)
                {
                    json.WriteString("title", attribute.Title ?? attribute.Name);
                    var (type, format) = OgcApiQueryables.JsonType(attribute.Type);
                    json.WriteString("type", type);
                    if (format is not null)
                        json.WriteString("format", format);
                    if (attribute.Name == layer.IdColumn)
                        json.WriteString("x-ogc-role", "id");
                }
                else
                {
                    json.WriteString("title", "Geometry");
                    json.WriteString("format", OgcApiQueryables.GeometryFormat(layer.GeometryKind));
                    json.WriteString("x-ogc-role", "primary-geometry");
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteBoolean("additionalProperties", false);
            json.WriteEndObject();
        });
    }
}
