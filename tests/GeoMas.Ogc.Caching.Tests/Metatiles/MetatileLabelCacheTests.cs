using GeoMas.Ogc.Caching.Metatiles;
using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Rendering;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Caching.Tests.Metatiles;

public sealed class MetatileLabelCacheTests
{
    private static TileKey Key(long row, long col) => new("plan", "default", "WebMercatorQuad", "15", row, col, "image/png", "", "public", 1);

    private static string[] Positions(long row, long col) =>
        [.. from r in Enumerable.Range(0, 2) from c in Enumerable.Range(0, 2) select Key(row + r, col + c).Position];

    private static Task<PlacedLabels?> Place(long bytes) => Task.FromResult<PlacedLabels?>(new Labels(bytes));

    [Fact]
    public async Task Placed_labels_are_kept_and_placed_once()
    {
        var cache = new MetatileLabelCache(1 << 20);
        var placements = 0;

        var first = await cache.GetOrPlaceAsync(Key(0, 0), () => Positions(0, 0), _ => { placements++; return Place(100); }, CancellationToken.None);
        var second = await cache.GetOrPlaceAsync(Key(0, 0), () => Positions(0, 0), _ => { placements++; return Place(100); }, CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(1, placements);
        Assert.Same(first, cache.TryGet(Key(0, 0)));
    }

    [Fact]
    public async Task The_oldest_placements_go_when_the_memory_bound_is_reached()
    {
        // Each entry costs its bytes plus 64 per tile position (4 here): 1000 + 256.
        var cache = new MetatileLabelCache(3000);

        await cache.GetOrPlaceAsync(Key(0, 0), () => Positions(0, 0), _ => Place(1000), CancellationToken.None);
        await cache.GetOrPlaceAsync(Key(0, 2), () => Positions(0, 2), _ => Place(1000), CancellationToken.None);
        await cache.GetOrPlaceAsync(Key(0, 4), () => Positions(0, 4), _ => Place(1000), CancellationToken.None);

        Assert.Null(cache.TryGet(Key(0, 0)));
        Assert.NotNull(cache.TryGet(Key(0, 2)));
        Assert.NotNull(cache.TryGet(Key(0, 4)));
        Assert.True(cache.SizeBytes <= 3000);
    }

    [Fact]
    public async Task Removing_any_tile_position_of_a_metatile_drops_its_labels()
    {
        var cache = new MetatileLabelCache(1 << 20);
        await cache.GetOrPlaceAsync(Key(0, 0), () => Positions(0, 0), _ => Place(100), CancellationToken.None);
        await cache.GetOrPlaceAsync(Key(0, 2), () => Positions(0, 2), _ => Place(100), CancellationToken.None);

        cache.RemovePositions([Key(1, 1).Position]);

        Assert.Null(cache.TryGet(Key(0, 0)));
        Assert.NotNull(cache.TryGet(Key(0, 2)));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task Labels_placed_while_data_changed_are_handed_out_but_not_kept()
    {
        var cache = new MetatileLabelCache(1 << 20);
        var (pending, release) = await StartPlacementAsync(cache, 0, 0);

        cache.RemovePositions([Key(0, 1).Position]);
        release.SetResult();

        Assert.NotNull(await pending);
        Assert.Null(cache.TryGet(Key(0, 0)));
    }

    [Fact]
    public async Task Clearing_drops_every_placement_and_one_under_way_is_not_kept()
    {
        var cache = new MetatileLabelCache(1 << 20);
        await cache.GetOrPlaceAsync(Key(0, 0), () => Positions(0, 0), _ => Place(100), CancellationToken.None);
        await cache.GetOrPlaceAsync(Key(0, 2), () => Positions(0, 2), _ => Place(100), CancellationToken.None);
        var (pending, release) = await StartPlacementAsync(cache, 0, 4);

        cache.Clear();
        release.SetResult();

        Assert.NotNull(await pending);
        Assert.Equal(0, cache.Count);
        Assert.Equal(0, cache.SizeBytes);
        Assert.Null(cache.TryGet(Key(0, 0)));
    }

    [Fact]
    public async Task A_renderer_that_cannot_place_labels_leaves_nothing_behind()
    {
        var cache = new MetatileLabelCache(1 << 20);

        var labels = await cache.GetOrPlaceAsync(Key(0, 0), () => Positions(0, 0), _ => Task.FromResult<PlacedLabels?>(null), CancellationToken.None);

        Assert.Null(labels);
        Assert.Equal(0, cache.Count);
    }

    /// <summary>A placement of the metatile at (row, col) under way: it ends when <c>release</c> is set.</summary>
    private static async Task<(Task<PlacedLabels?> Pending, TaskCompletionSource Release)> StartPlacementAsync(MetatileLabelCache cache, long row, long col)
    {
        var placing = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var pending = cache.GetOrPlaceAsync(Key(row, col), () => Positions(row, col), async _ =>
        {
            placing.SetResult();
            await release.Task;
            return new Labels(100);
        }, CancellationToken.None);
        await placing.Task;
        return (pending, release);
    }

    private sealed class Labels(long bytes) : PlacedLabels(new Envelope(0, 1, 0, 1), 3857, 512, 512, 64)
    {
        public override int Count => 1;

        public override long ApproximateBytes => bytes;
    }
}
