using System.Text.Json;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Protocols.OgcApi.Maps;

namespace GeoMas.Ogc.Protocols.OgcApi.Tiles;

/// <summary>
/// The OpenAPI 3.0 paths of OGC API – Tiles and Maps (Tiles oas30, OAT-2): the tile matrix sets, then per collection
/// its tilesets list, tileset and tile (path parameters <c>tileMatrix</c> string, <c>tileRow</c>/<c>tileCol</c>
/// integers ≥ 0) and its map with the parameters <see cref="OgcApiMapParser"/> accepts. Written into the
/// <c>paths</c> object of <see cref="OpenApiDocumentWriter"/>, referring to its error responses.
/// </summary>
public static class TilesMapsOpenApiPaths
{
    private const string Ref = "$ref";

    public static void Write(Utf8JsonWriter json, OgcApiServices services)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(services);
        WriteJsonPath(json, OgcApiTilesPaths.TileMatrixSets, "getTileMatrixSetsList", "Tile matrix sets offered", []);
        WriteJsonPath(json, OgcApiTilesPaths.TileMatrixSets + "/{tileMatrixSetId}", "getTileMatrixSet", "A tile matrix set (2D-TMS 2.0 JSON)",
            [TileMatrixSetIdParameter]);
        foreach (var layer in services.Collections)
            WriteCollection(json, layer);
        if (OgcApiDatasetMap.Group(services.Snapshot) is { } group)
            WriteMapPath(json, OgcApiDatasetMap.Path, "getDatasetMap", $"A map of the dataset ({group.Title})");
    }

    private static void WriteCollection(Utf8JsonWriter json, LayerDefinition layer)
    {
        var suffix = new string(layer.Id.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        WriteJsonPath(json, OgcApiTilesPaths.Tilesets(layer.Id), "getTileSetsList_" + suffix, $"Map tilesets of {layer.Title}", []);
        WriteJsonPath(json, OgcApiTilesPaths.Tilesets(layer.Id) + "/{tileMatrixSetId}",
            "getTileSet_" + suffix, $"Tileset of {layer.Title} in a tile matrix set", [TileMatrixSetIdParameter]);

        var tilesPath = OgcApiTilesPaths.Tilesets(layer.Id) + "/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}";
        json.WriteStartObject(tilesPath);
        json.WriteStartObject("get");
        Header(json, "Tiles", "getTile_" + suffix, $"A map tile of {layer.Title}");
        json.WriteStartArray("parameters");
        foreach (var parameter in new[]
                 {
                     TileMatrixSetIdParameter,
                     """{"name":"tileMatrix","in":"path","required":true,"description":"Identifier of the tile matrix (zoom level) in the tile matrix set.","schema":{"type":"string"},"example":"11"}""",
                     """{"name":"tileRow","in":"path","required":true,"description":"Row index of the tile, from the top.","schema":{"type":"integer","minimum":0},"example":800}""",
                     """{"name":"tileCol","in":"path","required":true,"description":"Column index of the tile, from the left.","schema":{"type":"integer","minimum":0},"example":1000}""",
                     """{"name":"f","in":"query","required":false,"description":"Tile format (overrides Accept): png (default), jpg or webp.","style":"form","explode":false,"schema":{"type":"string","enum":["png","jpg","jpeg","webp"]}}""",
                 })
            json.WriteRawValue(parameter);
        json.WriteEndArray();
        WriteImageResponses(json, "The tile (blank where the collection has no data)", ["image/png", "image/jpeg", "image/webp"]);
        json.WriteEndObject();
        json.WriteEndObject();

        WriteMapPath(json, OgcApiMapsRelations.MapPath(layer.Id), "getCollectionMap_" + suffix, $"A map of {layer.Title}");
    }

    private static void WriteMapPath(Utf8JsonWriter json, string path, string operationId, string summary)
    {
        json.WriteStartObject(path);
        json.WriteStartObject("get");
        Header(json, "Maps", operationId, summary);
        json.WriteStartArray("parameters");
        foreach (var parameter in new[]
                 {
                     """{"name":"f","in":"query","required":false,"description":"Map format (overrides Accept): png (default) or jpg.","style":"form","explode":false,"schema":{"type":"string","enum":["png","jpg","jpeg"]}}""",
                     """{"name":"bbox","in":"query","required":false,"description":"Area of the map: minx,miny,maxx,maxy (or 6 numbers) in bbox-crs (CRS84 by default). Default: the collection's extent.","style":"form","explode":false,"schema":{"type":"array","minItems":4,"maxItems":6,"items":{"type":"number"}}}""",
                     """{"name":"bbox-crs","in":"query","required":false,"description":"CRS of bbox, one of the collection's crs list.","style":"form","explode":false,"schema":{"type":"string","format":"uri"}}""",
                     """{"name":"crs","in":"query","required":false,"description":"CRS of the map, one of the collection's crs list; default its storage CRS.","style":"form","explode":false,"schema":{"type":"string","format":"uri"}}""",
                     """{"name":"width","in":"query","required":false,"description":"Width of the map in pixels.","style":"form","explode":false,"schema":{"type":"integer","minimum":1}}""",
                     """{"name":"height","in":"query","required":false,"description":"Height of the map in pixels.","style":"form","explode":false,"schema":{"type":"integer","minimum":1}}""",
                     """{"name":"transparent","in":"query","required":false,"description":"Transparent background (PNG); default true unless bgcolor is given.","style":"form","explode":false,"schema":{"type":"boolean"}}""",
                     """{"name":"bgcolor","in":"query","required":false,"description":"Background colour, hexadecimal RRGGBB.","style":"form","explode":false,"schema":{"type":"string"}}""",
                     """{"name":"datetime","in":"query","required":false,"description":"An RFC 3339 instant or interval; time-enabled collections draw the versions valid then (default: in force today).","style":"form","explode":false,"schema":{"type":"string"}}""",
                 })
            json.WriteRawValue(parameter);
        json.WriteEndArray();
        WriteImageResponses(json, "The map", ["image/png", "image/jpeg"]);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private const string TileMatrixSetIdParameter =
        """{"name":"tileMatrixSetId","in":"path","required":true,"description":"Identifier of a tile matrix set (see /tileMatrixSets).","schema":{"type":"string"}}""";

    private static void WriteJsonPath(Utf8JsonWriter json, string path, string operationId, string summary, string[] parameters)
    {
        json.WriteStartObject(path);
        json.WriteStartObject("get");
        Header(json, "Tiles", operationId, summary);
        json.WriteStartArray("parameters");
        foreach (var parameter in parameters)
            json.WriteRawValue(parameter);
        json.WriteRawValue("""{"name":"f","in":"query","required":false,"description":"Output format: json.","style":"form","explode":false,"schema":{"type":"string","enum":["json"]}}""");
        json.WriteEndArray();
        json.WriteStartObject("responses");
        json.WriteStartObject("200");
        json.WriteString("description", summary);
        json.WritePropertyName("content");
        json.WriteRawValue("""{"application/json":{"schema":{"type":"object"}}}""");
        json.WriteEndObject();
        WriteErrors(json);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteImageResponses(Utf8JsonWriter json, string description, string[] mediaTypes)
    {
        json.WriteStartObject("responses");
        json.WriteStartObject("200");
        json.WriteString("description", description);
        json.WriteStartObject("content");
        foreach (var mediaType in mediaTypes)
        {
            json.WritePropertyName(mediaType);
            json.WriteRawValue("""{"schema":{"type":"string","format":"binary"}}""");
        }
        json.WriteEndObject();
        json.WriteEndObject();
        WriteErrors(json);
        json.WriteEndObject();
    }

    private static void WriteErrors(Utf8JsonWriter json)
    {
        foreach (var (status, name) in new[] { ("400", "InvalidParameter"), ("404", "NotFound"), ("406", "NotAcceptable"), ("500", "ServerError") })
        {
            json.WriteStartObject(status);
            json.WriteString(Ref, "#/components/responses/" + name);
            json.WriteEndObject();
        }
    }

    private static void Header(Utf8JsonWriter json, string tag, string operationId, string summary)
    {
        json.WriteStartArray("tags");
        json.WriteStringValue(tag);
        json.WriteEndArray();
        json.WriteString("summary", summary);
        json.WriteString("operationId", operationId);
    }
}
