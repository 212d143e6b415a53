using System.Diagnostics;
using GeoMas.Ogc.Caching.Stores;
using GeoMas.Ogc.Caching.Tests.Support;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GeoMas.Ogc.Caching.Tests.Stores;

/// <summary>Against the real Redis on 127.0.0.1:6379 (started by tests/run and .ci/run), and throw-away servers for outages.</summary>
public sealed class RedisTileStoreTests : IAsyncLifetime
{
    private readonly string _prefix = $"geomas:test:{Guid.NewGuid():N}:";
    private readonly CachingMetrics _metrics = new();
    private ConnectionMultiplexer _direct = null!;
    private RedisTileStore _store = null!;

    public async Task InitializeAsync()
    {
        _direct = await ConnectionMultiplexer.ConnectAsync("127.0.0.1:6379");
        // A generous operation timeout: with the default 500 ms one slow call on a loaded CI machine opened the outage
        // breaker and the next write was skipped (as designed), failing a test about key layout, not about outages
        // (those run below against throw-away servers).
        _store = new RedisTileStore(new RedisTileStoreOptions { Configuration = "127.0.0.1:6379", KeyPrefix = _prefix, OperationTimeout = TimeSpan.FromSeconds(10) }, _metrics);
        await WaitConnectedAsync(_store);
    }

    public async Task DisposeAsync()
    {
        var server = _direct.GetServer("127.0.0.1:6379");
        await foreach (var key in server.KeysAsync(pattern: _prefix + "*"))
            await _direct.GetDatabase().KeyDeleteAsync(key);
        await _store.DisposeAsync();
        await _direct.DisposeAsync();
        _metrics.Dispose();
    }

    [Fact]
    public async Task Each_position_is_one_hash_whose_fields_are_the_variants()
    {
        await _store.SetAsync(Tiles.Key(style: "a"), Tiles.Content(50, 1), CancellationToken.None);
        await _store.SetAsync(Tiles.Key(style: "b"), Tiles.Content(60, 2, blank: true), CancellationToken.None);

        var db = _direct.GetDatabase();
        var key = _prefix + Tiles.Key().Position;
        Assert.Equal(RedisType.Hash, await db.KeyTypeAsync(key));
        Assert.Equal(2, await db.HashLengthAsync(key));
        Assert.True(await db.HashExistsAsync(key, Tiles.Key(style: "a").Variant));

        var b = await _store.GetAsync(Tiles.Key(style: "b"), CancellationToken.None);
        Assert.NotNull(b);
        Assert.Equal(Tiles.Content(60, 2).Bytes, b.Bytes);
        Assert.True(b.IsBlank);
        Assert.Equal(Tiles.Content(60, 2).ETag, b.ETag);
        Assert.Null(await _store.GetAsync(Tiles.Key(style: "c"), CancellationToken.None));
    }

    [Fact]
    public async Task Removing_a_position_deletes_its_key_and_so_every_variant()
    {
        await _store.SetAsync(Tiles.Key(style: "a"), Tiles.Content(), CancellationToken.None);
        await _store.SetAsync(Tiles.Key(revision: 5), Tiles.Content(), CancellationToken.None);
        await _store.SetAsync(Tiles.Key(col: 9), Tiles.Content(), CancellationToken.None);

        await _store.RemovePositionsAsync([Tiles.Key().Position], CancellationToken.None);

        Assert.False(await _direct.GetDatabase().KeyExistsAsync(_prefix + Tiles.Key().Position));
        Assert.Null(await _store.GetAsync(Tiles.Key(style: "a"), CancellationToken.None));
        Assert.NotNull(await _store.GetAsync(Tiles.Key(col: 9), CancellationToken.None));
    }

    [Fact]
    public async Task A_time_to_live_is_set_on_the_position()
    {
        await using var store = new RedisTileStore(new RedisTileStoreOptions { Configuration = "127.0.0.1:6379", KeyPrefix = _prefix, TimeToLive = TimeSpan.FromMinutes(5) }, _metrics);
        await WaitConnectedAsync(store);

        await store.SetAsync(Tiles.Key(), Tiles.Content(), CancellationToken.None);

        var ttl = await _direct.GetDatabase().KeyTimeToLiveAsync(_prefix + Tiles.Key().Position);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task A_closed_port_is_a_fast_miss_counted_and_logged_once()
    {
        var logger = new ListLogger<RedisTileStore>();
        using var metrics = new CachingMetrics();
        using var recorder = new MetricsRecorder(metrics);
        await using var store = new RedisTileStore(new RedisTileStoreOptions { Configuration = "127.0.0.1:1", KeyPrefix = _prefix }, metrics, logger);
        // The first connection attempt runs in the background; until it has failed, calls are plain misses.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!store.IsDown && DateTime.UtcNow < deadline)
        {
            Assert.Null(await store.GetAsync(Tiles.Key(), CancellationToken.None));
            await Task.Delay(50);
        }
        Assert.True(store.IsDown);

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 200; i++)
        {
            Assert.Null(await store.GetAsync(Tiles.Key(col: i), CancellationToken.None));
            await store.SetAsync(Tiles.Key(col: i), Tiles.Content(), CancellationToken.None);
        }
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"400 calls took {watch.Elapsed}");
        Assert.True(store.IsDown);
        Assert.InRange(recorder.Total("geomas.tile_cache.store_errors:redis"), 1, 5);
        Assert.Equal(1, logger.Count(LogLevel.Warning));
    }

    [Fact]
    public async Task An_outage_turns_into_misses_and_the_store_comes_back_by_itself()
    {
        using var redis = new RedisServerProcess();
        redis.Start();
        var logger = new ListLogger<RedisTileStore>();
        // An operation timeout above the 500 ms default: the warning and recovery counts below are exact, and one slow
        // call on a loaded machine, before the outage or after it, would open the breaker once more. A stopped server
        // fails calls at once, so the outage itself does not wait for the timeout.
        var options = new RedisTileStoreOptions { Configuration = redis.Configuration, BreakDuration = TimeSpan.FromMilliseconds(300), OperationTimeout = TimeSpan.FromSeconds(2) };
        await using var store = new RedisTileStore(options, _metrics, logger);
        await WaitConnectedAsync(store);
        await store.SetAsync(Tiles.Key(), Tiles.Content(), CancellationToken.None);
        Assert.NotNull(await store.GetAsync(Tiles.Key(), CancellationToken.None));
        // Counted from here: the very first commands may race the initial handshake and count as a (short) outage.
        var warnings = logger.Count(LogLevel.Warning);
        var recoveries = logger.Count(LogLevel.Information);

        redis.Stop();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 50; i++)
        {
            Assert.Null(await store.GetAsync(Tiles.Key(), CancellationToken.None));
            await store.SetAsync(Tiles.Key(col: i), Tiles.Content(), CancellationToken.None);
        }
        // Calls waiting on Redis would take 100 × 2 s; skipped calls take microseconds.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"100 calls during the outage took {watch.Elapsed}");
        Assert.True(store.IsDown);
        Assert.Equal(warnings + 1, logger.Count(LogLevel.Warning));

        redis.Start();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var back = false;
        while (DateTime.UtcNow < deadline && !back)
        {
            await store.SetAsync(Tiles.Key(col: 1000), Tiles.Content(), CancellationToken.None);
            back = await store.GetAsync(Tiles.Key(col: 1000), CancellationToken.None) is not null;
            if (!back)
                await Task.Delay(100);
        }
        Assert.True(back, "the store did not come back within 20 s of Redis restarting");
        Assert.False(store.IsDown);
        Assert.Equal(warnings + 1, logger.Count(LogLevel.Warning));
        Assert.Equal(recoveries + 1, logger.Count(LogLevel.Information));
    }

    internal static async Task WaitConnectedAsync(RedisTileStore store)
    {
        var probe = Tiles.Key(layer: "probe", col: Random.Shared.Next());
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            await store.SetAsync(probe, Tiles.Content(1), CancellationToken.None);
            if (await store.GetAsync(probe, CancellationToken.None) is not null)
            {
                await store.RemovePositionsAsync([probe.Position], CancellationToken.None);
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("Redis store did not connect");
    }
}
