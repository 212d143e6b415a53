using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary><c>GET /</c>: title, description and the links a client starts from (OAF-1, OAF-2).</summary>
public static class LandingPageHandler
{
    public static Task HandleAsync(HttpContext context)
    {
        OgcApiQuery.OnlyFormat(context.Request.Query);
        var representation = OgcApiContentNegotiation.Select(context.Request, OgcApiRepresentation.JsonResources);
        var services = new OgcApiServices(context);
        var service = services.Snapshot.Service;
        var links = OgcApiLinks.SelfAndAlternates(services.Url("/"), context.Request.Query, OgcApiRepresentation.JsonResources, representation, "This document")
            .Append(new OgcApiLink(services.Url(OgcApiEndpoints.ApiPath), "service-desc", OgcApiMediaTypes.OpenApi30, "The API definition (OpenAPI 3.0)"))
            .Append(new OgcApiLink(services.Url(OgcApiEndpoints.ApiPath) + "?f=html", "service-doc", OgcApiMediaTypes.Html, "The API documentation"))
            .Append(new OgcApiLink(services.Url(OgcApiEndpoints.ConformancePath), "conformance", OgcApiMediaTypes.Json, "Conformance classes implemented by this server"))
            .Append(new OgcApiLink(services.Url(OgcApiEndpoints.CollectionsPath), "data", OgcApiMediaTypes.Json, "Feature collections"))
            .Concat(Tiles.OgcApiTilesLinks.ForLandingPage(services))
            .Concat(Maps.OgcApiMapsLinks.ForLandingPage(services));

        if (representation.IsHtml)
            return Html.LandingHtmlPage.WriteAsync(context, services, links.ToList());
        return OgcApiJson.WriteAsync(context, representation.MediaType, json =>
        {
            json.WriteStartObject();
            json.WriteString("title", service.Title);
            json.WriteString("description", service.Abstract);
            OgcApiLink.WriteArray(json, links);
            json.WriteEndObject();
        });
    }
}
