using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>
/// Writes a small JSON resource (landing page, collections, OpenAPI…): built in memory first, so a failure while
/// building still becomes a clean JSON error, then handed to the response body asynchronously (ASP.NET Core
/// forbids synchronous I/O on the body). Feature collections stream instead (ItemsHandler).
/// </summary>
public static class OgcApiJson
{
    /// <summary>
    /// Non-ASCII text (French titles) is written as UTF-8, not \u escapes. Relaxed escaping is safe here: these are
    /// application/json bodies, never embedded in HTML.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext context, string contentType, Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(8 * 1024);
        await using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            body(json);
        }
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = buffer.WrittenCount;
        await response.BodyWriter.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }
}
