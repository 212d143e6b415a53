using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.OgcApi.Tiles;

/// <summary><c>GET /tileMatrixSets</c> and <c>/tileMatrixSets/{tileMatrixSetId}</c> (OAT-10): the sets as 2D-TMS 2.0 JSON.</summary>
public static class TileMatrixSetsHandler
{
    private static readonly IReadOnlyList<OgcApiRepresentation> JsonOnly = [OgcApiRepresentation.JsonResources[0]];

    public static Task HandleListAsync(HttpContext context)
    {
        OgcApiQuery.OnlyFormat(context.Request.Query);
        var representation = OgcApiContentNegotiation.Select(context.Request, JsonOnly);
        var services = new OgcApiServices(context);
        var tiling = new OgcApiTiling(context);
        return OgcApiJson.WriteAsync(context, representation.MediaType, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("tileMatrixSets");
            foreach (var tms in tiling.TileMatrixSets.All)
                TileMatrixSetJsonWriter.WriteSummary(json, tms, services.Url(OgcApiTilesPaths.TileMatrixSet(tms.Id)));
            json.WriteEndArray();
            OgcApiLink.WriteArray(json, [new OgcApiLink(services.Url(OgcApiTilesPaths.TileMatrixSets), "self", OgcApiMediaTypes.Json, "Tile matrix sets")]);
            json.WriteEndObject();
        });
    }

    public static Task HandleOneAsync(HttpContext context, string tileMatrixSetId)
    {
        OgcApiQuery.OnlyFormat(context.Request.Query);
        var representation = OgcApiContentNegotiation.Select(context.Request, JsonOnly);
        var services = new OgcApiServices(context);
        var tms = new OgcApiTiling(context).Find(tileMatrixSetId);
        var self = new OgcApiLink(services.Url(OgcApiTilesPaths.TileMatrixSet(tms.Id)), "self", OgcApiMediaTypes.Json, tms.Title.Length > 0 ? tms.Title : tms.Id);
        return OgcApiJson.WriteAsync(context, representation.MediaType, json => TileMatrixSetJsonWriter.Write(json, tms, [self]));
    }
}
