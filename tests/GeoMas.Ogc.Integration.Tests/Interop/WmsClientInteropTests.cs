using System.Text.Json;
using SkiaSharp;

namespace GeoMas.Ogc.Integration.Tests.Interop;

/// <summary>
/// Real WMS clients against the real server over HTTP: GDAL's WMS driver, OWSLib (1.1.1 and 1.3.0) and QGIS headless.
/// The clients come from Debian packages (tests/scripts/setup-services installs them); a missing client fails the test.
/// </summary>
public sealed class WmsClientInteropTests(LiveServerFixture server) : IClassFixture<LiveServerFixture>
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task Gdalinfo_lists_every_layer_of_the_capabilities_as_a_subdataset()
    {
        var run = await ExternalTool.RunAsync("gdalinfo", [$"WMS:{server.BaseUrl}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var layer in new[] { "communes", "parcelles", "batiments", "routes", "plu_zones", "sentiers", "plan", "fond_plan" })
            Assert.Contains($"LAYERS={layer}&CRS=EPSG:2154&BBOX=", run.Stdout);
    }

    [Theory]
    [InlineData("1.3.0", "CRS=EPSG:2154", "944000,6388700,945000,6389700")]
    [InlineData("1.1.1", "SRS=EPSG:2154", "944000,6388700,945000,6389700")]
    [InlineData("1.1.1", "SRS=EPSG:4326", "6.073,44.558,6.086,44.567")]
    [InlineData("1.3.0", "CRS=EPSG:3857", "676000,5545000,677500,5546500")]
    public async Task Gdal_translate_fetches_a_drawn_map(string version, string crs, string bbox)
    {
        var output = Path.Combine(Path.GetTempPath(), $"geomas-gdal-{Guid.NewGuid():N}.png");
        try
        {
            var url = $"WMS:{server.BaseUrl}/wms?SERVICE=WMS&VERSION={version}&REQUEST=GetMap&LAYERS=plan&{crs}&BBOX={bbox}&FORMAT=image/png";
            var translate = await ExternalTool.RunAsync("gdal_translate", ["-q", "-of", "PNG", "-outsize", "400", "400", url, output]);
            Assert.True(translate.ExitCode == 0, translate.ToString());

            using var bitmap = SKBitmap.Decode(output);
            Assert.Equal(400, bitmap.Width);
            Assert.Equal(400, bitmap.Height);
            Assert.True(DistinctColours(bitmap) > 20, "GDAL's copy of the map looks blank");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Owslib_reads_capabilities_maps_and_feature_info_in_both_versions()
    {
        var run = await ExternalTool.RunAsync(Python, [ExternalTool.Script("owslib_wms.py"), server.BaseUrl]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var report = JsonDocument.Parse(run.Stdout);
        foreach (var version in new[] { "1.1.1", "1.3.0" })
        {
            var seen = report.RootElement.GetProperty(version);
            Assert.Equal(9, seen.GetProperty("layers").GetInt32()); // 6 vector layers, ortho, 2 groups
            Assert.Equal("parcelles.05061000DS0074", seen.GetProperty("first_parcel").GetString());
        }
    }

    [Fact]
    public async Task Qgis_adds_the_wms_layers_and_renders_a_map_that_is_not_blank()
    {
        var image = Path.Combine(Path.GetTempPath(), $"geomas-qgis-{Guid.NewGuid():N}.png");
        try
        {
            var run = await ExternalTool.RunAsync(Python, [ExternalTool.Script("qgis_wms.py"), server.BaseUrl, image],
                new Dictionary<string, string> { ["QT_QPA_PLATFORM"] = "offscreen", ["XDG_RUNTIME_DIR"] = Path.GetTempPath() },
                timeoutSeconds: 180);

            Assert.True(run.ExitCode == 0, run.ToString());
            using var bitmap = SKBitmap.Decode(image);
            Assert.Equal(600, bitmap.Width);
            Assert.True(DistinctColours(bitmap) > 20, "QGIS rendered a blank map");
        }
        finally
        {
            File.Delete(image);
        }
    }

    /// <summary>
    /// The axis-order trap (OGC-CHECKLISTS TRAP-1): the same area asked as WMS 1.3.0 EPSG:4326 (lat,lon),
    /// WMS 1.1.1 EPSG:4326 (lon,lat) and 1.3.0 CRS:84 (lon,lat) must give the very same picture.
    /// </summary>
    [Fact]
    public async Task The_same_area_in_the_three_geographic_axis_orders_gives_the_same_picture()
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        const string common = "REQUEST=GetMap&LAYERS=plan&STYLES=&WIDTH=300&HEIGHT=300&FORMAT=image/png";
        var latLon130 = await GetImage(http, $"/wms?VERSION=1.3.0&{common}&CRS=EPSG:4326&BBOX=44.558,6.073,44.567,6.086");
        var lonLat111 = await GetImage(http, $"/wms?VERSION=1.1.1&{common}&SRS=EPSG:4326&BBOX=6.073,44.558,6.086,44.567");
        var crs84 = await GetImage(http, $"/wms?VERSION=1.3.0&{common}&CRS=CRS:84&BBOX=6.073,44.558,6.086,44.567");
        // A swapped reading (lon,lat taken as lat,lon) would land in the sea off Somalia: blank.
        var swapped = await GetImage(http, $"/wms?VERSION=1.3.0&{common}&CRS=EPSG:4326&BBOX=6.073,44.558,6.086,44.567");

        Assert.True(DistinctColours(latLon130) > 20, "the 1.3.0 EPSG:4326 map is blank");
        Assert.Equal(Pixels(latLon130), Pixels(lonLat111));
        Assert.Equal(Pixels(latLon130), Pixels(crs84));
        Assert.Equal(1, DistinctColours(swapped));
    }

    private static async Task<SKBitmap> GetImage(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "image/png",
            $"{url} gave {response.Content.Headers.ContentType}: {System.Text.Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(400, bytes.Length)))}");
        return SKBitmap.Decode(bytes);
    }

    private static uint[] Pixels(SKBitmap bitmap) => bitmap.Pixels.Select(p => (uint)p).ToArray();

    private static int DistinctColours(SKBitmap bitmap) => bitmap.Pixels.Distinct().Count();
}
