using GeoMas.Ogc.Core.Tiling;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace GeoMas.Ogc.Protocols.Xyz;

/// <summary>
/// Sends one tile from <see cref="ITileService"/>: strong ETag, <c>If-None-Match</c> → 304 (Leaflet and browsers
/// revalidate after max-age), Cache-Control from the layer's cache policy, CORS for every origin (Geotrek-rando's
/// offline and 3D modes read tile bytes from script).
/// </summary>
public static class XyzTileHandler
{
    public static async Task HandleAsync(HttpContext context, TileRequest request, ITileService tiles, bool headOnly)
    {
        var tile = await tiles.GetTileAsync(request, context.RequestAborted);
        var response = context.Response;
        var etag = Quote(tile.ETag);
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.ETag = etag;
        response.Headers.CacheControl = XyzCacheControl.ForTile(request.Layer);
        if (Matches(context.Request.Headers.IfNoneMatch, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = tile.ContentType;
        response.ContentLength = tile.Bytes.Length;
        if (headOnly)
        {
            return;
        }

        await response.Body.WriteAsync(tile.Bytes, context.RequestAborted);
    }

    /// <summary>RFC 9110 §13.1.2: If-None-Match uses the weak comparison; <c>*</c> matches any current tile.</summary>
    public static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParse(etag, out var current))
        {
            return false;
        }

        return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var candidates)
            && candidates.Any(candidate => candidate.Tag == "*" || candidate.Compare(current, useStrongComparison: false));
    }

    // The tile cache may hold a bare hash; the header needs the quoted form.
    private static string Quote(string etag) =>
        etag.StartsWith('"') || etag.StartsWith("W/", StringComparison.Ordinal) ? etag : "\"" + etag + "\"";
}
