using System.Text.Json;
using GeoMas.Ogc.Integration.Tests.Interop;
using GeoMas.Ogc.Integration.Tests.OgcApi;

namespace GeoMas.Ogc.Integration.Tests.Wfs;

/// <summary>
/// Real WFS clients against the real server on Kestrel with the PostGIS configuration: GDAL's WFS driver (ogr2ogr in
/// WFS 2.0 and with the WFS 1.1 forms GDAL uses — the issue's complaint: duplicates and missing parcels when paging is
/// not stable), OWSLib's WebFeatureService 2.0 and QGIS's WFS provider. A missing client fails the test.
/// </summary>
public sealed class WfsClientInteropTests(LiveServerFixture server) : IClassFixture<LiveServerFixture>
{
    private const string Python = "/usr/bin/python3";

    [Theory]
    [InlineData("2.0.0", "1000")]
    [InlineData("2.0.0", "")]
    [InlineData("1.1.0", "")]
    public async Task Ogr2ogr_copies_every_parcel_exactly_once(string version, string pageSize)
    {
        var output = Path.Combine(Path.GetTempPath(), $"geomas-wfs-{Guid.NewGuid():N}.geojson");
        try
        {
            var arguments = new List<string> { "-f", "GeoJSON", output, $"WFS:{server.BaseUrl}/wfs?VERSION={version}", "parcelles" };
            var environment = new Dictionary<string, string> { ["GDAL_HTTP_TIMEOUT"] = "120" };
            if (pageSize.Length > 0)
            {
                // Forces GDAL's paging (STARTINDEX/COUNT) with small pages: about 25 pages to walk.
                environment["OGR_WFS_PAGING_ALLOWED"] = "ON";
                environment["OGR_WFS_PAGE_SIZE"] = pageSize;
            }
            var copy = await ExternalTool.RunAsync("ogr2ogr", arguments, environment, timeoutSeconds: 600);
            Assert.True(copy.ExitCode == 0, copy.ToString());

            var expected = await DatabaseCounts.RowsAsync(true, "parcelles");
            await using var file = File.OpenRead(output);
            using var json = await JsonDocument.ParseAsync(file);
            var ids = json.RootElement.GetProperty("features").EnumerateArray()
                .Select(f => f.GetProperty("properties").GetProperty("id").GetString()!).ToList();
            Assert.Equal(expected, ids.Count);
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Ogrinfo_counts_the_parcels_through_hits()
    {
        var run = await ExternalTool.RunAsync("ogrinfo", ["-ro", "-so", $"WFS:{server.BaseUrl}/wfs", "parcelles"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Feature Count: {await DatabaseCounts.RowsAsync(true, "parcelles")}", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owslib_reads_pages_walks_the_parcels_and_gets_a_feature_by_id()
    {
        var run = await ExternalTool.RunAsync(Python, [ExternalTool.Script("owslib_wfs.py"), server.BaseUrl], timeoutSeconds: 300);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var report = JsonDocument.Parse(run.Stdout);
        var root = report.RootElement;
        var parcels = await DatabaseCounts.RowsAsync(true, "parcelles");
        Assert.Contains("geomas:parcelles", root.GetProperty("feature_types").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(5, root.GetProperty("routes_page_members").GetInt32());
        Assert.Equal(["urn:ogc:def:crs:EPSG::2154"], root.GetProperty("routes_srs_names").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(parcels, root.GetProperty("parcelles_walked").GetInt64());
        Assert.Equal(parcels, root.GetProperty("parcelles_matched").GetInt64());
        Assert.Equal(root.GetProperty("by_id_expected").GetString(), root.GetProperty("by_id").GetString());
    }

    [Fact]
    public async Task Qgis_loads_the_wfs_layers_and_counts_every_feature()
    {
        using var report = await QgisFeatureLayers.ReportAsync("wfs", server.BaseUrl);
        var root = report.RootElement;
        var parcels = await DatabaseCounts.RowsAsync(true, "parcelles");
        Assert.Equal(parcels, root.GetProperty("parcelles").GetInt64());
        Assert.Equal(parcels, root.GetProperty("parcelles_distinct").GetInt64());
        Assert.Equal(await DatabaseCounts.ScalarAsync(true, "SELECT count(*) FROM {schema}plu_zones WHERE valid_from <= current_date AND (valid_to IS NULL OR valid_to > current_date)"),
            root.GetProperty("plu_zones").GetInt64());
        // QGIS asks the server for the box (exact intersection there) and may filter its cache by bounding boxes.
        var inBox = root.GetProperty("parcelles_bbox").GetInt64();
        Assert.InRange(inBox,
            await DatabaseCounts.ScalarAsync(true, "SELECT count(*) FROM {schema}parcelles WHERE ST_Intersects(geom, ST_MakeEnvelope(944000, 6388500, 945000, 6389500, 2154))"),
            await DatabaseCounts.ScalarAsync(true, "SELECT count(*) FROM {schema}parcelles WHERE geom && ST_MakeEnvelope(944000, 6388500, 945000, 6389500, 2154)"));
    }
}
