namespace GeoMas.Ogc.Caching.Metatiles;

public sealed record MetatileOptions
{
    /// <summary>Tiles per side; 4 = one render per 16 tiles (1024×1024 px), 1 = no metatiling.</summary>
    public int Size { get; init; } = 4;

    /// <summary>
    /// Pixels rendered around the metatile and cut off. 64 px: the reach of our largest point symbols (≤ 32 px) and
    /// half the width of a long commune label, so a label anchored just outside the metatile is drawn into it the
    /// same way its neighbour draws it; it costs 27 % more pixels on a 4×4 metatile (128 px would cost 56 %).
    /// </summary>
    public int Buffer { get; init; } = 64;

    /// <summary>What a request that misses the cache renders; seeding always renders whole metatiles.</summary>
    public MetatileMissRender OnMiss { get; init; } = MetatileMissRender.Tile;

    /// <summary>
    /// Memory for the labels placed over recently asked metatiles (<see cref="MetatileLabelCache"/>). A placement
    /// is a display list of a few KB to a few hundred KB at large scales (parcel numbers).
    /// </summary>
    public long LabelCacheBytes { get; init; } = 64L << 20;
}
