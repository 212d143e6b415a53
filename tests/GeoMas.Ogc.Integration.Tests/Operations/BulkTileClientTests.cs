using System.Diagnostics;
using System.Net;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Security;
using GeoMas.Ogc.Integration.Tests.Server;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Integration.Tests.Operations;

/// <summary>
/// Bulk tile clients (a Geotrek sync, by User-Agent or by a key flagged bulk) on the real composition, with the bulk
/// render lane held full by the test: an interactive cache miss still renders at once, a bulk miss is refused with
/// 503 + Retry-After, and a bulk client's cache hit is served at once (a cached tile never waits for the gate).
/// </summary>
public sealed class BulkTileClientTests : IAsyncLifetime
{
    private const string GeotrekAgent = "Geotrek-Rando-Mobile/3.12 (Android 14)";
    private readonly string _bulkKey = ApiKeyHasher.NewKey();
    private TestApp? _app;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(
        // In-process cache only: every tile asked here is a miss the first time.
        "--cache:store=none",
        "--limits:maxConcurrentRenders=2",
        "--protection:renders:bulkConcurrentRenders=1", "--protection:renders:bulkQueuedRenders=0",
        "--protection:renders:bulkQueueTimeoutSeconds=0.2",
        "--protection:bulkClients:userAgentPatterns:0=^Geotrek-Rando",
        "--security:apiKeys:0:id=sync", "--security:apiKeys:0:hash=" + ApiKeyHasher.Hash(_bulkKey), "--security:apiKeys:0:bulk=true");

    /// <summary>Holds the only bulk slot until the returned source is completed.</summary>
    private async Task<(TaskCompletionSource Release, Task Holder)> FillBulkLaneAsync()
    {
        var gate = _app!.App.Services.GetRequiredService<RenderGate>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = Task.Run(() =>
        {
            RenderLane.Current = RenderPriority.Bulk;
            return gate.RunAsync(ct => release.Task.WaitAsync(ct), default);
        });
        while (gate.BulkInFlight < 1)
            await Task.Delay(5);
        return (release, holder);
    }

    private HttpClient Client(string? userAgent = null, string? key = null)
    {
        var client = _app!.CreateClient();
        if (userAgent is not null)
            client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        if (key is not null)
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    [Fact]
    public async Task With_the_bulk_lane_full_interactive_misses_render_bulk_misses_get_503_and_bulk_hits_are_served()
    {
        var (release, holder) = await FillBulkLaneAsync();
        using var interactive = Client("Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
        using var geotrek = Client(GeotrekAgent);
        using var keyed = Client(key: _bulkKey);
        try
        {
            var clock = Stopwatch.StartNew();
            using var rendered = await interactive.GetAsync("/tiles/communes/11/1058/740.png");
            Assert.Equal(HttpStatusCode.OK, rendered.StatusCode);
            Assert.Equal("image/png", rendered.Content.Headers.ContentType?.MediaType);
            // Promptly: not after some bulk work finished (the lane stays full throughout).
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "interactive miss took " + clock.Elapsed);

            using var refused = await geotrek.GetAsync("/tiles/communes/12/2117/1481.png");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.True(refused.Headers.RetryAfter is not null, "no Retry-After");

            using var refusedKey = await keyed.GetAsync("/tiles/communes/13/4234/2962.png");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refusedKey.StatusCode);

            // The tile the interactive user made is in the cache: the bulk client gets it at once.
            using var hit = await geotrek.GetAsync("/tiles/communes/11/1058/740.png");
            Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
            Assert.Equal(await rendered.Content.ReadAsByteArrayAsync(), await hit.Content.ReadAsByteArrayAsync());

            // OGC API Tiles: the same tile service, its refusal in the OGC API form with Retry-After.
            using var ogcApi = await geotrek.GetAsync("/collections/communes/tiles/WebMercatorQuad/15/11850/16940?f=png");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ogcApi.StatusCode);
            Assert.True(ogcApi.Headers.RetryAfter is not null, "no Retry-After on the OGC API tile");

            // WMTS goes through the same gate.
            using var wmts = await geotrek.GetAsync("/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=communes&STYLE=default&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=14&TILEROW=5925&TILECOL=8469&FORMAT=image/png");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, wmts.StatusCode);
        }
        finally
        {
            release.SetResult();
            await holder;
        }

        using var later = await geotrek.GetAsync("/tiles/communes/12/2117/1481.png");
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task A_bulk_miss_waits_for_the_lane_while_it_frees_up_within_the_queue_timeout()
    {
        // A lane with room to queue: the bulk miss waits instead of being refused, and renders once the slot frees.
        await _app!.DisposeAsync();
        _app = await TestApp.StartAsync("--cache:store=none", "--limits:maxConcurrentRenders=2",
            "--protection:renders:bulkConcurrentRenders=1", "--protection:renders:bulkQueuedRenders=4",
            "--protection:renders:bulkQueueTimeoutSeconds=30", "--protection:bulkClients:userAgentPatterns:0=^Geotrek-Rando");
        var (release, holder) = await FillBulkLaneAsync();
        using var geotrek = Client(GeotrekAgent);

        var waiting = geotrek.GetAsync("/tiles/communes/12/2117/1481.png");
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted, "the bulk miss did not wait for the full lane");

        release.SetResult();
        await holder;
        using var response = await waiting;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
