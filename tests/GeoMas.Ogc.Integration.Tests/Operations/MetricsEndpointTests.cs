using System.Net;
using GeoMas.Ogc.Core.Security;
using GeoMas.Ogc.Integration.Tests.Server;

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
