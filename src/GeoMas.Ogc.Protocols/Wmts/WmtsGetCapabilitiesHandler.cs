using GeoMas.Ogc.Protocols.Ows;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.Wmts;

/// <summary>GetCapabilities over KVP and REST: one document, streamed; HEAD sends the headers only.</summary>
public static class WmtsGetCapabilitiesHandler
{
    public static async Task HandleAsync(HttpContext context, WmtsServices services, WmtsCapabilitiesRequest request, bool headOnly)
    {
        var baseUrl = PublicBaseUrl.Resolve(context.Request, services.Snapshot.Service);
        var response = context.Response;
        response.ContentType = WmtsCapabilitiesWriter.ContentType;
        if (headOnly)
            return;
        await new WmtsCapabilitiesWriter(services.Contents, services.Legends, baseUrl, request).WriteAsync(response.Body, context.RequestAborted);
    }
}
