using GeoMas.Ogc.Core.Usage;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace GeoMas.Ogc.Protocols.Wmts;

/// <summary>
/// GetTile (KVP and REST alike): the tile from <see cref="Core.Tiling.ITileService"/> (cache or metatile render),
/// with its strong ETag, <c>If-None-Match</c> → 304, and Cache-Control from the layer's cache policy. The bytes are
/// the cached ones, so KVP and REST answers for the same tile are byte-identical.
/// </summary>
public static class WmtsGetTileHandler
{
    public static async Task HandleAsync(HttpContext context, WmtsTileAddress address, WmtsServices services, bool headOnly)
    {
        var tile = await services.Tiles.GetTileAsync(address.ToTileRequest(), context.RequestAborted);
        var usage = context.Features.Get<IUsageRecorder>();
        usage?.Layer(address.Layer.Id);
        var response = context.Response;
        var etag = Quote(tile.ETag);
        response.Headers.ETag = etag;
        response.Headers.CacheControl = "public, max-age=" + address.Layer.Cache.MaxAgeSeconds.ToString(CultureInfo.InvariantCulture);
        if (Matches(context.Request.Headers.IfNoneMatch, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentType = tile.ContentType;
        response.ContentLength = tile.Bytes.Length;
        if (headOnly)
            return;
        usage?.Tiles(1);
        await response.Body.WriteAsync(tile.Bytes, context.RequestAborted);
    }

    /// <summary>RFC 9110 weak comparison, as If-None-Match requires; <c>*</c> matches any tile.</summary>
    public static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParse(etag, out var current))
            return false;
        return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var candidates)
            && candidates.Any(c => c.Tag == "*" || c.Compare(current, useStrongComparison: false));
    }

    // The cache may hand out a bare hash; the header needs the quoted form.
    private static string Quote(string etag) =>
        etag.StartsWith('"') || etag.StartsWith("W/", StringComparison.Ordinal) ? etag : "\"" + etag + "\"";
}
