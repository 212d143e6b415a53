using GeoMas.Ogc.Caching.Stores;
using GeoMas.Ogc.Caching.Tests.Support;
using GeoMas.Ogc.Core.Caching;

namespace GeoMas.Ogc.Caching.Tests;

public sealed class TieredTileCacheTests : IDisposable
{
    private readonly TempDirectory _disk = new();
    private readonly CachingMetrics _metrics = new();
    private readonly MetricsRecorder _recorder;
    private readonly MemoryTileStore _memory = new(64 << 20);
    private readonly DiskTileStore _shared;
    private readonly TieredTileCache _cache;

    public TieredTileCacheTests()
    {
        _recorder = new MetricsRecorder(_metrics);
        _shared = new DiskTileStore(_disk.Path, _metrics);
        _cache = new TieredTileCache(_memory, _shared, _metrics);
    }

    public void Dispose()
    {
        _recorder.Dispose();
        _metrics.Dispose();
        _disk.Dispose();
    }

    [Fact]
    public async Task A_hundred_concurrent_misses_run_the_factory_once()
    {
        var calls = 0;
        var release = new TaskCompletionSource();
        async Task<TileContent> Factory(CancellationToken ct)
        {
            Interlocked.Increment(ref calls);
            await release.Task.WaitAsync(ct);
            return Tiles.Content();
        }

        var requests = Enumerable.Range(0, 100).Select(_ => Task.Run(() => _cache.GetOrCreateAsync(Tiles.Key(), Factory, CancellationToken.None))).ToList();
        await Task.Delay(200);
        release.SetResult();
        var results = await Task.WhenAll(requests);

        Assert.Equal(1, calls);
        Assert.All(results, r => Assert.Equal(Tiles.Content().ETag, r.ETag));
        Assert.True(_memory.Contains(Tiles.Key()));
        Assert.NotNull(await _shared.GetAsync(Tiles.Key(), CancellationToken.None));
    }

    [Fact]
    public async Task A_shared_tier_hit_is_promoted_to_memory_and_the_factory_not_called()
    {
        await _shared.SetAsync(Tiles.Key(), Tiles.Content(fill: 3), CancellationToken.None);

        var tile = await _cache.GetOrCreateAsync(Tiles.Key(), _ => throw new InvalidOperationException("must not render"), CancellationToken.None);

        Assert.Equal(3, tile.Bytes[0]);
        Assert.True(_memory.Contains(Tiles.Key()));
        Assert.Equal(1, _recorder.Total("geomas.tile_cache.hits:disk"));
        Assert.Equal(1, _recorder.Total("geomas.tile_cache.misses:memory"));
        await _cache.GetOrCreateAsync(Tiles.Key(), _ => throw new InvalidOperationException("must not render"), CancellationToken.None);
        Assert.Equal(1, _recorder.Total("geomas.tile_cache.hits:memory"));
    }

    [Fact]
    public async Task Removing_positions_drops_every_variant_in_every_tier()
    {
        var keys = new[] { Tiles.Key(style: "a"), Tiles.Key(style: "b", format: "image/jpeg"), Tiles.Key(revision: 4) };
        await _cache.SetManyAsync(keys.Select(k => (k, Tiles.Content())).Append((Tiles.Key(col: 7), Tiles.Content())).ToList(), CancellationToken.None);

        await _cache.RemovePositionsAsync([Tiles.Key().Position], CancellationToken.None);

        foreach (var key in keys)
        {
            Assert.False(_memory.Contains(key));
            Assert.Null(await _shared.GetAsync(key, CancellationToken.None));
        }
        Assert.True(_memory.Contains(Tiles.Key(col: 7)));
        Assert.NotNull(await _shared.GetAsync(Tiles.Key(col: 7), CancellationToken.None));
        var calls = 0;
        await _cache.GetOrCreateAsync(keys[0], _ => { calls++; return Task.FromResult(Tiles.Content()); }, CancellationToken.None);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task One_caller_giving_up_does_not_cancel_the_render_for_the_others()
    {
        var release = new TaskCompletionSource();
        var rendering = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        CancellationToken renderToken = default;
        async Task<TileContent> Factory(CancellationToken ct)
        {
            renderToken = ct;
            rendering.TrySetResult();
            await release.Task.WaitAsync(ct);
            return Tiles.Content();
        }
        using var impatient = new CancellationTokenSource();
        var first = _cache.GetOrCreateAsync(Tiles.Key(), Factory, impatient.Token);
        var second = _cache.GetOrCreateAsync(Tiles.Key(), Factory, CancellationToken.None);
        await rendering.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.False(renderToken.IsCancellationRequested);
        release.SetResult();

        Assert.NotNull(await second);
    }

    [Fact]
    public async Task A_render_nobody_waits_for_is_cancelled_and_the_next_caller_starts_afresh()
    {
        var renders = 0;
        var cancelled = new TaskCompletionSource();
        var rendering = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<TileContent> Stuck(CancellationToken ct)
        {
            Interlocked.Increment(ref renders);
            rendering.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                cancelled.SetResult();
                throw;
            }
            return Tiles.Content();
        }
        using var a = new CancellationTokenSource();
        using var b = new CancellationTokenSource();
        var first = _cache.GetOrCreateAsync(Tiles.Key(), Stuck, a.Token);
        var second = _cache.GetOrCreateAsync(Tiles.Key(), Stuck, b.Token);
        await rendering.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await a.CancelAsync();
        await b.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var tile = await _cache.GetOrCreateAsync(Tiles.Key(), _ => Task.FromResult(Tiles.Content(fill: 5)), CancellationToken.None);

        Assert.Equal(5, tile.Bytes[0]);
        Assert.Equal(1, renders);
    }

    [Fact]
    public async Task A_failed_render_is_not_remembered()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _cache.GetOrCreateAsync(Tiles.Key(), _ => throw new InvalidOperationException("database down"), CancellationToken.None));

        var tile = await _cache.GetOrCreateAsync(Tiles.Key(), _ => Task.FromResult(Tiles.Content()), CancellationToken.None);

        Assert.NotNull(tile);
    }

    [Fact]
    public async Task Without_a_shared_tier_memory_alone_serves()
    {
        var cache = new TieredTileCache(new MemoryTileStore(1 << 20), null, _metrics);
        var calls = 0;
        for (var i = 0; i < 3; i++)
            await cache.GetOrCreateAsync(Tiles.Key(), _ => { calls++; return Task.FromResult(Tiles.Content()); }, CancellationToken.None);

        Assert.Equal(1, calls);
    }
}
