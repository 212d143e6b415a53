using System.Net;
using System.Text.Json;
using GeoMas.Ogc.Integration.Tests.Interop;

namespace GeoMas.Ogc.Integration.Tests.Rasters;

/// <summary>
/// The orthophoto on the PostGIS configuration (its <c>ortho</c> source is <c>${GEOMAS_ORTHO:-demo/geomas-demo-ortho.tif}</c>)
/// served by real Kestrel to real clients: GDAL's WMS driver, QGIS headless, and plain tile requests.
/// </summary>
public sealed class OrthoInteropTests(LiveServerFixture server) : IClassFixture<LiveServerFixture>
{
    [Theory]
    [InlineData("CRS=EPSG:2154", "944200,6388900,944800,6389500", "2154")]
    [InlineData("CRS=EPSG:3857", "676400,5552050,677100,5552650", "3857")]
    public async Task Gdal_translate_copies_a_wms_window_of_ortho(string crs, string bbox, string name)
    {
        var output = Path.Combine(Path.GetTempPath(), $"geomas-gdal-ortho-{Guid.NewGuid():N}.png");
        try
        {
            var url = $"WMS:{server.BaseUrl}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=ortho&{crs}&BBOX={bbox}&FORMAT=image/jpeg";
            var translate = await ExternalTool.RunAsync("gdal_translate", ["-q", "-of", "PNG", "-outsize", "512", "512", url, output]);
            Assert.True(translate.ExitCode == 0, translate.ToString());
            using var bitmap = OrthoImages.Decode(await File.ReadAllBytesAsync(output), $"gdal-ortho-{name}.png");
            Assert.Equal(512, bitmap.Width);
            OrthoImages.AssertCovered(bitmap);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Theory]
    [InlineData(2154)]
    [InlineData(3857)]
    public async Task Qgis_renders_the_ortho_wms_layer(int epsg)
    {
        var image = Path.Combine(RepositoryPaths.Root, "tests", "out", "rasters", $"qgis-ortho-{epsg}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(image)!);
        var run = await ExternalTool.RunAsync("/usr/bin/python3", [ExternalTool.Script("qgis_wms_ortho.py"), server.BaseUrl, image, $"{epsg}"],
            new Dictionary<string, string> { ["QT_QPA_PLATFORM"] = "offscreen", ["XDG_RUNTIME_DIR"] = Path.GetTempPath() },
            timeoutSeconds: 180);

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonDocument.Parse(run.Stdout.Trim().Split('\n')[^1]).RootElement;
        Assert.True(report.GetProperty("distinct_colours_sampled").GetInt32() > 50);
        Assert.Equal(0, report.GetProperty("magenta_samples").GetInt32());
    }

    [Theory]
    [InlineData("/wmts/1.0.0/ortho/default/WebMercatorQuad/17/47376/67749.jpg", "image/jpeg")]
    [InlineData("/wmts/1.0.0/fond_plan/default/LAMB93/17/13697/2305.png", "image/png")]
    [InlineData("/tiles/ortho/17/67749/47376.jpg", "image/jpeg")]
    [InlineData("/tiles/fond_plan/16/33874/23688.jpg", "image/jpeg")]
    public async Task Tiles_of_ortho_and_fond_plan_on_postgis(string path, string mime)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(server.BaseUrl + path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mime, response.Content.Headers.ContentType!.MediaType);
        using var bitmap = OrthoImages.Decode(await response.Content.ReadAsByteArrayAsync());
        OrthoImages.AssertCovered(bitmap, maxWhite: path.Contains("fond_plan", StringComparison.Ordinal) ? 0.3 : 0.05);
    }
}
