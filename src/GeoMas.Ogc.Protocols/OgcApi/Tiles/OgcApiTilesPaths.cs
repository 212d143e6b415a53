namespace GeoMas.Ogc.Protocols.OgcApi.Tiles;

/// <summary>The URL paths of OGC API – Tiles (URL map of ARCHITECTURE.md), built in one place for links and routes.</summary>
public static class OgcApiTilesPaths
{
    public const string TileMatrixSets = "/tileMatrixSets";

    public static string TileMatrixSet(string id) => TileMatrixSets + "/" + Uri.EscapeDataString(id);

    public static string Tilesets(string collectionId) => OgcApiEndpoints.CollectionPath(collectionId) + "/tiles";

    public static string Tileset(string collectionId, string tileMatrixSetId) =>
        Tilesets(collectionId) + "/" + Uri.EscapeDataString(tileMatrixSetId);

    /// <summary>The tile URL template (OAT-2, OAT-6): the three variables in camelCase, unescaped.</summary>
    public static string TileTemplate(string collectionId, string tileMatrixSetId) =>
        Tileset(collectionId, tileMatrixSetId) + "/{tileMatrix}/{tileRow}/{tileCol}";
}
