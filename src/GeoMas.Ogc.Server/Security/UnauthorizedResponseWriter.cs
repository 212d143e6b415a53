using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Server.Security;

/// <summary>
/// The body of a 401, in the error form of the protocol the client speaks: an OGC ServiceExceptionReport for WMS,
/// an OWS ExceptionReport for WMTS and WFS, the OGC API exception JSON elsewhere. The scheme's handler has already
/// set the status and WWW-Authenticate.
/// </summary>
public static class UnauthorizedResponseWriter
{
    public static async Task WriteAsync(HttpContext context, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (response.HasStarted)
            return;
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.CacheControl = "no-store";
        var path = context.Request.Path;
        if (path.StartsWithSegments("/wms", StringComparison.OrdinalIgnoreCase))
        {
            await WriteXmlAsync(response, "ServiceExceptionReport", "http://www.opengis.net/ogc", "ServiceException", message, "1.3.0").ConfigureAwait(false);
        }
        else if (path.StartsWithSegments("/wmts", StringComparison.OrdinalIgnoreCase))
        {
            await WriteXmlAsync(response, "ExceptionReport", "http://www.opengis.net/ows/1.1", "Exception", message, "1.0.0").ConfigureAwait(false);
        }
        else if (path.StartsWithSegments("/wfs", StringComparison.OrdinalIgnoreCase))
        {
            await WriteXmlAsync(response, "ExceptionReport", "http://www.opengis.net/ows/1.1", "Exception", message, "2.0.0").ConfigureAwait(false);
        }
        else
        {
            response.ContentType = "application/json";
            await using var json = new Utf8JsonWriter(response.Body);
            json.WriteStartObject();
            json.WriteString("code", "Unauthorized");
            json.WriteString("description", message);
            json.WriteEndObject();
            await json.FlushAsync().ConfigureAwait(false);
        }
    }

    private static async Task WriteXmlAsync(HttpResponse response, string root, string ns, string element, string message, string version)
    {
        response.ContentType = "application/xml; charset=utf-8";
        var settings = new XmlWriterSettings { Async = true, Encoding = new System.Text.UTF8Encoding(false) };
        await using var xml = XmlWriter.Create(response.Body, settings);
        await xml.WriteStartDocumentAsync().ConfigureAwait(false);
        await xml.WriteStartElementAsync(null, root, ns).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "version", null, version).ConfigureAwait(false);
        await xml.WriteStartElementAsync(null, element, ns).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, element == "Exception" ? "exceptionCode" : "code", null, "NoApplicableCode").ConfigureAwait(false);
        if (element == "Exception")
        {
            await xml.WriteStartElementAsync(null, "ExceptionText", ns).ConfigureAwait(false);
            await xml.WriteStringAsync(message).ConfigureAwait(false);
            await xml.WriteEndElementAsync().ConfigureAwait(false);
        }
        else
        {
            await xml.WriteStringAsync(message).ConfigureAwait(false);
        }
        await xml.WriteEndElementAsync().ConfigureAwait(false);
        await xml.WriteEndElementAsync().ConfigureAwait(false);
        await xml.WriteEndDocumentAsync().ConfigureAwait(false);
        await xml.FlushAsync().ConfigureAwait(false);
    }
}
