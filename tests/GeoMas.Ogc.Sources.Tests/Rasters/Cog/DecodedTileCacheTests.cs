using GeoMas.Ogc.Sources.Rasters.Cog;

namespace GeoMas.Ogc.Sources.Tests.Rasters.Cog;

public sealed class DecodedTileCacheTests
{
    [Fact]
    public void EvictsTheLeastRecentlyUsedBlocksToStayWithinItsByteBound()
    {
        var cache = new DecodedTileCache(300);
        cache.Add(new DecodedTileKey("a", 0, 1), new byte[100]);
        cache.Add(new DecodedTileKey("a", 0, 2), new byte[100]);
        cache.Add(new DecodedTileKey("a", 0, 3), new byte[100]);
        Assert.True(cache.TryGet(new DecodedTileKey("a", 0, 1), out _)); // 1 is now the most recent

        cache.Add(new DecodedTileKey("a", 1, 1), new byte[100]);

        Assert.Equal(300, cache.SizeBytes);
        Assert.False(cache.TryGet(new DecodedTileKey("a", 0, 2), out _));
        Assert.True(cache.TryGet(new DecodedTileKey("a", 0, 1), out _));
        Assert.True(cache.TryGet(new DecodedTileKey("a", 0, 3), out _));
        Assert.True(cache.TryGet(new DecodedTileKey("a", 1, 1), out _));
    }

    [Fact]
    public void ABlockLargerThanTheCacheIsNotKept()
    {
        var cache = new DecodedTileCache(50);
        cache.Add(new DecodedTileKey("a", 0, 0), new byte[100]);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void KeysDifferBySourceLevelAndBlock()
    {
        var cache = new DecodedTileCache(1000);
        cache.Add(new DecodedTileKey("a", 0, 0), [1]);
        Assert.False(cache.TryGet(new DecodedTileKey("b", 0, 0), out _));
        Assert.False(cache.TryGet(new DecodedTileKey("a", 1, 0), out _));
        Assert.True(cache.TryGet(new DecodedTileKey("a", 0, 0), out var value));
        Assert.Equal([1], value);
    }
}
