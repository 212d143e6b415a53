using GeoMas.Ogc.Core.Usage;
using System.Globalization;
using GeoMas.Ogc.Protocols.Tiles;
using Microsoft.AspNetCore.Http;

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
        var notModified = TileValidators.IsNotModified(context.Request.Headers.IfNoneMatch, tile, out var etag);
        response.Headers.ETag = etag;
        response.Headers.CacheControl = "public, max-age=" + address.Layer.Cache.MaxAgeSeconds.ToString(CultureInfo.InvariantCulture);
        if (notModified)
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
}
