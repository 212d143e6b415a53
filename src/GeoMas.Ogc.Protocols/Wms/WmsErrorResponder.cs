using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>
/// The one place WMS errors are written. Request errors keep HTTP 200 (WMS defines no status mapping; the CTL
/// suite and legacy clients expect 200, WMS-E5/TRAP-12); overload answers 503 with Retry-After and internal
/// failures 500, both still with a ServiceExceptionReport body.
/// </summary>
public static class WmsErrorResponder
{
    public static async Task WriteAsync(HttpContext context, WmsVersion version, ServiceException error, WmsImageErrorTarget? image = null)
    {
        var response = context.Response;
        if (response.HasStarted)
            return; // Headers are gone: nothing consistent can be sent any more; the connection is cut by the caller.
        response.Clear();
        response.StatusCode = error.Kind switch
        {
            ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
            ErrorKind.Internal => StatusCodes.Status500InternalServerError,
            _ => StatusCodes.Status200OK,
        };
        if (error.Kind == ErrorKind.Unavailable)
            response.Headers.RetryAfter = "5";
        response.Headers.CacheControl = "no-store";

        if (image is not null && image.Mode != WmsExceptionFormat.Xml)
        {
            response.ContentType = image.Format.ContentType;
            var renderer = context.RequestServices.GetRequiredService<IMapRenderer>();
            // Error images are at most MaxWidth×MaxHeight and drawn synchronously by the renderer: buffer, then copy.
            using var buffer = new MemoryStream();
            renderer.RenderMessage(image.Width, image.Height, image.Format, image.Transparent && image.Format.SupportsTransparency, image.Background,
                image.Mode == WmsExceptionFormat.InImage ? $"{error.Code}: {error.Message}" : null, buffer);
            buffer.Position = 0;
            await buffer.CopyToAsync(response.Body, context.RequestAborted);
            return;
        }

        if (version == WmsVersion.V130)
        {
            response.ContentType = WmsExceptionWriter130.ContentType;
            await WmsExceptionWriter130.WriteAsync(response.Body, error);
        }
        else
        {
            response.ContentType = WmsExceptionWriter111.ContentType;
            await WmsExceptionWriter111.WriteAsync(response.Body, error);
        }
    }
}
