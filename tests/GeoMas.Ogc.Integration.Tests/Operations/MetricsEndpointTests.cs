using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using GeoMas.Ogc.Core.Security;
using GeoMas.Ogc.Integration.Tests.Server;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Integration.Tests.Operations;

/// <summary>/metrics on the PostGIS configuration: OpenTelemetry HTTP server metrics, tile cache, renders, Npgsql pool.</summary>
public class MetricsEndpointTests
{
    private static readonly string PostGisConfig = RepositoryPaths.Config("geomas.postgis.json");

    [Fact]
    public async Task The_scrape_shows_request_durations_per_route_cache_hits_renders_and_the_database_pool()
    {
        // The in-process tier only: a tile left in Redis by an earlier run would skip the render this test counts.
        await using var app = await TestApp.StartAsync("--config", PostGisConfig, "--Sources:main:ConnectionString=" + RepositoryPaths.PostGis, "--cache:store=none");
        var client = app.CreateClient();
        using (var collections = await client.GetAsync("/collections"))
            Assert.Equal(HttpStatusCode.OK, collections.StatusCode);
        using (var map = await client.GetAsync("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=communes&STYLES=&CRS=EPSG:2154&BBOX=935000,6380000,955000,6400000&WIDTH=256&HEIGHT=256&FORMAT=image/png"))
            Assert.Equal(HttpStatusCode.OK, map.StatusCode);
        // Twice: the second answer comes from a cache tier.
        for (var i = 0; i < 2; i++)
        {
            using var tile = await client.GetAsync("/tiles/communes/10/529/368.png");
            Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
        }

        using var scrape = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Equal("text/plain", scrape.Content.Headers.ContentType?.MediaType);
        var text = await scrape.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains(Lines(text, "http_server_request_duration_seconds_bucket{"), l =>
            l.Contains("http_route=\"/collections\"", StringComparison.Ordinal) && l.Contains("http_request_method=\"GET\"", StringComparison.Ordinal)
            && l.Contains("http_response_status_code=\"200\"", StringComparison.Ordinal) && l.Contains("le=\"0.005\"", StringComparison.Ordinal));
        Assert.Contains("http_server_active_requests", text, StringComparison.Ordinal);
        Assert.Contains(Lines(text, "geomas_tile_cache_hits_total{"), l => l.Contains("tier=", StringComparison.Ordinal) && Value(l) >= 1);
        Assert.Contains(Lines(text, "geomas_tile_cache_misses_total{"), l => Value(l) >= 1);
        Assert.Contains(Lines(text, "geomas_map_render_duration_seconds_count{"), l => l.Contains("format=\"image/png\"", StringComparison.Ordinal) && Value(l) >= 1);
        Assert.Contains(Lines(text, "geomas_map_render_duration_seconds_bucket{"), l => l.Contains("le=\"+Inf\"", StringComparison.Ordinal));
        Assert.Contains("# TYPE geomas_tiles_metatile_render_duration", text, StringComparison.Ordinal);
        Assert.Contains(Lines(text, "db_client_connection"), l => l.Contains("db_client_connection_pool_name=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    public async Task Tiles_answered_from_memory_are_counted_and_kept_out_of_request_durations_unless_asked(bool recordDuration, int tileDurations)
    {
        await using var app = await TestApp.StartAsync("--cache:store=none", "--metrics:fastPathRequestDuration=" + (recordDuration ? "true" : "false"));
        // This server's own measurements: other tests' servers in this process have meters of the same names.
        using var measured = new HttpMeasurements(app.App.Services.GetRequiredService<IMeterFactory>());
        var client = app.CreateClient();
        // The first request renders through the endpoint; the second is the fast path's (held in memory by then).
        for (var i = 0; i < 2; i++)
        {
            using var tile = await client.GetAsync("/tiles/communes/10/529/368.png");
            Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
        }
        // A duration is recorded once the response is sent: a later request's shows the tiles' are in.
        using (var collections = await client.GetAsync("/collections"))
            Assert.Equal(HttpStatusCode.OK, collections.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (measured.Durations("/collections") == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(20);

        Assert.Equal(1, measured.FastPathResponses);
        Assert.Equal(tileDurations, measured.Durations("/tiles/{layer}/{z}/{x}/{y}.{ext}"));
        var text = await client.GetStringAsync("/metrics");
        Assert.Contains(Lines(text, "geomas_http_fast_path_responses_total{"), l => l.Contains("http_response_status_code=\"200\"", StringComparison.Ordinal));
    }

    /// <summary>Fast-path responses and request durations per route, of one server's meters.</summary>
    private sealed class HttpMeasurements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, int> _durations = new();
        private int _fastPath;

        public HttpMeasurements(IMeterFactory meters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meters)
                    && instrument.Name is "http.server.request.duration" or "geomas.http.fast_path.responses")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _fastPath, (int)value));
            _listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "http.route" && tag.Value is string route)
                        _durations.AddOrUpdate(route, 1, (_, n) => n + 1);
                }
            });
            _listener.Start();
        }

        public int FastPathResponses => Volatile.Read(ref _fastPath);

        public int Durations(string route) => _durations.GetValueOrDefault(route);

        public void Dispose() => _listener.Dispose();
    }

    [Fact]
    public async Task A_required_role_guards_the_scrape()
    {
        var opsKey = ApiKeyHasher.NewKey();
        var webKey = ApiKeyHasher.NewKey();
        await using var app = await TestApp.StartAsync(
            "--metrics:requireRole=monitoring",
            "--security:apiKeys:0:id=prometheus", "--security:apiKeys:0:hash=" + ApiKeyHasher.Hash(opsKey), "--security:apiKeys:0:roles:0=monitoring",
            "--security:apiKeys:1:id=web", "--security:apiKeys:1:hash=" + ApiKeyHasher.Hash(webKey), "--security:apiKeys:1:roles:0=web");

        using var anonymous = await app.CreateClient().GetAsync("/metrics");
        var web = app.CreateClient();
        web.DefaultRequestHeaders.Add("X-Api-Key", webKey);
        using var wrongRole = await web.GetAsync("/metrics");
        var prometheus = app.CreateClient();
        prometheus.DefaultRequestHeaders.Add("X-Api-Key", opsKey);
        using var allowed = await prometheus.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("# TYPE", await allowed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_can_be_turned_off()
    {
        await using var app = await TestApp.StartAsync("--metrics:enabled=false");

        using var scrape = await app.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, scrape.StatusCode);
    }

    private static IEnumerable<string> Lines(string text, string prefix) =>
        text.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The sample value: the number after the labels (a timestamp may follow).</summary>
    private static double Value(string line)
    {
        var afterLabels = line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0];
        return double.Parse(afterLabels, System.Globalization.CultureInfo.InvariantCulture);
    }
}
