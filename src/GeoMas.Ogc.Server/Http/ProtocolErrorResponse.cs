using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Server.Http;

/// <summary>
/// An error answered before routing (401 from authentication, 429 from the rate limiter), its body in the error form
/// of the protocol the path names: an OGC ServiceExceptionReport for /wms, an OWS ExceptionReport for /wmts and
/// /wfs, the OGC API exception JSON elsewhere (tiles included: map clients only read the status).
/// </summary>
public static class ProtocolErrorResponse
{
    /// <param name="jsonCode">The OGC API exception's <c>code</c> ("Unauthorized", "TooManyRequests").</param>
    public static async Task WriteAsync(HttpContext context, int status, string jsonCode, string message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (response.HasStarted)
            return;
        response.StatusCode = status;
        response.Headers.CacheControl = "no-store";
        var path = context.Request.Path;
        if (path.StartsWithSegments("/wms", StringComparison.OrdinalIgnoreCase))
            await WriteXmlAsync(response, ows: false, "1.3.0", message, cancellationToken).ConfigureAwait(false);
        else if (path.StartsWithSegments("/wmts", StringComparison.OrdinalIgnoreCase))
            await WriteXmlAsync(response, ows: true, "1.0.0", message, cancellationToken).ConfigureAwait(false);
        else if (path.StartsWithSegments("/wfs", StringComparison.OrdinalIgnoreCase))
            await WriteXmlAsync(response, ows: true, "2.0.0", message, cancellationToken).ConfigureAwait(false);
        else
            await WriteJsonAsync(response, jsonCode, message, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteJsonAsync(HttpResponse response, string code, string message, CancellationToken cancellationToken)
    {
        response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(response.Body);
        json.WriteStartObject();
        json.WriteString("code", code);
        json.WriteString("description", message);
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteXmlAsync(HttpResponse response, bool ows, string version, string message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        response.ContentType = "application/xml; charset=utf-8";
        var ns = ows ? "http://www.opengis.net/ows/1.1" : "http://www.opengis.net/ogc";
        var settings = new XmlWriterSettings { Async = true, Encoding = new System.Text.UTF8Encoding(false) };
        await using var xml = XmlWriter.Create(response.Body, settings);
        await xml.WriteStartDocumentAsync().ConfigureAwait(false);
        await xml.WriteStartElementAsync(null, ows ? "ExceptionReport" : "ServiceExceptionReport", ns).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "version", null, version).ConfigureAwait(false);
        if (ows)
        {
            await xml.WriteStartElementAsync(null, "Exception", ns).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "exceptionCode", null, "NoApplicableCode").ConfigureAwait(false);
            await xml.WriteElementStringAsync(null, "ExceptionText", ns, message).ConfigureAwait(false);
        }
        else
        {
            await xml.WriteStartElementAsync(null, "ServiceException", ns).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "code", null, "NoApplicableCode").ConfigureAwait(false);
            await xml.WriteStringAsync(message).ConfigureAwait(false);
        }
        await xml.WriteEndElementAsync().ConfigureAwait(false);
        await xml.WriteEndElementAsync().ConfigureAwait(false);
        await xml.WriteEndDocumentAsync().ConfigureAwait(false);
        await xml.FlushAsync().ConfigureAwait(false);
    }
}
