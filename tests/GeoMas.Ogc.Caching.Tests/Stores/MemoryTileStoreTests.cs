using GeoMas.Ogc.Caching.Stores;
using GeoMas.Ogc.Caching.Tests.Support;

namespace GeoMas.Ogc.Caching.Tests.Stores;

public class MemoryTileStoreTests
{
    private const int Cost = 1000 + MemoryTileStore.EntryOverhead;

    [Fact]
    public void Stays_within_its_byte_bound_and_evicts_the_oldest_first()
    {
        var store = new MemoryTileStore(10 * Cost);
        for (var i = 0; i < 25; i++)
            store.Set(Tiles.Key(col: i), Tiles.Content(1000));

        Assert.Equal(10, store.Count);
        Assert.True(store.SizeBytes <= store.CapacityBytes);
        Assert.False(store.TryGet(Tiles.Key(col: 0), out _));
        Assert.False(store.TryGet(Tiles.Key(col: 14), out _));
        Assert.True(store.TryGet(Tiles.Key(col: 15), out _));
        Assert.True(store.TryGet(Tiles.Key(col: 24), out _));
    }

    [Fact]
    public void A_tile_read_since_the_last_sweep_gets_a_second_chance()
    {
        var store = new MemoryTileStore(3 * Cost);
        store.Set(Tiles.Key(col: 0), Tiles.Content(1000));
        store.Set(Tiles.Key(col: 1), Tiles.Content(1000));
        store.Set(Tiles.Key(col: 2), Tiles.Content(1000));
        Assert.True(store.TryGet(Tiles.Key(col: 0), out _));

        store.Set(Tiles.Key(col: 3), Tiles.Content(1000));

        Assert.True(store.TryGet(Tiles.Key(col: 0), out _));
        Assert.False(store.TryGet(Tiles.Key(col: 1), out _));
    }

    [Fact]
    public void Replacing_a_tile_keeps_the_accounting_exact()
    {
        var store = new MemoryTileStore(100 * Cost);
        store.Set(Tiles.Key(), Tiles.Content(1000));
        store.Set(Tiles.Key(), Tiles.Content(500, fill: 9));

        Assert.Equal(1, store.Count);
        Assert.Equal(500 + MemoryTileStore.EntryOverhead, store.SizeBytes);
        Assert.True(store.TryGet(Tiles.Key(), out var content));
        Assert.Equal(9, content.Bytes[0]);
    }

    [Fact]
    public void A_tile_larger_than_the_whole_cache_is_not_kept()
    {
        var store = new MemoryTileStore(Cost);
        store.Set(Tiles.Key(), Tiles.Content(5000));

        Assert.Equal(0, store.Count);
        Assert.Equal(0, store.SizeBytes);
    }

    [Fact]
    public async Task Removing_a_position_drops_every_variant_and_nothing_else()
    {
        var store = new MemoryTileStore(100 * Cost);
        store.Set(Tiles.Key(style: "a"), Tiles.Content());
        store.Set(Tiles.Key(style: "b"), Tiles.Content());
        store.Set(Tiles.Key(format: "image/jpeg"), Tiles.Content());
        store.Set(Tiles.Key(revision: 2), Tiles.Content());
        store.Set(Tiles.Key(col: 3), Tiles.Content());

        await store.RemovePositionsAsync([Tiles.Key().Position], CancellationToken.None);

        Assert.Equal(1, store.Count);
        Assert.True(store.TryGet(Tiles.Key(col: 3), out _));
        Assert.Equal(100 + MemoryTileStore.EntryOverhead, store.SizeBytes);
    }

    [Fact]
    public async Task Clearing_drops_every_tile_says_so_and_leaves_the_store_usable()
    {
        var store = new MemoryTileStore(100 * Cost);
        store.Set(Tiles.Key(style: "a"), Tiles.Content());
        store.Set(Tiles.Key(col: 3), Tiles.Content());
        store.Set(Tiles.Key(row: 9, revision: 2), Tiles.Content());
        var cleared = 0;
        store.Cleared += () => cleared++;

        store.Clear();

        Assert.Equal(1, cleared);
        Assert.Equal(0, store.Count);
        Assert.Equal(0, store.SizeBytes);
        Assert.False(store.TryGet(Tiles.Key(col: 3), out _));
        // The position index went too: a tile stored again is found and removed by its position as before.
        store.Set(Tiles.Key(col: 3), Tiles.Content());
        Assert.True(store.TryGet(Tiles.Key(col: 3), out _));
        await store.RemovePositionsAsync([Tiles.Key(col: 3).Position], CancellationToken.None);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void Concurrent_writers_and_readers_keep_the_bound()
    {
        var store = new MemoryTileStore(50 * Cost);
        Parallel.For(0, 2000, i =>
        {
            store.Set(Tiles.Key(row: i % 7, col: i), Tiles.Content(1000));
            store.TryGet(Tiles.Key(row: (i - 1) % 7, col: i - 1), out _);
        });

        Assert.True(store.SizeBytes <= store.CapacityBytes);
        Assert.Equal(store.Count * (long)Cost, store.SizeBytes);
    }
}
