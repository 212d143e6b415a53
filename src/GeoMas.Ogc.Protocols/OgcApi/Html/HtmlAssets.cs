using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GeoMas.Ogc.Protocols.OgcApi.Html;

/// <summary>
/// <c>GET /assets/{path}</c>: the static files of the HTML pages (Leaflet 1.9.4, the page style and map script),
/// embedded in this assembly so that a fresh checkout serves them without npm, a CDN or a web root on disk
/// (the server's content root differs between <c>dotnet run</c>, the tests and an installed build).
/// Cached by browsers for a day; unknown path → 404.
/// </summary>
public static class HtmlAssets
{
    public const string PathPrefix = "/assets/";
    private const string ResourcePrefix = "GeoMas.Assets/";

    private static readonly ConcurrentDictionary<string, byte[]?> Cache = new(StringComparer.Ordinal);
    private static readonly Assembly Assembly = typeof(HtmlAssets).Assembly;

    public static IEndpointRouteBuilder MapHtmlAssets(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapMethods(PathPrefix + "{**path}", [HttpMethods.Get, HttpMethods.Head],
            (HttpContext context, string path) => ServeAsync(context, path)).WithName("HtmlAssets");
        return endpoints;
    }

    /// <summary>The bytes of an asset ("leaflet/leaflet.js"), or null when there is none.</summary>
    public static byte[]? Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Cache.GetOrAdd(path, static p =>
        {
            if (p.Contains("..", StringComparison.Ordinal))
                return null;
            using var stream = Assembly.GetManifestResourceStream(ResourcePrefix + p);
            if (stream is null)
                return null;
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        });
    }

    public static string ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".png" => "image/png",
        ".svg" => "image/svg+xml",
        _ => "text/plain; charset=utf-8",
    };

    private static async Task ServeAsync(HttpContext context, string path)
    {
        var bytes = Find(path);
        var response = context.Response;
        if (bytes is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        response.ContentType = ContentTypeOf(path);
        response.ContentLength = bytes.Length;
        response.Headers.CacheControl = "public, max-age=86400";
        if (HttpMethods.IsHead(context.Request.Method))
            return;
        await response.Body.WriteAsync(bytes, context.RequestAborted);
    }
}
