using System.Diagnostics;
using GeoMas.Ogc.Caching;
using GeoMas.Ogc.Server.Cli;
using GeoMas.Ogc.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace GeoMas.Ogc.Integration.Tests.Invalidation;

/// <summary>
/// Redis pub/sub delivers at most once: an instance whose subscription dropped may have missed invalidations, and
/// cannot know which tiles they named. When its subscription comes back it drops its whole L1, so what it serves
/// next comes from the shared store, which the sending instance purged. The subscription is cut for real: Redis
/// closes the instance's pub/sub connection (CLIENT KILL, found by a client name of this test's own).
/// </summary>
[Collection(InvalidationCollection.Name)]
public sealed class LostSubscriptionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string RedisAddress = Environment.GetEnvironmentVariable("GEOMAS_REDIS") ?? "127.0.0.1:6379";
    private const string Tile = "/tiles/plan/12/2117/1480.png";

    private readonly string _clientName = "geomas-lost-subscription-" + Guid.NewGuid().ToString("N")[..8];
    private readonly LogCollector _logs = new();
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private RenderCounter _counter = null!;
    private ConnectionMultiplexer _admin = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("GEOMAS_PG", RepositoryPaths.PostGis);
        var created = await GeoMasApp.CreateAsync(CommandLine.Parse([
                "--config", RepositoryPaths.Config("geomas.postgis.json"), "--urls", "http://127.0.0.1:0",
                "--cache:redis=" + RedisAddress + ",name=" + _clientName,
                "--Logging:LogLevel:Default=Warning", "--server:warmUp=false"]),
            builder => builder.Logging.AddProvider(_logs));
        Assert.True(created.App is not null, "the server refused to start:\n" + string.Join("\n", created.Errors));
        _app = created.App;
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _http = new HttpClient { BaseAddress = new Uri(address) };
        _counter = new RenderCounter(_app.Services.GetRequiredService<CachingMetrics>());
        var options = ConfigurationOptions.Parse(RedisAddress);
        options.AllowAdmin = true;
        _admin = await ConnectionMultiplexer.ConnectAsync(options);
    }

    public async Task DisposeAsync()
    {
        output.WriteLine(string.Join("\n", _logs.Lines));
        await _admin.DisposeAsync();
        _counter.Dispose();
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_restored_subscription_drops_the_memory_tier_and_tiles_come_from_the_shared_store()
    {
        var subscription = await WaitForSubscriptionAsync(null);
        await FetchAsync();
        var hits = _counter.MemoryHits;
        await FetchAsync();
        Assert.Equal(hits + 1, _counter.MemoryHits);
        var memory = _app.Services.GetRequiredService<TieredTileCache>().Memory;
        Assert.True(memory.Count > 0);

        await _admin.GetServers().Single().ClientKillAsync(subscription);
        await WaitForSubscriptionAsync(subscription);
        var watch = Stopwatch.StartNew();
        while (memory.Count > 0 || !_logs.Lines.Any(l => l.Contains("may have been missed", StringComparison.Ordinal)))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), "the memory tier was not dropped after the subscription came back");
            await Task.Delay(50);
        }

        // Not from the memory tier any more, and not drawn again: the shared store had it.
        hits = _counter.MemoryHits;
        var renders = _counter.Renders;
        var redisHits = _counter.Total("geomas.tile_cache.hits:redis");
        await FetchAsync();
        Assert.Equal(hits, _counter.MemoryHits);
        Assert.Equal(renders, _counter.Renders);
        Assert.Equal(redisHits + 1, _counter.Total("geomas.tile_cache.hits:redis"));
        output.WriteLine(_counter.ToString());
    }

    private async Task FetchAsync()
    {
        using var response = await _http.GetAsync(Tile);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The id of the instance's pub/sub connection once there is one other than <paramref name="previous"/>.</summary>
    private async Task<long> WaitForSubscriptionAsync(long? previous)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var clients = await _admin.GetServers().Single().ClientListAsync();
            // The invalidation connection names itself after the configured name (the tile store's connections,
            // which may hold a subscription of their own, keep the name as it is).
            var subscribed = clients.FirstOrDefault(c => c.Name == _clientName + "-invalidation" && c.SubscriptionCount > 0 && c.Id != previous);
            if (subscribed is not null)
                return subscribed.Id;
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "the instance did not subscribe to the invalidation channel");
            await Task.Delay(100);
        }
    }
}
