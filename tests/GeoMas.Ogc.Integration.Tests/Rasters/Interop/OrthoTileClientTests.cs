using System.Globalization;
using System.Text.Json;
using GeoMas.Ogc.Integration.Tests.Interop;

namespace GeoMas.Ogc.Integration.Tests.Rasters.Interop;

/// <summary>
/// The ortho layer through GDAL's WMTS, TMS (XYZ) and WMS drivers and through QGIS headless (WMTS in LAMB93 and
/// WebMercatorQuad, XYZ), served by real Kestrel on the PostGIS configuration with the default demo COG. Each copy is
/// laid over GDAL's own reading of the source COG on the same grid (tests/interop/ortho_compare.py): the pixels must
/// be the source's, in the right place, not merely "an image that is not blank".
/// </summary>
public sealed class OrthoTileClientTests(LiveServerFixture server) : IClassFixture<LiveServerFixture>
{
    private const string Python = "/usr/bin/python3";

    /// <summary>Metres per pixel of WebMercatorQuad level 19, the deepest XYZ level of a 20 cm orthophoto.</summary>
    private const double WebMercatorZ19 = 0.29858214173896974;

    private static string Source => RepositoryPaths.Config(Path.Combine("demo", "geomas-demo-ortho.tif"));

    private string Capabilities => $"WMTS:{server.BaseUrl}/wmts/1.0.0/WMTSCapabilities.xml";

    [Theory]
    [InlineData("LAMB93", "2154")]
    [InlineData("WebMercatorQuad", "3857")]
    public async Task Gdalinfo_opens_ortho_in_a_tile_matrix_set(string tms, string epsg)
    {
        var run = await ExternalTool.RunAsync("gdalinfo", ["-json", $"{Capabilities},layer=ortho,tilematrixset={tms}"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var info = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("WMTS", info.GetProperty("driverShortName").GetString());
        Assert.Contains($"\"EPSG\",{epsg}]]", info.GetProperty("coordinateSystem").GetProperty("wkt").GetString()!.Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(info.GetProperty("bands").GetArrayLength() >= 3);
        // The dataset's WGS 84 outline holds the orthophoto's centre (944500, 6389200 = 6.0794 E, 44.5590 N).
        var ring = info.GetProperty("wgs84Extent").GetProperty("coordinates")[0].EnumerateArray()
            .Select(p => (Lon: p[0].GetDouble(), Lat: p[1].GetDouble())).ToList();
        Assert.InRange(6.0794, ring.Min(p => p.Lon), ring.Max(p => p.Lon));
        Assert.InRange(44.5590, ring.Min(p => p.Lat), ring.Max(p => p.Lat));
    }

    /// <summary>
    /// gdal_translate copies a window to GeoTIFF at a resolution the service has natively (a tile matrix, or any for
    /// WMS), so GDAL does not resample the server's pixels: the copy must match the source exactly in place.
    /// </summary>
    [Theory]
    [InlineData("wmts-LAMB93", "2154", 0.4)]
    [InlineData("wmts-WebMercatorQuad", "3857", WebMercatorZ19)]
    [InlineData("xyz", "3857", WebMercatorZ19)]
    [InlineData("wms-2154", "2154", 0.4)]
    [InlineData("wms-3857", "3857", 0.5)]
    public async Task Gdal_translate_copies_ortho_onto_the_source_pixels(string client, string epsg, double resolution)
    {
        using var folder = new TempFolder();
        var copy = Path.Combine(folder.Path, $"{client}.tif");
        var (ulx, uly, lrx, lry) = epsg == "2154"
            ? (944300.0, 6389300.0, 944500.0, 6389100.0)   // 200 m of Gap centre
            : (676465.0, 5552495.0, 676765.0, 5552195.0);  // about the same ground in Web Mercator
        var translate = await ExternalTool.RunAsync("gdal_translate",
            ["-q", "-of", "GTiff", "-projwin", F(ulx), F(uly), F(lrx), F(lry), "-tr", F(resolution), F(resolution),
             ClientDataset(client, folder.Path), copy], timeoutSeconds: 300);
        Assert.True(translate.ExitCode == 0, translate.ToString());

        var report = await CompareAsync(copy, Source);

        Assert.Equal(epsg, report.GetProperty("epsg").GetString());
        var geotransform = report.GetProperty("geotransform");
        // GDAL snaps the window to the service's pixel grid: within a pixel of what was asked.
        Assert.InRange(geotransform[0].GetDouble(), ulx - resolution, ulx + resolution);
        Assert.InRange(geotransform[3].GetDouble(), uly - resolution, uly + resolution);
        Assert.Equal(resolution, geotransform[1].GetDouble(), 6);
        OrthoPlacementReport.From(report).AssertMatches($"gdal_translate from {client}");
    }

    /// <summary>
    /// The comparison above can fail: the same GDAL copy laid over a source moved 0.8 m east (2 pixels of 0.4 m) is
    /// found shifted by exactly those 2 pixels.
    /// </summary>
    [Fact]
    public async Task A_source_moved_by_two_pixels_is_caught()
    {
        using var folder = new TempFolder();
        var copy = Path.Combine(folder.Path, "wmts-LAMB93.tif");
        var translate = await ExternalTool.RunAsync("gdal_translate",
            ["-q", "-of", "GTiff", "-projwin", "944300", "6389300", "944500", "6389100", "-tr", "0.4", "0.4",
             ClientDataset("wmts-LAMB93", folder.Path), copy], timeoutSeconds: 300);
        Assert.True(translate.ExitCode == 0, translate.ToString());
        var moved = Path.Combine(folder.Path, "moved.vrt");
        var shift = await ExternalTool.RunAsync("gdal_translate",
            ["-q", "-of", "VRT", "-a_ullr", "944000.8", "6389700", "945000.8", "6388700", Source, moved]);
        Assert.True(shift.ExitCode == 0, shift.ToString());

        var report = OrthoPlacementReport.From(await CompareAsync(copy, moved));

        Assert.Equal((-2, 0), (report.BestDx, report.BestDy));
        Assert.True(report.MeanAbsDiff > 3 * report.BestOffsetError, report.ToString());
    }

    [Fact]
    public async Task Qgis_draws_ortho_from_wmts_and_xyz_in_place()
    {
        var prefix = Path.Combine(RepositoryPaths.Root, "tests", "out", "rasters", "qgis-ortho-tiles");
        Directory.CreateDirectory(Path.GetDirectoryName(prefix)!);
        var run = await ExternalTool.RunAsync(Python,
            [ExternalTool.Script("qgis_ortho_tiles.py"), server.BaseUrl, prefix, Source, "944400", "6389200"],
            new Dictionary<string, string> { ["QT_QPA_PLATFORM"] = "offscreen", ["XDG_RUNTIME_DIR"] = Path.GetTempPath() },
            timeoutSeconds: 300);

        Assert.True(run.ExitCode == 0, run.ToString());
        var reports = JsonDocument.Parse(run.Stdout.Trim().Split('\n')[^1]).RootElement;
        foreach (var name in new[] { "wmts-LAMB93", "wmts-WebMercatorQuad", "xyz" })
        {
            var report = reports.GetProperty(name);
            Assert.Equal(0, report.GetProperty("magenta_pixels").GetInt32());
            // QGIS draws tiles at whole-pixel positions it rounds itself (see the script): one pixel is QGIS's.
            OrthoPlacementReport.From(report).AssertMatches($"QGIS {name}", maxShift: 1);
        }
    }

    /// <summary>The dataset name GDAL opens for each way of reaching the ortho layer.</summary>
    private string ClientDataset(string client, string folder)
    {
        var wms = $"WMS:{server.BaseUrl}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=ortho&FORMAT=image/jpeg";
        return client switch
        {
            "wmts-LAMB93" => $"{Capabilities},layer=ortho,tilematrixset=LAMB93",
            "wmts-WebMercatorQuad" => $"{Capabilities},layer=ortho,tilematrixset=WebMercatorQuad",
            "xyz" => WriteXyzDescription(folder),
            "wms-2154" => $"{wms}&CRS=EPSG:2154&BBOX=944000,6388700,945000,6389700",
            "wms-3857" => $"{wms}&CRS=EPSG:3857&BBOX=676000,5551600,677500,5553100",
            _ => throw new ArgumentOutOfRangeException(nameof(client), client, null),
        };
    }

    /// <summary>
    /// A GDAL WMS service description for the XYZ tiles (the TMS mini-driver, y from the top): GDAL has no other way
    /// to read an XYZ URL template. No &lt;Cache&gt;, so every tile comes from the server.
    /// </summary>
    private string WriteXyzDescription(string folder)
    {
        var path = Path.Combine(folder, "ortho-xyz.xml");
        File.WriteAllText(path, $"""
            <GDAL_WMS>
              <Service name="TMS"><ServerUrl>{server.BaseUrl}/tiles/ortho/${"{z}"}/${"{x}"}/${"{y}"}.jpg</ServerUrl></Service>
              <DataWindow>
                <UpperLeftX>-20037508.342789244</UpperLeftX><UpperLeftY>20037508.342789244</UpperLeftY>
                <LowerRightX>20037508.342789244</LowerRightX><LowerRightY>-20037508.342789244</LowerRightY>
                <TileLevel>19</TileLevel><TileCountX>1</TileCountX><TileCountY>1</TileCountY><YOrigin>top</YOrigin>
              </DataWindow>
              <Projection>EPSG:3857</Projection>
              <BlockSizeX>256</BlockSizeX><BlockSizeY>256</BlockSizeY><BandsCount>3</BandsCount>
            </GDAL_WMS>
            """);
        return path;
    }

    private static async Task<JsonElement> CompareAsync(string copy, string source)
    {
        var run = await ExternalTool.RunAsync(Python, [ExternalTool.Script("gdal_ortho_compare.py"), copy, source]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonDocument.Parse(run.Stdout.Trim().Split('\n')[^1]).RootElement;
    }

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private sealed class TempFolder : IDisposable
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("geomas-ortho-clients-");

        public string Path => _folder.FullName;

        public void Dispose() => _folder.Delete(recursive: true);
    }
}
