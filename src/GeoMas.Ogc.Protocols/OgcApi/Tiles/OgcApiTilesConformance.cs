namespace GeoMas.Ogc.Protocols.OgcApi.Tiles;

/// <summary>
/// The OGC API – Tiles 1.0 conformance classes this server implements (OAT-1, DECL-OAPI2): raster ("map") tiles of
/// each collection in PNG, JPEG and WebP, their tileset list and metadata, and the OpenAPI paths. Not declared: MVT
/// (no vector tiles), dataset-tilesets (no <c>/tiles</c> at the root, where the XYZ URLs live) and the optional
/// parameter classes (datetime, collections selection).
/// </summary>
public static class OgcApiTilesConformance
{
    private const string Prefix = "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/";

    public static IReadOnlyList<string> Classes { get; } =
    [
        Prefix + "core",
        Prefix + "tileset",
        Prefix + "tilesets-list",
        Prefix + "geodata-tilesets",
        Prefix + "png",
        Prefix + "jpeg",
        Prefix + "oas30",
    ];
}
