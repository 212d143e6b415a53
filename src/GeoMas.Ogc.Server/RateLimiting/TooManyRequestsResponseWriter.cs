using System.Globalization;
using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Server.RateLimiting;

/// <summary>
/// A 429 with Retry-After, its body in the error form of the protocol the path names: a WMS ServiceExceptionReport,
/// an OWS ExceptionReport for WMTS and WFS, the OGC API exception JSON elsewhere (tiles included: map clients only
/// read the status).
/// </summary>
public static class TooManyRequestsResponseWriter
{
    public static async Task WriteAsync(HttpContext context, int retryAfterSeconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (response.HasStarted)
            return;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        var message = string.Create(CultureInfo.InvariantCulture, $"Too many requests: rate limit exceeded, retry in {retryAfterSeconds} s.");
        var path = context.Request.Path;
        if (path.StartsWithSegments("/wms", StringComparison.OrdinalIgnoreCase))
            await WriteXmlAsync(response, "ServiceExceptionReport", "http://www.opengis.net/ogc", "1.3.0", message, cancellationToken).ConfigureAwait(false);
        else if (path.StartsWithSegments("/wmts", StringComparison.OrdinalIgnoreCase))
            await WriteXmlAsync(response, "ExceptionReport", "http://www.opengis.net/ows/1.1", "1.0.0", message, cancellationToken).ConfigureAwait(false);
        else if (path.StartsWithSegments("/wfs", StringComparison.OrdinalIgnoreCase))
            await WriteXmlAsync(response, "ExceptionReport", "http://www.opengis.net/ows/1.1", "2.0.0", message, cancellationToken).ConfigureAwait(false);
        else
            await WriteJsonAsync(response, message, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteJsonAsync(HttpResponse response, string message, CancellationToken cancellationToken)
    {
        response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(response.Body);
        json.WriteStartObject();
        json.WriteString("code", "TooManyRequests");
        json.WriteString("description", message);
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteXmlAsync(HttpResponse response, string root, string ns, string version, string message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        response.ContentType = "application/xml; charset=utf-8";
        var settings = new XmlWriterSettings { Async = true, Encoding = new System.Text.UTF8Encoding(false) };
        var ows = root == "ExceptionReport";
        await using var xml = XmlWriter.Create(response.Body, settings);
        await xml.WriteStartDocumentAsync().ConfigureAwait(false);
        await xml.WriteStartElementAsync(null, root, ns).ConfigureAwait(false);
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
            await xml.WriteStringAsync(message).ConfigureAwait(false);
        }
        await xml.WriteEndElementAsync().ConfigureAwait(false);
        await xml.WriteEndElementAsync().ConfigureAwait(false);
        await xml.WriteEndDocumentAsync().ConfigureAwait(false);
        await xml.FlushAsync().ConfigureAwait(false);
    }
}
