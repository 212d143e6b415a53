using GeoMas.Ogc.Caching.Stores;
using GeoMas.Ogc.Caching.Tests.Support;
using GeoMas.Ogc.Core.Caching;

namespace GeoMas.Ogc.Caching.Tests.Stores;

/// <summary>Hot tiles in L1 are swapped for their compact bytes on their second hit, once, and never brought back.</summary>
public class MemoryTileStoreCompactionTests
{
    [Fact]
    public void The_second_hit_swaps_the_tile_for_its_compact_bytes_and_their_etag()
    {
        var compactor = new HalvingCompactor();
        using var metrics = new CachingMetrics();
        using var recorder = new MetricsRecorder(metrics);
        var store = new MemoryTileStore(1 << 20, compactor, metrics);
        var stored = Tiles.Content(1000);
        store.Set(Tiles.Key(), stored);

        Assert.True(store.TryGet(Tiles.Key(), out var first));
        Assert.Same(stored, first);
        Assert.Equal(0, compactor.Calls);

        Assert.True(store.TryGet(Tiles.Key(), out var second));
        Assert.Equal(500, second.Bytes.Length);
        Assert.Equal(TileEtag.Compute(second.Bytes), second.ETag);
        Assert.NotEqual(stored.ETag, second.ETag);
        Assert.Equal(stored.ETag, second.RenderedETag);
        Assert.Equal(stored.ContentType, second.ContentType);
        Assert.Equal(500 + MemoryTileStore.EntryOverhead, store.SizeBytes);

        Assert.True(store.TryGet(Tiles.Key(), out var third));
        Assert.Same(second, third);
        Assert.Equal(1, compactor.Calls);
        Assert.Equal(1, recorder.Total("geomas.tile_cache.compactions"));
        Assert.Equal(500, recorder.Total("geomas.tile_cache.compaction_saved"));
    }

    [Fact]
    public void A_read_without_compacting_declines_only_the_hit_that_would_compact_and_counts_nothing_for_it()
    {
        var compactor = new HalvingCompactor();
        var store = new MemoryTileStore(1 << 20, compactor);
        var stored = Tiles.Content(1000);
        store.Set(Tiles.Key(), stored);

        // The first hit compacts nothing: answered.
        Assert.True(store.TryGetWithoutCompacting(Tiles.Key(), out var first));
        Assert.Same(stored, first);
        // The second would: declined, as often as it is asked, and not counted.
        Assert.False(store.TryGetWithoutCompacting(Tiles.Key(), out _));
        Assert.False(store.TryGetWithoutCompacting(Tiles.Key(), out _));
        Assert.Equal(0, compactor.Calls);

        // A read that may compact makes that hit; reads without compacting then get the compact bytes.
        Assert.True(store.TryGet(Tiles.Key(), out var compact));
        Assert.Equal(500, compact.Bytes.Length);
        Assert.True(store.TryGetWithoutCompacting(Tiles.Key(), out var after));
        Assert.Same(compact, after);
        Assert.Equal(1, compactor.Calls);
    }

    [Fact]
    public void Without_a_compactor_a_read_without_compacting_declines_nothing()
    {
        var store = new MemoryTileStore(1 << 20);
        store.Set(Tiles.Key(), Tiles.Content(1000));

        for (var i = 0; i < 3; i++)
            Assert.True(store.TryGetWithoutCompacting(Tiles.Key(), out _));
        Assert.False(store.TryGetWithoutCompacting(Tiles.Key(row: 9), out _));
    }

    [Fact]
    public void A_tile_the_compactor_cannot_shrink_stays_as_stored_and_is_not_tried_again()
    {
        var compactor = new HalvingCompactor();
        var store = new MemoryTileStore(1 << 20, compactor);
        var stored = Tiles.Content(1);
        store.Set(Tiles.Key(), stored);

        for (var i = 0; i < 5; i++)
        {
            Assert.True(store.TryGet(Tiles.Key(), out var hit));
            Assert.Same(stored, hit);
        }
        Assert.Equal(1, compactor.Calls);
        Assert.Equal(1 + MemoryTileStore.EntryOverhead, store.SizeBytes);
    }

    [Fact]
    public async Task A_tile_invalidated_while_it_is_compacted_stays_gone()
    {
        var compactor = new HalvingCompactor();
        var store = new MemoryTileStore(1 << 20, compactor);
        store.Set(Tiles.Key(), Tiles.Content(1000));
        compactor.During = () => store.RemovePositionsAsync([Tiles.Key().Position], CancellationToken.None).AsTask().GetAwaiter().GetResult();
        Assert.True(store.TryGet(Tiles.Key(), out _));

        // The hit that compacts still answers what it found (the tile was there when it looked).
        Assert.True(store.TryGet(Tiles.Key(), out var during));
        Assert.Equal(1000, during.Bytes.Length);

        Assert.False(store.TryGet(Tiles.Key(), out _));
        Assert.Equal(0, store.Count);
        Assert.Equal(0, store.SizeBytes);
        Assert.Null(await store.GetAsync(Tiles.Key(), CancellationToken.None));
    }

    [Fact]
    public void A_tile_replaced_while_it_is_compacted_keeps_its_replacement()
    {
        var compactor = new HalvingCompactor();
        var store = new MemoryTileStore(1 << 20, compactor);
        store.Set(Tiles.Key(), Tiles.Content(1000));
        var fresh = Tiles.Content(800, fill: 9);
        compactor.During = () => store.Set(Tiles.Key(), fresh);
        Assert.True(store.TryGet(Tiles.Key(), out _));
        Assert.True(store.TryGet(Tiles.Key(), out _));

        Assert.True(store.TryGet(Tiles.Key(), out var after));
        Assert.Same(fresh, after);
        Assert.Equal(800 + MemoryTileStore.EntryOverhead, store.SizeBytes);
    }

    [Fact]
    public void The_caches_own_checks_are_not_hits()
    {
        var compactor = new HalvingCompactor();
        var store = new MemoryTileStore(1 << 20, compactor);
        var stored = Tiles.Content(1000);
        store.Set(Tiles.Key(), stored);

        for (var i = 0; i < 3; i++)
        {
            Assert.True(store.TryPeek(Tiles.Key(), out var peeked));
            Assert.Same(stored, peeked);
        }
        Assert.True(store.TryGet(Tiles.Key(), out _));
        Assert.Equal(0, compactor.Calls);

        Assert.True(store.TryGet(Tiles.Key(), out var second));
        Assert.Equal(500, second.Bytes.Length);
        Assert.True(store.TryPeek(Tiles.Key(), out var peekedAfter));
        Assert.Same(second, peekedAfter);
    }

    [Fact]
    public void Without_a_compactor_tiles_are_kept_as_stored()
    {
        var store = new MemoryTileStore(1 << 20);
        var stored = Tiles.Content(1000);
        store.Set(Tiles.Key(), stored);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(store.TryGet(Tiles.Key(), out var hit));
            Assert.Same(stored, hit);
        }
    }

    [Fact]
    public void Concurrent_hits_compact_a_tile_once()
    {
        var compactor = new HalvingCompactor();
        var store = new MemoryTileStore(1 << 20, compactor);
        for (var col = 0; col < 200; col++)
            store.Set(Tiles.Key(col: col), Tiles.Content(1000));

        Parallel.For(0, 8, worker =>
        {
            for (var round = 0; round < 4; round++)
                for (var col = 0; col < 200; col++)
                    Assert.True(store.TryGet(Tiles.Key(col: col), out _));
        });

        Assert.Equal(200, compactor.Calls);
        Assert.Equal(200 * (500L + MemoryTileStore.EntryOverhead), store.SizeBytes);
    }
}
