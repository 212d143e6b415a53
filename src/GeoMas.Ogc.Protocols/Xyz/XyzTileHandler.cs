using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Core.Usage;
using GeoMas.Ogc.Protocols.Tiles;
using Microsoft.AspNetCore.Http;

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
        var usage = context.Features.Get<IUsageRecorder>();
        usage?.Layer(request.Layer.Id);
        if (!WriteHeaders(context, request.Layer, tile) || headOnly)
        {
            return;
        }

        usage?.Tiles(1);
        // Straight into the response pipe (Content-Length is set, so Kestrel sends it unchunked).
        await context.Response.BodyWriter.WriteAsync(tile.Bytes, context.RequestAborted);
    }

    /// <summary>
    /// The status and headers of a tile answer: CORS, ETag, Cache-Control, then 304 when <c>If-None-Match</c>
    /// matches, else Content-Type and Content-Length. True when the tile's bytes follow (200). Shared by the endpoint
    /// and the server's cached-tile fast path, so both answer a tile alike.
    /// </summary>
    public static bool WriteHeaders(HttpContext context, LayerDefinition layer, TileContent tile)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(tile);
        var response = context.Response;
        var notModified = TileValidators.IsNotModified(context.Request.Headers.IfNoneMatch, tile, out var etag);
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.ETag = etag;
        response.Headers.CacheControl = XyzCacheControl.ForTile(layer);
        if (notModified)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return false;
        }

        response.ContentType = tile.ContentType;
        response.ContentLength = tile.Bytes.Length;
        return true;
    }
}
