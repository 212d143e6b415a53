using System.Globalization;
using System.Net;
using System.Text.Json;
using GeoMas.Ogc.Protocols.Xyz;

namespace GeoMas.Ogc.Protocols.Tests.Xyz;

public sealed class TileJsonTests
{
    private static async Task<JsonElement> GetJsonAsync(XyzTestHost host, string url)
    {
        using var response = await host.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task The_plan_group_has_a_TileJSON_3_document_with_an_absolute_template()
    {
        await using var host = await XyzTestHost.StartAsync();
        var plan = host.Snapshot.FindLayer("plan")!;

        var json = await GetJsonAsync(host, "/tiles/plan.json");

        Assert.Equal("3.0.0", json.GetProperty("tilejson").GetString());
        Assert.Equal("Plan", json.GetProperty("name").GetString());
        Assert.Equal("© GeoMas", json.GetProperty("attribution").GetString());
        Assert.Equal("xyz", json.GetProperty("scheme").GetString());
        Assert.Equal(["http://localhost/tiles/plan/{z}/{x}/{y}.png"], json.GetProperty("tiles").EnumerateArray().Select(t => t.GetString()));

        // Members without a scale range draw at every zoom.
        Assert.Equal(0, json.GetProperty("minzoom").GetInt32());
        Assert.Equal(24, json.GetProperty("maxzoom").GetInt32());

        var bounds = json.GetProperty("bounds").EnumerateArray().Select(b => b.GetDouble()).ToArray();
        Assert.Equal([plan.GeographicExtent.MinX, plan.GeographicExtent.MinY, plan.GeographicExtent.MaxX, plan.GeographicExtent.MaxY], bounds);
        var center = json.GetProperty("center").EnumerateArray().Select(b => b.GetDouble()).ToArray();
        Assert.Equal(3, center.Length);
        Assert.InRange(center[0], bounds[0], bounds[2]);
        Assert.InRange(center[1], bounds[1], bounds[3]);
        Assert.Equal(12, center[2]); // Gap's ~10 km square fills about 512 px at z12
    }

    [Fact]
    public async Task The_zoom_range_comes_from_the_scale_range_on_WebMercatorQuad()
    {
        await using var host = await XyzTestHost.StartAsync();

        // parcelles: 100 ≤ scale < 25000 → z15 (17061.8) … z22 (133.3); z14 is 34123.7, z23 is 66.6.
        var json = await GetJsonAsync(host, "/tiles/parcelles.json");

        Assert.Equal(15, json.GetProperty("minzoom").GetInt32());
        Assert.Equal(22, json.GetProperty("maxzoom").GetInt32());
        Assert.Equal(15, json.GetProperty("center")[2].GetInt32()); // clamped into the range
    }

    [Fact]
    public async Task Public_base_url_style_time_and_format_shape_the_template()
    {
        await using var host = await XyzTestHost.StartAsync(XyzTestHost.Catalog(publicBaseUrl: "https://geo.example.org/geomas/"));

        var communes = await GetJsonAsync(host, "/tiles/communes.json?style=labels&format=webp&123");
        var plu = await GetJsonAsync(host, "/tiles/plu_zones.json?time=2019-06-15");
        var defaults = await GetJsonAsync(host, "/tiles/plu_zones.json?time=current&style=default");

        Assert.Equal("https://geo.example.org/geomas/tiles/communes/{z}/{x}/{y}.webp?style=labels", communes.GetProperty("tiles")[0].GetString());
        Assert.Equal("https://geo.example.org/geomas/tiles/plu_zones/{z}/{x}/{y}.png?time=2019-06-15", plu.GetProperty("tiles")[0].GetString());
        Assert.Equal("https://geo.example.org/geomas/tiles/plu_zones/{z}/{x}/{y}.png", defaults.GetProperty("tiles")[0].GetString());
    }

    [Fact]
    public async Task The_template_filled_in_is_a_working_tile_url()
    {
        await using var host = await XyzTestHost.StartAsync();
        var json = await GetJsonAsync(host, "/tiles/fond_plan.json?format=jpg");

        var url = json.GetProperty("tiles")[0].GetString()!.Replace("{z}", "15", StringComparison.Ordinal)
            .Replace("{x}", "16830", StringComparison.Ordinal).Replace("{y}", "11744", StringComparison.Ordinal);
        using var tile = await host.GetAsync(new Uri(url).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
        Assert.Equal("image/jpeg", tile.Content.Headers.ContentType!.MediaType);
        Assert.Equal("fond_plan", Assert.Single(host.Tiles.Requests).Layer.Id);
    }

    [Theory]
    [InlineData("/tiles/nope.json", HttpStatusCode.NotFound)]
    [InlineData("/tiles/communes.json?format=gif", HttpStatusCode.BadRequest)]
    [InlineData("/tiles/communes.json?style=nope", HttpStatusCode.BadRequest)]
    public async Task Errors_are_json_with_the_right_status(string url, HttpStatusCode status)
    {
        await using var host = await XyzTestHost.StartAsync();

        using var response = await host.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Bounds_are_clamped_to_Web_Mercator_and_a_layer_without_extent_gets_the_world()
    {
        await using var host = await XyzTestHost.StartAsync(XyzTestHost.Catalog(change: l => l.Id switch
        {
            "routes" => l with { GeographicExtent = new NetTopologySuite.Geometries.Envelope(-200, 200, -90, 90) },
            "communes" => l with { GeographicExtent = new NetTopologySuite.Geometries.Envelope() },
            _ => l,
        }));

        var routes = (await GetJsonAsync(host, "/tiles/routes.json")).GetProperty("bounds").EnumerateArray().Select(b => b.GetDouble()).ToArray();
        var communes = (await GetJsonAsync(host, "/tiles/communes.json")).GetProperty("bounds").EnumerateArray().Select(b => b.GetDouble()).ToArray();

        double[] world = [-180, -TileJsonWriter.MaxLatitude, 180, TileJsonWriter.MaxLatitude];
        Assert.Equal(world, routes);
        Assert.Equal(world, communes);
        Assert.Equal(85.0511287798066, TileJsonWriter.MaxLatitude, 1e-12);
        Assert.Equal("85.0511287798066", TileJsonWriter.MaxLatitude.ToString(CultureInfo.InvariantCulture));
    }
}
