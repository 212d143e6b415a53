using System.Text.Json;
using GeoMas.Ogc.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.Xyz;

/// <summary>
/// Writes XYZ and TileJSON errors as a small JSON document <c>{"code": …, "description": …}</c> (the OGC API
/// exception shape) with the status of the error kind. Tile clients only look at the status; people read the text.
/// </summary>
public static class XyzErrorWriter
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.InvalidParameter or ErrorKind.MissingParameter or ErrorKind.LimitExceeded => StatusCodes.Status400BadRequest,
        ErrorKind.OperationNotSupported => StatusCodes.Status501NotImplemented,
        ErrorKind.NotAcceptable => StatusCodes.Status406NotAcceptable,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static async Task WriteAsync(HttpContext context, ServiceException error, bool headOnly)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return;
        }

        response.Clear();
        response.StatusCode = StatusOf(error.Kind);
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.CacheControl = XyzCacheControl.Error;
        if (error.Kind == ErrorKind.Unavailable)
        {
            // Overload, not failure: tile clients retry the tile later.
            response.Headers.RetryAfter = "1";
        }

        response.ContentType = "application/json; charset=utf-8";
        if (headOnly)
        {
            return;
        }

        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteString("code", error.Code);
        writer.WriteString("description", error.Message);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
