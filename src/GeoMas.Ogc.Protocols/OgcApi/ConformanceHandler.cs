using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary><c>GET /conformance</c>: <c>{"conformsTo":[…]}</c> (OAF-3).</summary>
public static class ConformanceHandler
{
    public static Task HandleAsync(HttpContext context)
    {
        OgcApiQuery.OnlyFormat(context.Request.Query);
        var representation = OgcApiContentNegotiation.Select(context.Request, OgcApiRepresentation.JsonResources);
        var services = new OgcApiServices(context);
        var links = OgcApiLinks.SelfAndAlternates(services.Url(OgcApiEndpoints.ConformancePath), context.Request.Query,
            OgcApiRepresentation.JsonResources, representation, "Conformance classes").ToList();
        if (representation.IsHtml)
            return Html.ConformanceHtmlPage.WriteAsync(context, services, links);
        return OgcApiJson.WriteAsync(context, representation.MediaType, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("conformsTo");
            foreach (var uri in OgcApiConformance.Classes)
                json.WriteStringValue(uri);
            json.WriteEndArray();
            OgcApiLink.WriteArray(json, links);
            json.WriteEndObject();
        });
    }
}
