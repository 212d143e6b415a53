using System.Diagnostics;
using GeoMas.Ogc.Caching;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Integration.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace GeoMas.Ogc.Integration.Tests.Tiles;

/// <summary>The tile service as the server composes it: demo GeoPackage, real renderer, disk or Redis L2.</summary>
public sealed class TileCacheCompositionTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _disk = Path.Combine(Path.GetTempPath(), "geomas-tiles-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_disk))
            Directory.Delete(_disk, recursive: true);
    }

    [Fact]
    public async Task The_disk_store_is_swept_in_the_background_unless_told_not_to()
    {
        await using (var app = await TestApp.StartAsync(TileFixtures.DiskCacheArgument(_disk), "--cache:diskMaxMegabytes=512"))
        {
            var sweeper = app.App.Services.GetRequiredService<GeoMas.Ogc.Caching.Stores.DiskCacheSweeper>();
            Assert.Equal(Path.GetFullPath(_disk), sweeper.Root);
            Assert.Contains(app.App.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s is GeoMas.Ogc.Server.Composition.DiskCacheSweepService);
        }
        await using (var app = await TestApp.StartAsync(TileFixtures.DiskCacheArgument(_disk), "--cache:diskSweepIntervalMinutes=0"))
            Assert.Null(app.App.Services.GetService<GeoMas.Ogc.Caching.Stores.DiskCacheSweeper>());

        var refused = await TestApp.CreateAsync(TileFixtures.DiskCacheArgument(_disk), "--cache:diskMaxAgeDays=-1");
        Assert.Null(refused.App);
        Assert.Contains(refused.Errors, e => e.Contains("cache.diskMaxAgeDays -1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task By_default_a_miss_stores_its_tile_alone_and_keeps_its_metatile_labels_for_the_siblings()
    {
        await using var app = await TestApp.StartAsync(TileFixtures.DiskCacheArgument(_disk), "--cache:metatile=4");
        var services = app.App.Services;
        var tiles = services.GetRequiredService<ITileService>();
        var cache = services.GetRequiredService<TieredTileCache>();
        var labels = services.GetRequiredService<TileService>().Labels;
        // Where the parcels are (the centre of the group's extent may fall between the synthetic data areas).
        var (row, col) = TileFixtures.CentreTile(services, "parcelles", "WebMercatorQuad", 15);
        row = row / 4 * 4;
        col = col / 4 * 4;

        var first = await tiles.GetTileAsync(TileFixtures.Request(services, "plan", "WebMercatorQuad", 15, row + 1, col + 1), CancellationToken.None);
        var sibling = await tiles.GetTileAsync(TileFixtures.Request(services, "plan", "WebMercatorQuad", 15, row + 2, col + 1), CancellationToken.None);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], first.Bytes[..4]);
        Assert.False(first.IsBlank);
        Assert.False(sibling.IsBlank);
        Assert.NotEqual(first.ETag, sibling.ETag);
        Assert.Equal(2, cache.Memory.Count);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_disk, "plan", "WebMercatorQuad", "15"), "*.png", SearchOption.AllDirectories).Length);
        Assert.Equal(1, labels.Count);
    }

    [Fact]
    public async Task A_metatile_is_rendered_once_then_its_tiles_come_from_memory_and_disk()
    {
        await using var app = await TestApp.StartAsync(TileFixtures.DiskCacheArgument(_disk), "--cache:metatile=4", "--cache:metatileOnMiss=metatile");
        var services = app.App.Services;
        var tiles = services.GetRequiredService<ITileService>();
        var cache = services.GetRequiredService<TieredTileCache>();
        var (row, col) = TileFixtures.CentreTile(services, "plan", "WebMercatorQuad", 15);
        row = row / 4 * 4;
        col = col / 4 * 4;

        var watch = Stopwatch.StartNew();
        var first = await tiles.GetTileAsync(TileFixtures.Request(services, "plan", "WebMercatorQuad", 15, row, col), CancellationToken.None);
        var renderMs = watch.Elapsed.TotalMilliseconds;

        Assert.False(first.IsBlank);
        Assert.Equal("image/png", first.ContentType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], first.Bytes[..4]);
        Assert.Equal(16, cache.Memory.Count);
        Assert.Equal(16, Directory.GetFiles(Path.Combine(_disk, "plan", "WebMercatorQuad", "15"), "*.png", SearchOption.AllDirectories).Length);

        // Every other tile of the metatile is now a memory hit: measure the in-process latency of a cached tile.
        const int Rounds = 20_000;
        watch.Restart();
        for (var i = 0; i < Rounds; i++)
        {
            var request = TileFixtures.Request(services, "plan", "WebMercatorQuad", 15, row + (i % 4), col + (i / 4 % 4));
            var tile = await tiles.GetTileAsync(request, CancellationToken.None);
            Assert.False(tile.Bytes.Length == 0);
        }
        var cachedUs = watch.Elapsed.TotalMicroseconds / Rounds;
        Assert.Equal(16, cache.Memory.Count);

        // A second metatile once everything is warm (the first one paid for opening the GeoPackage and fonts).
        watch.Restart();
        await tiles.GetTileAsync(TileFixtures.Request(services, "plan", "WebMercatorQuad", 15, row, col + 4), CancellationToken.None);
        var warmMs = watch.Elapsed.TotalMilliseconds;
        output.WriteLine($"metatile 4×4 of 'plan' at z15 (render + cut + store): first {renderMs:0} ms, warm {warmMs:0} ms; cached tile: {cachedUs:0.0} µs per GetTileAsync");
    }

    [Fact]
    public async Task The_disk_tier_serves_a_restarted_server_without_rendering()
    {
        var (row, col) = (0L, 0L);
        string etag;
        await using (var app = await TestApp.StartAsync(TileFixtures.DiskCacheArgument(_disk)))
        {
            (row, col) = TileFixtures.CentreTile(app.App.Services, "communes", "LAMB93", 12);
            etag = (await app.App.Services.GetRequiredService<ITileService>().GetTileAsync(
                TileFixtures.Request(app.App.Services, "communes", "LAMB93", 12, row, col), CancellationToken.None)).ETag;
        }
        await using (var app = await TestApp.StartAsync(TileFixtures.DiskCacheArgument(_disk)))
        {
            var metrics = app.App.Services.GetRequiredService<CachingMetrics>();
            using var recorder = new Listener(metrics);
            var again = await app.App.Services.GetRequiredService<ITileService>().GetTileAsync(
                TileFixtures.Request(app.App.Services, "communes", "LAMB93", 12, row, col), CancellationToken.None);

            Assert.Equal(etag, again.ETag);
            Assert.Equal(1, recorder.Count("geomas.tile_cache.hits"));
            Assert.Equal(0, recorder.Count("geomas.tiles.metatiles_rendered"));
        }
    }

    [Fact]
    public async Task With_redis_down_tiles_are_served_and_the_cache_returns_with_redis()
    {
        using var redis = new ThrowAwayRedis();
        await using var app = await TestApp.StartAsync("--cache:store=redis", "--cache:redis=" + redis.Configuration, "--cache:memoryMegabytes=0");
        var services = app.App.Services;
        var tiles = services.GetRequiredService<ITileService>();
        var (row, col) = TileFixtures.CentreTile(services, "communes", "WebMercatorQuad", 13);

        // Redis is not running: tiles are rendered and served all the same.
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
        {
            var tile = await tiles.GetTileAsync(TileFixtures.Request(services, "communes", "WebMercatorQuad", 13, row, col + i), CancellationToken.None);
            Assert.False(tile.Bytes.Length == 0);
        }
        output.WriteLine($"3 tiles with Redis down: {watch.ElapsedMilliseconds} ms");

        redis.Start();
        ConnectionMultiplexer? direct = null;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var stored = false;
        var request = TileFixtures.Request(services, "communes", "WebMercatorQuad", 13, row, col);
        var key = "geomas:tile:" + $"communes/WebMercatorQuad/13/{row}/{col}";
        while (!stored && DateTime.UtcNow < deadline)
        {
            await tiles.GetTileAsync(request, CancellationToken.None);
            try
            {
                direct ??= await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
                stored = await direct.GetDatabase().HashLengthAsync(key) > 0;
            }
            catch (RedisConnectionException)
            {
                // redis-server is still starting.
            }
            if (!stored)
                await Task.Delay(200);
        }
        direct?.Dispose();
        Assert.True(stored, "tiles did not reach Redis within 20 s of it starting");
    }

    private sealed class Listener : IDisposable
    {
        private readonly System.Diagnostics.Metrics.MeterListener _listener = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _counts = new();

        public Listener(CachingMetrics metrics)
        {
            _listener.InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, metrics.Meter))
                    l.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _counts.AddOrUpdate(instrument.Name, value, (_, t) => t + value));
            _listener.Start();
        }

        public long Count(string name) => _counts.GetValueOrDefault(name);

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>A redis-server of this test on a free port, not started until the test says so.</summary>
    private sealed class ThrowAwayRedis : IDisposable
    {
        private Process? _process;

        public int Port { get; } = FreePort();

        public string Configuration => $"127.0.0.1:{Port}";

        public void Start() => _process = Process.Start(new ProcessStartInfo("redis-server",
            ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"])
        { RedirectStandardOutput = true, UseShellExecute = false });

        public void Dispose()
        {
            if (_process is null)
                return;
            _process.Kill();
            _process.WaitForExit(5000);
            _process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
