using GeoMas.Ogc.Protocols.Xyz;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi.Tiles;

/// <summary>
/// <c>GET /collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}</c>: one map tile
/// in PNG (default), JPEG or WebP (<c>f</c> or <c>Accept</c>), from the same tile service, cache and metatiles as
/// WMTS and XYZ, and sent the same way (strong ETag, 304 on If-None-Match, the layer's Cache-Control, CORS).
/// </summary>
public static class TileHandler
{
    public static async Task HandleAsync(HttpContext context, string collectionId, string tileMatrixSetId,
        string tileMatrix, string tileRow, string tileCol)
    {
        OgcApiQuery.OnlyFormat(context.Request.Query);
        var representation = OgcApiContentNegotiation.Select(context.Request, TileImageFormats.Accepted);
        var services = new OgcApiServices(context);
        var layer = services.Collection(collectionId);
        var tiling = new OgcApiTiling(context);
        var tms = tiling.FindFor(layer, tileMatrixSetId);
        var request = OgcApiTileParser.Parse(layer, tms, tiling.LimitsOf(layer, tms), tileMatrix, tileRow, tileCol,
            TileImageFormats.ImageOf(representation));
        await XyzTileHandler.HandleAsync(context, request, tiling.Tiles, HttpMethods.IsHead(context.Request.Method));
    }
}
