namespace GeoMas.Ogc.Protocols.OgcApi.Maps;

/// <summary>The link relation from a collection to its map (S-OAM <c>collection-map/REQ_desc-links</c>, OAM-2).</summary>
public static class OgcApiMapsRelations
{
    /// <summary>The registered form, which GDAL's OGCAPI driver looks for.</summary>
    public const string Map = "http://www.opengis.net/def/rel/ogc/1.0/map";

    /// <summary>The https spelling the Maps ETS looks for (<c>[ogc-rel:map]</c>); both are linked.</summary>
    public const string MapHttps = "https://www.opengis.net/def/rel/ogc/1.0/map";

    public static string MapPath(string collectionId) => OgcApiEndpoints.CollectionPath(collectionId) + "/map";
}
