namespace GeoMas.Ogc.Caching.Seeding;

/// <summary>One metatile-aligned block to render: tiles rows <see cref="MinRow"/>..<see cref="MaxRow"/>, columns <see cref="MinCol"/>..<see cref="MaxCol"/>; <see cref="Row"/>/<see cref="Col"/> is a tile of it inside the area (the one asked for).</summary>
public sealed record SeedBlock(long MinRow, long MaxRow, long MinCol, long MaxCol, long Row, long Col)
{
    public long TileCount => (MaxRow - MinRow + 1) * (MaxCol - MinCol + 1);
}
