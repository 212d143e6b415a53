namespace GeoMas.Ogc.Protocols.OgcApi.Tiles;

/// <summary>The link relations of OGC API – Tiles (S-OAT, OAT-4/7/8).</summary>
public static class OgcApiTilesRelations
{
    /// <summary>From a collection to its list of raster tilesets (<c>/collections/{id}/tiles</c>).</summary>
    public const string TilesetsMap = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-map";

    /// <summary>From a tileset (or the landing page) to a tile matrix set definition.</summary>
    public const string TilingScheme = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";

    /// <summary>From the landing page to <c>/tileMatrixSets</c>.</summary>
    public const string TilingSchemes = "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes";
}
