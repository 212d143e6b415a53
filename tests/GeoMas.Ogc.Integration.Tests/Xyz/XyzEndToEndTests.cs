using System.Net;
using System.Text.Json;
using GeoMas.Ogc.Integration.Tests.Server;
using SkiaSharp;

namespace GeoMas.Ogc.Integration.Tests.Xyz;

/// <summary>XYZ tiles and TileJSON through the real composition (embedded GeoPackage config, real tile service and cache).</summary>
public sealed class XyzEndToEndTests(EmbeddedServerFixture server) : IClassFixture<EmbeddedServerFixture>
{
    // Gap at z15 (lon 6.0795, lat 44.5625).
    private const string GapTile = "/tiles/plan/15/16937/11843.png";

    [Fact]
    public async Task A_Geotrek_tile_url_over_Gap_is_a_drawn_256_px_png_with_cache_headers()
    {
        using var http = server.App.CreateClient();

        using var response = await http.GetAsync(GapTile + "?123");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.StartsWith("public, max-age=", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.ETag);
        using var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(256, bitmap.Width);
        Assert.Equal(256, bitmap.Height);
        Assert.True(bitmap.Pixels.Distinct().Count() > 20, "the Gap tile looks blank");

        // Revalidation: same ETag → 304. The next answer comes from the cache, compacted on this second hit
        // (cache.compactHotTiles): the same picture in no more bytes.
        using var conditional = new HttpRequestMessage(HttpMethod.Get, GapTile);
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await http.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        using var again = await http.GetAsync(GapTile + "?456");
        var first = await response.Content.ReadAsByteArrayAsync();
        var cached = await again.Content.ReadAsByteArrayAsync();
        Assert.True(cached.Length <= first.Length);
        using var cachedBitmap = SKBitmap.Decode(cached);
        Assert.Equal(bitmap.Pixels, cachedBitmap.Pixels);
    }

    [Fact]
    public async Task A_tile_far_from_the_data_is_a_blank_200_and_beyond_the_matrix_a_404()
    {
        using var http = server.App.CreateClient();

        using var pacific = await http.GetAsync("/tiles/fond_plan/15/100/16000.png");
        using var beyond = await http.GetAsync("/tiles/fond_plan/15/32768/0.png");

        Assert.Equal(HttpStatusCode.OK, pacific.StatusCode);
        using var blank = SKBitmap.Decode(await pacific.Content.ReadAsByteArrayAsync());
        Assert.Single(blank.Pixels.Distinct());
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
    }

    [Fact]
    public async Task TileJSON_points_at_working_tiles_over_the_layer()
    {
        using var http = server.App.CreateClient();

        using var response = await http.GetAsync("/tiles/fond_plan.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal("3.0.0", root.GetProperty("tilejson").GetString());
        var template = root.GetProperty("tiles")[0].GetString()!;
        Assert.EndsWith("/tiles/fond_plan/{z}/{x}/{y}.png", template, StringComparison.Ordinal);
        Assert.StartsWith("http://localhost", template, StringComparison.Ordinal);
        var bounds = root.GetProperty("bounds").EnumerateArray().Select(b => b.GetDouble()).ToArray();
        Assert.InRange(bounds[0], 5.0, 6.0795);   // the demo data lies around Gap
        Assert.InRange(bounds[2], 6.0795, 7.5);
        Assert.InRange(bounds[1], 43.5, 44.5625);
        Assert.InRange(bounds[3], 44.5625, 45.5);
        Assert.InRange(15, root.GetProperty("minzoom").GetInt32(), root.GetProperty("maxzoom").GetInt32());

        using var tile = await http.GetAsync(new Uri(template.Replace("{z}", "15", StringComparison.Ordinal)
            .Replace("{x}", "16937", StringComparison.Ordinal).Replace("{y}", "11843", StringComparison.Ordinal)).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
    }

    [Fact]
    public async Task A_broken_tile_matrix_set_folder_stops_the_server_with_every_error()
    {
        var directory = Directory.CreateTempSubdirectory("geomas-tms-config-");
        try
        {
            var config = Path.Combine(directory.FullName, "geomas.json");
            await File.WriteAllTextAsync(config, $$"""
                {
                  "extends": {{JsonSerializer.Serialize(RepositoryPaths.Config("geomas.json"))}},
                  "sources": { "main": { "kind": "geopackage", "path": {{JsonSerializer.Serialize(Path.Combine(RepositoryPaths.Root, "config", "demo", "geomas-demo.gpkg"))}} },
                               "ortho": { "path": {{JsonSerializer.Serialize(Path.Combine(RepositoryPaths.Root, "config", "demo", "geomas-demo-ortho.tif"))}} } },
                  "stylesDirectory": {{JsonSerializer.Serialize(Path.Combine(RepositoryPaths.Root, "styles"))}}
                }
                """);
            Directory.CreateDirectory(Path.Combine(directory.FullName, "tilematrixsets"));
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "tilematrixsets", "Broken.json"), """{ "crs": "EPSG:2154" }""");

            var created = await TestApp.CreateAsync("--config", config);

            Assert.Null(created.App);
            Assert.Contains("Broken.json: 'tileMatrices' is required and must be an array.", created.Errors);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
