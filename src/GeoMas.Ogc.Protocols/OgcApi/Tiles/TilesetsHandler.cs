using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi.Tiles;

/// <summary>
/// <c>GET /collections/{collectionId}/tiles</c> (the tilesets list, OAT-4) and
/// <c>/collections/{collectionId}/tiles/{tileMatrixSetId}</c> (the tileset metadata, OAT-5). Collections are those
/// of OGC API Features in the caller's catalog view, so a layer hidden by an access rule is a 404 here too.
/// </summary>
public static class TilesetsHandler
{
    private static readonly IReadOnlyList<OgcApiRepresentation> JsonOnly = [OgcApiRepresentation.JsonResources[0]];

    public static Task HandleListAsync(HttpContext context, string collectionId)
    {
        OgcApiQuery.OnlyFormat(context.Request.Query);
        var representation = OgcApiContentNegotiation.Select(context.Request, JsonOnly);
        var services = new OgcApiServices(context);
        var layer = services.Collection(collectionId);
        var tiling = new OgcApiTiling(context);
        return OgcApiJson.WriteAsync(context, representation.MediaType, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("tilesets");
            foreach (var tms in tiling.SetsOf(layer))
                TilesetJsonWriter.WriteListEntry(json, layer, tms, services);
            json.WriteEndArray();
            OgcApiLink.WriteArray(json,
            [
                new OgcApiLink(services.Url(OgcApiTilesPaths.Tilesets(layer.Id)), "self", OgcApiMediaTypes.Json, $"Tilesets of {layer.Title}"),
                new OgcApiLink(services.Url(OgcApiEndpoints.CollectionPath(layer.Id)), "collection", OgcApiMediaTypes.Json, layer.Title),
            ]);
            json.WriteEndObject();
        });
    }

    public static Task HandleOneAsync(HttpContext context, string collectionId, string tileMatrixSetId)
    {
        OgcApiQuery.OnlyFormat(context.Request.Query);
        var representation = OgcApiContentNegotiation.Select(context.Request, JsonOnly);
        var services = new OgcApiServices(context);
        var layer = services.Collection(collectionId);
        var tiling = new OgcApiTiling(context);
        var tms = tiling.FindFor(layer, tileMatrixSetId);
        var limits = tiling.LimitsOf(layer, tms);
        return OgcApiJson.WriteAsync(context, representation.MediaType,
            json => TilesetJsonWriter.WriteTileset(json, layer, tms, limits, services));
    }
}
