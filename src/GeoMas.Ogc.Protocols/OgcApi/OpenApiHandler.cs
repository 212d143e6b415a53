using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary><c>GET /api</c>: the OpenAPI 3.0 definition generated from the catalog (OAF-2).</summary>
public static class OpenApiHandler
{
    public static Task HandleAsync(HttpContext context)
    {
        OgcApiQuery.OnlyFormat(context.Request.Query);
        var representation = OgcApiContentNegotiation.Select(context.Request, OgcApiRepresentation.OpenApi);
        var services = new OgcApiServices(context);
        if (representation.IsHtml)
            return Html.ApiHtmlPage.WriteAsync(context, services);
        return OgcApiJson.WriteAsync(context, representation.MediaType, json => OpenApiDocumentWriter.Write(json, services));
    }
}
