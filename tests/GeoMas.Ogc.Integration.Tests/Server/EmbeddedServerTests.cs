using System.Net;
using System.Text.Json;
using GeoMas.Ogc.Core.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Integration.Tests.Server;

/// <summary>The README's first command: the default configuration, no database, no Redis.</summary>
public class EmbeddedServerTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    [Fact]
    public void Publishes_the_layer_ids_of_the_architecture_with_extents_from_the_data()
    {
        var snapshot = fixture.App.App.Services.GetRequiredService<ICatalogProvider>().Current;

        Assert.Equal(["communes", "parcelles", "batiments", "routes", "plu_zones", "sentiers", "ortho", "fond_plan", "plan"],
            snapshot.Layers.Select(l => l.Id));
        var parcelles = snapshot.FindLayer("parcelles")!;
        // ogrinfo: 935263.24 6378595.80 - 950073.03 6400756.02 (EPSG:2154), around Gap (6.07°E, 44.56°N);
        // the GeoPackage R-tree stores float32 bounds, hence the metre of tolerance.
        Assert.Equal(935263.24, parcelles.Extent.MinX, 1.0);
        Assert.Equal(6400756.02, parcelles.Extent.MaxY, 1.0);
        Assert.InRange(parcelles.GeographicExtent.Centre.X, 5.9, 6.2);
        Assert.InRange(parcelles.GeographicExtent.Centre.Y, 44.4, 44.7);
        Assert.NotEmpty(snapshot.FindLayer("plu_zones")!.Time!.Values);
        Assert.True(snapshot.FindLayer("plan")!.Extent.Contains(parcelles.Extent));
    }

    [Fact]
    public async Task Liveness_answers_healthy()
    {
        using var response = await _client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_pings_every_source()
    {
        using var response = await _client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        // One check per source, plus the cascade check (healthy: the embedded default has no remote upstream).
        Assert.Equal("Healthy", checks["source:main"]);
        Assert.All(checks.Values, status => Assert.Equal("Healthy", status));
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/no/such/path")]
    [InlineData("/wms?SERVICE=WMS&REQUEST=NoSuchOperation")]
    public async Task Every_response_allows_any_origin(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Origin", "https://maps.example.net");

        using var response = await _client.SendAsync(request);

        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task Preflight_requests_are_answered()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/health/ready");
        request.Headers.Add("Origin", "https://maps.example.net");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "x-requested-with");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Equal("x-requested-with", response.Headers.GetValues("Access-Control-Allow-Headers").Single());
    }

    [Fact]
    public async Task Head_returns_the_headers_of_get_without_a_body()
    {
        using var get = await _client.GetAsync("/health/ready");
        var getBody = await get.Content.ReadAsByteArrayAsync();
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/health/ready"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        // The JSON holds timings, so its length may differ by a few bytes; the GET's own length must be announced.
        Assert.InRange(head.Content.Headers.ContentLength!.Value, getBody.Length - 10, getBody.Length + 10);
    }

    [Fact]
    public async Task Serves_a_map_of_the_plan_group()
    {
        using var response = await _client.GetAsync(
            "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=plan&STYLES=&CRS=EPSG:2154&BBOX=943000,6387000,946000,6390000&WIDTH=256&HEIGHT=256&FORMAT=image/png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public async Task Urls_written_by_the_server_follow_the_reverse_proxy()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/wms?SERVICE=WMS&REQUEST=GetCapabilities");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "geo.example.org");
        request.Headers.Add("X-Forwarded-Prefix", "/ogc");

        using var response = await _client.SendAsync(request);

        var capabilities = await response.Content.ReadAsStringAsync();
        Assert.Contains("xlink:href=\"https://geo.example.org/ogc/wms?\"", capabilities);
        Assert.DoesNotContain("http://localhost", capabilities);
    }
}
