using System.Text.Json;
using GeoMas.Ogc.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>
/// The one place OGC API failures are written (TRAP-12, OAF-14): the exception schema of Part 1
/// (<c>{"code","description"}</c>, application/json) with 400 for bad input, 404, 406, 503 or 500.
/// </summary>
public static class OgcApiErrorWriter
{
    public static int StatusOf(ServiceException error) => error.Kind switch
    {
        ErrorKind.InvalidParameter or ErrorKind.MissingParameter or ErrorKind.LimitExceeded or ErrorKind.OperationNotSupported
            => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.NotAcceptable => StatusCodes.Status406NotAcceptable,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static Task WriteAsync(HttpContext context, ServiceException error)
    {
        var status = StatusOf(error);
        // Overload (a full render gate) and upstream outages pass: tell clients when to come back, as WMS/WMTS/WFS do.
        if (status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = "5";
        // A 400 names the offending parameter when the message does not already.
        var description = status == StatusCodes.Status400BadRequest && error.Locator is { Length: > 0 } locator
                          && !error.Message.Contains(locator, StringComparison.Ordinal)
            ? $"{error.Message} (parameter '{locator}')"
            : error.Message;
        return WriteAsync(context, status, error.Code, description);
    }

    public static async Task WriteAsync(HttpContext context, int status, string code, string description)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = OgcApiMediaTypes.Json;
        response.Headers.CacheControl = "no-store";
        await using (var json = new Utf8JsonWriter(response.BodyWriter, OgcApiJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("code", code);
            json.WriteString("description", description);
            json.WriteEndObject();
        }
        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    public static ServiceException NotFound(string what, string locator) =>
        new(ErrorKind.NotFound, "NotFound", what, locator);
}
