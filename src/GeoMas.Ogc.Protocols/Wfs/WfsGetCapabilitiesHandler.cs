using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Protocols.Ows;
using GeoMas.Ogc.Protocols.Wms;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>
/// GetCapabilities in 2.0.0 or 1.1.0. The first request for a (snapshot, version, sections, base URL) streams the XML
/// as it is written and keeps a copy (<see cref="WfsCapabilitiesCache"/>); later ones get the bytes.
/// </summary>
public static class WfsGetCapabilitiesHandler
{
    public static async Task HandleAsync(HttpContext context, WfsCapabilitiesRequest request, CatalogSnapshot snapshot, CrsRegistry crs)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var response = context.Response;
        response.ContentType = request.Version == WfsVersion.V110 ? WfsCapabilities110Writer.ContentType : WfsCapabilities20Writer.ContentType;
        var baseUrl = PublicBaseUrl.Resolve(context.Request, snapshot.Service);
        var capabilities = new WfsCapabilitiesContext(snapshot, crs, baseUrl, request);
        if (request.UpToDate)
        {
            await WriteAsync(capabilities, response.Body, context.RequestAborted);
            return;
        }
        if (WfsCapabilitiesCache.TryGet(snapshot, request.Version, request.Sections, baseUrl) is { } cached)
        {
            response.ContentLength = cached.Length;
            await response.Body.WriteAsync(cached, context.RequestAborted);
            return;
        }
        var capture = new CapturingStream(response.Body);
        await WriteAsync(capabilities, capture, context.RequestAborted);
        // Only a document written to the end is kept (a cancelled write throws before this line).
        WfsCapabilitiesCache.Add(snapshot, request.Version, request.Sections, baseUrl, capture.ToArray());
    }

    private static Task WriteAsync(WfsCapabilitiesContext capabilities, Stream output, CancellationToken cancellationToken) =>
        capabilities.Request.Version == WfsVersion.V110
            ? new WfsCapabilities110Writer(capabilities).WriteAsync(output, cancellationToken)
            : new WfsCapabilities20Writer(capabilities).WriteAsync(output, cancellationToken);
}
