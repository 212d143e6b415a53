using System.Text.Json;
using SkiaSharp;

namespace GeoMas.Ogc.Integration.Tests.Interop;

/// <summary>
/// Real WMTS clients against the real server (Kestrel, PostGIS, the real tile service) over HTTP: GDAL's WMTS driver,
/// OWSLib's WebMapTileService and QGIS headless, in Lambert-93 (LAMB93) and Web Mercator (WebMercatorQuad).
/// </summary>
public sealed class WmtsClientInteropTests(LiveServerFixture server) : IClassFixture<LiveServerFixture>
{
    private const string Python = "/usr/bin/python3";

    private string Capabilities => $"WMTS:{server.BaseUrl}/wmts/1.0.0/WMTSCapabilities.xml";

    [Fact]
    public async Task Gdalinfo_lists_the_layers_of_the_capabilities()
    {
        var run = await ExternalTool.RunAsync("gdalinfo", [Capabilities]);

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var layer in new[] { "communes", "parcelles", "batiments", "routes", "plu_zones", "sentiers", "plan", "fond_plan" })
            Assert.Contains($"layer={layer}", run.Stdout);
    }

    [Theory]
    [InlineData("LAMB93", "943500", "6390200", "945500", "6388200")]
    [InlineData("WebMercatorQuad", "675700", "5548000", "678500", "5545200")]
    public async Task Gdal_translate_fetches_a_window_of_tiles_that_is_not_blank(string tms, string ulx, string uly, string lrx, string lry)
    {
        var output = Path.Combine(Path.GetTempPath(), $"geomas-gdal-wmts-{Guid.NewGuid():N}.png");
        try
        {
            var source = $"{Capabilities},layer=plan,tilematrixset={tms}";
            var translate = await ExternalTool.RunAsync("gdal_translate",
                ["-q", "-of", "PNG", "-projwin", ulx, uly, lrx, lry, "-outsize", "400", "400", source, output], timeoutSeconds: 300);
            Assert.True(translate.ExitCode == 0, translate.ToString());

            using var bitmap = SKBitmap.Decode(output);
            Assert.Equal(400, bitmap.Width);
            Assert.True(bitmap.Pixels.Distinct().Count() > 20, "GDAL's copy of the tiles looks blank");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Owslib_reads_contents_tile_matrix_sets_and_tiles()
    {
        var run = await ExternalTool.RunAsync(Python, [ExternalTool.Script("owslib_wmts.py"), server.BaseUrl]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var report = JsonDocument.Parse(run.Stdout);
        Assert.Equal(9, report.RootElement.GetProperty("layers").GetInt32()); // 6 vector layers, ortho, 2 groups
        Assert.Equal(["LAMB93", "WebMercatorQuad", "WorldCRS84Quad"],
            report.RootElement.GetProperty("tilematrixsets").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Qgis_adds_the_wmts_layer_in_lamb93_and_web_mercator_and_renders_it()
    {
        var prefix = Path.Combine(Path.GetTempPath(), $"geomas-qgis-wmts-{Guid.NewGuid():N}");
        try
        {
            var run = await ExternalTool.RunAsync(Python, [ExternalTool.Script("qgis_wmts.py"), server.BaseUrl, prefix],
                new Dictionary<string, string> { ["QT_QPA_PLATFORM"] = "offscreen", ["XDG_RUNTIME_DIR"] = Path.GetTempPath() },
                timeoutSeconds: 300);

            Assert.True(run.ExitCode == 0, run.ToString());
            foreach (var tms in new[] { "LAMB93", "WebMercatorQuad" })
            {
                using var bitmap = SKBitmap.Decode($"{prefix}-{tms}.png");
                Assert.Equal(512, bitmap.Width);
                Assert.True(bitmap.Pixels.Distinct().Count() > 20, $"QGIS rendered a blank {tms} map");
            }
        }
        finally
        {
            foreach (var tms in new[] { "LAMB93", "WebMercatorQuad" })
                File.Delete($"{prefix}-{tms}.png");
        }
    }
}
