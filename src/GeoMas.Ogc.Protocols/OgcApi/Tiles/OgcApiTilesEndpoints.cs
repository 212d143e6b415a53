using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GeoMas.Ogc.Protocols.OgcApi.Tiles;

/// <summary>
/// Maps OGC API – Tiles 1.0 beside OGC API – Features (URL map of ARCHITECTURE.md): <c>/tileMatrixSets</c>,
/// <c>/tileMatrixSets/{tileMatrixSetId}</c>, <c>/collections/{collectionId}/tiles</c>, <c>…/tiles/{tileMatrixSetId}</c>
/// and <c>…/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}</c>. GET and HEAD; failures are the OGC API
/// JSON exception (<see cref="OgcApiEndpoints.RunAsync"/>). Needs in DI, besides what Features needs:
/// TileMatrixSetCatalog, LayerTileLimitsCache, ITileService.
/// </summary>
public static class OgcApiTilesEndpoints
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapOgcApiTiles(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        Map(endpoints, OgcApiTilesPaths.TileMatrixSets, "OgcApiTileMatrixSets", TileMatrixSetsHandler.HandleListAsync);
        Map(endpoints, OgcApiTilesPaths.TileMatrixSets + "/{tileMatrixSetId}", "OgcApiTileMatrixSet",
            c => TileMatrixSetsHandler.HandleOneAsync(c, Route(c, "tileMatrixSetId")));
        const string tiles = OgcApiEndpoints.CollectionsPath + "/{collectionId}/tiles";
        Map(endpoints, tiles, "OgcApiTilesets", c => TilesetsHandler.HandleListAsync(c, Route(c, "collectionId")));
        Map(endpoints, tiles + "/{tileMatrixSetId}", "OgcApiTileset",
            c => TilesetsHandler.HandleOneAsync(c, Route(c, "collectionId"), Route(c, "tileMatrixSetId")));
        Map(endpoints, tiles + "/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", "OgcApiTile",
            c => TileHandler.HandleAsync(c, Route(c, "collectionId"), Route(c, "tileMatrixSetId"),
                Route(c, "tileMatrix"), Route(c, "tileRow"), Route(c, "tileCol")));
        return endpoints;
    }

    private static void Map(IEndpointRouteBuilder endpoints, string pattern, string name, Func<HttpContext, Task> handler) =>
        endpoints.MapMethods(pattern, GetAndHead, (HttpContext context) => OgcApiEndpoints.RunAsync(context, handler)).WithName(name);

    private static string Route(HttpContext context, string name) => context.GetRouteValue(name)?.ToString() ?? "";
}
