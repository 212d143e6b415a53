using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using GeoMas.Ogc.Integration.Tests.Interop;

namespace GeoMas.Ogc.Integration.Tests.Rasters.Interop;

/// <summary>
/// The mosaic path end to end: a server whose <c>ortho</c> source is a <c>geomas index-rasters</c> index of four COGs
/// answers WMS GetMap across the point where the four files meet, GDAL's WMS driver copies it, and the copy must be
/// GDAL's own reading of the unsplit source there, with nothing on the seam lines. (MosaicSeamTests compares the
/// renderer's output for the mosaic and the unsplit file pixel for pixel; this is the same through HTTP and a client.)
/// </summary>
public sealed class MosaicGetMapClientTests(DemoMosaicServerFixture server) : IClassFixture<DemoMosaicServerFixture>
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task Capabilities_give_the_mosaic_extent()
    {
        using var http = new HttpClient();
        var capabilities = XDocument.Parse(await http.GetStringAsync($"{server.BaseUrl}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities"));
        XNamespace wms = "http://www.opengis.net/wms";

        var ortho = capabilities.Descendants(wms + "Layer").Single(l => (string?)l.Element(wms + "Name") == "ortho");
        var box = ortho.Elements(wms + "BoundingBox").Single(b => (string?)b.Attribute("CRS") == "EPSG:2154");
        Assert.Equal(DemoMosaicServerFixture.Extent,
            new[] { "minx", "miny", "maxx", "maxy" }.Select(a => double.Parse((string)box.Attribute(a)!, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(0.2)] // full resolution
    [InlineData(0.4)] // first overview of every file
    [InlineData(1.0)] // third overview, resampled
    public async Task Gdal_copies_getmap_across_the_corner_as_the_unsplit_source(double resolution)
    {
        var half = 128 * resolution;
        var report = await CopyAndCompareAsync("EPSG:2154", string.Join(',', DemoMosaicServerFixture.Extent.Select(F)),
            DemoMosaicServerFixture.CornerX - half, DemoMosaicServerFixture.CornerY + half,
            DemoMosaicServerFixture.CornerX + half, DemoMosaicServerFixture.CornerY - half, resolution, seam: true);

        Assert.Equal([128, 128], report.GetProperty("seam_pixel").EnumerateArray().Select(e => e.GetInt32()));
        var placement = OrthoPlacementReport.From(report);
        placement.AssertMatches($"mosaic GetMap at {resolution} m");
        var seamLines = report.GetProperty("seam_lines_mean_abs_diff").GetDouble();
        Assert.True(seamLines < placement.MeanAbsDiff + 2, $"the lines along the seams differ by {seamLines:F2} against {placement.MeanAbsDiff:F2} elsewhere");
    }

    [Fact]
    public async Task Gdal_copies_a_web_mercator_getmap_across_the_corner_as_the_unsplit_source()
    {
        // The corner (944500, 6389200) is (676751.2, 5552354.6) in EPSG:3857; the box is the mosaic's in 3857.
        const double Resolution = 0.3;
        var half = 128 * Resolution;
        var report = await CopyAndCompareAsync("EPSG:3857", "676170,5551815,677333,5552894",
            676751.2 - half, 5552354.6 + half, 676751.2 + half, 5552354.6 - half, Resolution, seam: false);

        OrthoPlacementReport.From(report).AssertMatches("mosaic GetMap in EPSG:3857");
    }

    private async Task<JsonElement> CopyAndCompareAsync(string crs, string bbox, double ulx, double uly, double lrx, double lry,
        double resolution, bool seam)
    {
        var folder = Directory.CreateTempSubdirectory("geomas-mosaic-getmap-");
        try
        {
            var copy = Path.Combine(folder.FullName, "copy.tif");
            var url = $"WMS:{server.BaseUrl}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=ortho&FORMAT=image/jpeg&CRS={crs}&BBOX={bbox}";
            var translate = await ExternalTool.RunAsync("gdal_translate",
                ["-q", "-of", "GTiff", "-projwin", F(ulx), F(uly), F(lrx), F(lry), "-tr", F(resolution), F(resolution), url, copy]);
            Assert.True(translate.ExitCode == 0, translate.ToString());

            string[] seamPoint = seam ? [F(DemoMosaicServerFixture.CornerX), F(DemoMosaicServerFixture.CornerY)] : [];
            var run = await ExternalTool.RunAsync(Python,
                [ExternalTool.Script("gdal_ortho_compare.py"), copy, DemoMosaicServerFixture.Source, .. seamPoint]);
            Assert.True(run.ExitCode == 0, run.ToString());
            return JsonDocument.Parse(run.Stdout.Trim().Split('\n')[^1]).RootElement.Clone();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
