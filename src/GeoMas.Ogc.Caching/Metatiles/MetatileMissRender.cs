namespace GeoMas.Ogc.Caching.Metatiles;

/// <summary>What a tile request that misses the cache renders.</summary>
public enum MetatileMissRender
{
    /// <summary>
    /// The asked tile only, with the labels placed once over its whole metatile (kept for its siblings). Costs what
    /// a tile costs: on random tiles (a map moved far, a zoom, a crawler) most siblings are never asked for, and
    /// drawing and encoding 16 tiles for one is 20 times the pixels.
    /// </summary>
    Tile,

    /// <summary>The whole metatile, cut into tiles that are all stored: best when whole areas are browsed.</summary>
    Metatile,
}
