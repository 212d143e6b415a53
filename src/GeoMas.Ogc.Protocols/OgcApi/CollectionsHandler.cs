using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary><c>GET /collections</c> and <c>GET /collections/{collectionId}</c> (OAF-4..6).</summary>
public static class CollectionsHandler
{
    public static Task HandleListAsync(HttpContext context)
    {
        OgcApiQuery.OnlyFormat(context.Request.Query);
        var representation = OgcApiContentNegotiation.Select(context.Request, OgcApiRepresentation.JsonResources);
        var services = new OgcApiServices(context);
        var links = OgcApiLinks.SelfAndAlternates(services.Url(OgcApiEndpoints.CollectionsPath), context.Request.Query,
            OgcApiRepresentation.JsonResources, representation, "Feature collections").ToList();
        if (representation.IsHtml)
            return Html.CollectionsHtmlPage.WriteListAsync(context, services, links);
        return OgcApiJson.WriteAsync(context, representation.MediaType, json =>
        {
            json.WriteStartObject();
            OgcApiLink.WriteArray(json, links);
            json.WriteStartArray("collections");
            foreach (var layer in services.Collections)
            {
                var url = services.Url(OgcApiEndpoints.CollectionPath(layer.Id));
                CollectionWriter.Write(json, layer, services,
                    [new OgcApiLink(url + "?f=json", "self", OgcApiMediaTypes.Json, layer.Title)]);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    public static Task HandleOneAsync(HttpContext context, string collectionId)
    {
        var services = new OgcApiServices(context);
        var layer = services.Collection(collectionId);
        OgcApiQuery.OnlyFormat(context.Request.Query);
        var representation = OgcApiContentNegotiation.Select(context.Request, OgcApiRepresentation.JsonResources);
        var links = OgcApiLinks.SelfAndAlternates(services.Url(OgcApiEndpoints.CollectionPath(layer.Id)), context.Request.Query,
                OgcApiRepresentation.JsonResources, representation, layer.Title)
            .ToList();
        if (representation.IsHtml)
            return Html.CollectionsHtmlPage.WriteOneAsync(context, services, layer, links);
        return OgcApiJson.WriteAsync(context, representation.MediaType, json => CollectionWriter.Write(json, layer, services, links));
    }
}
