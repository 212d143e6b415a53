using GeoMas.Ogc.Integration.Tests.Interop;
using SkiaSharp;

namespace GeoMas.Ogc.Integration.Tests.OgcApiTiles;

/// <summary>
/// GDAL's OGCAPI driver (Debian's GDAL 3.6) against the real server, through the Maps API: it finds the map link
/// of the collection description, reads the extent and fetches a window as 256-pixel CRS84 boxes. (GDAL 3.6 reads
/// tile matrix sets only in the TMS 1.0 JSON encoding, so its Tiles API path cannot read the 2.0 sets OGC API Tiles
/// serves; GDAL 3.7+ reads them.)
/// </summary>
public sealed class OgcApiMapsGdalInteropTests(LiveServerFixture server) : IClassFixture<LiveServerFixture>
{
    [Fact]
    public async Task Gdalinfo_opens_the_collection_map()
    {
        var run = await ExternalTool.RunAsync("gdalinfo", ["-oo", "API=MAP", $"OGCAPI:{server.BaseUrl}/collections/routes"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Driver: OGCAPI/OGCAPI", run.Stdout);
        Assert.Contains("ID[\"EPSG\",4326]", run.Stdout);
    }

    [Fact]
    public async Task Gdal_translate_copies_a_window_that_is_not_blank()
    {
        var output = Path.Combine(Path.GetTempPath(), $"geomas-gdal-oapim-{Guid.NewGuid():N}.png");
        try
        {
            var run = await ExternalTool.RunAsync("gdal_translate",
                ["-q", "-oo", "API=MAP", "-of", "PNG", "-projwin", "6.06", "44.58", "6.09", "44.55", "-outsize", "300", "300",
                    $"OGCAPI:{server.BaseUrl}/collections/routes", output], timeoutSeconds: 300);
            Assert.True(run.ExitCode == 0, run.ToString());

            using var bitmap = SKBitmap.Decode(output);
            Assert.Equal((300, 300), (bitmap.Width, bitmap.Height));
            Assert.True(bitmap.Pixels.Count(p => p.Alpha > 0) > 100, "GDAL's copy of the map is blank");
        }
        finally
        {
            File.Delete(output);
        }
    }
}
