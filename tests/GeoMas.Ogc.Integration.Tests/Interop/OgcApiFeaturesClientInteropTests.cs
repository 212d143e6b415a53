using System.Globalization;
using System.Text.Json;
using GeoMas.Ogc.Integration.Tests.OgcApi;

namespace GeoMas.Ogc.Integration.Tests.Interop;

/// <summary>
/// Real OGC API – Features clients against the real server on Kestrel with the PostGIS configuration: GDAL's OAPIF
/// driver (ogrinfo, ogr2ogr — the complaint: GDAL copying duplicates and missing parcels when paging is not
/// stable) and OWSLib's <c>owslib.ogcapi.features.Features</c>. A missing client fails the test.
/// </summary>
public sealed class OgcApiFeaturesClientInteropTests(LiveServerFixture server) : IClassFixture<LiveServerFixture>
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task Ogrinfo_lists_every_collection()
    {
        var run = await ExternalTool.RunAsync("ogrinfo", ["-ro", "-so", "OAPIF:" + server.BaseUrl]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var index = 1;
        foreach (var collection in new[] { "communes", "parcelles", "batiments", "routes", "plu_zones", "sentiers" })
            Assert.Contains($"{index++}: {collection} (title:", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Qgis_loads_the_collections_and_counts_every_feature()
    {
        using var report = await QgisFeatureLayers.ReportAsync("oapif", server.BaseUrl);
        var root = report.RootElement;
        var parcels = await DatabaseCounts.RowsAsync(true, "parcelles");
        Assert.Equal(parcels, root.GetProperty("parcelles").GetInt64());
        Assert.Equal(parcels, root.GetProperty("parcelles_distinct").GetInt64());
        // plu_zones: the zones in force today, as every protocol serves them by default.
        var inForce = await DatabaseCounts.ScalarAsync(true,
            "SELECT count(*) FROM {schema}plu_zones WHERE valid_from <= current_date AND (valid_to IS NULL OR valid_to > current_date)");
        Assert.Equal(inForce, root.GetProperty("plu_zones").GetInt64());
        Assert.Equal(inForce, root.GetProperty("plu_zones_distinct").GetInt64());
        var inBox = await DatabaseCounts.ScalarAsync(true,
            "SELECT count(*) FROM {schema}parcelles WHERE ST_Intersects(geom, ST_Transform(ST_MakeEnvelope(6.073, 44.554, 6.085, 44.564, 4326), 2154))");
        Assert.Equal(inBox, root.GetProperty("parcelles_bbox").GetInt64());
    }

    [Fact]
    public async Task Ogr2ogr_copies_every_parcel_exactly_once_walking_the_next_links_with_its_default_page_size()
    {
        var output = Path.Combine(Path.GetTempPath(), $"geomas-oapif-{Guid.NewGuid():N}.geojson");
        try
        {
            // GDAL 3.6 pages with limit=10 by default: about 2 500 pages, each must follow on from the previous one.
            var copy = await ExternalTool.RunAsync("ogr2ogr", ["-f", "GeoJSON", output, "OAPIF:" + server.BaseUrl, "parcelles"], timeoutSeconds: 600);
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
    public async Task Ogrinfo_with_a_spatial_filter_counts_what_the_server_matches()
    {
        using var http = new HttpClient();
        using var page = JsonDocument.Parse(await http.GetStringAsync(server.BaseUrl + "/collections/batiments/items?limit=1&bbox=6.07,44.55,6.08,44.56"));
        var matched = page.RootElement.GetProperty("numberMatched").GetInt64();

        var run = await ExternalTool.RunAsync("ogrinfo",
            ["-ro", "-so", "-oo", "PAGE_SIZE=1000", "OAPIF:" + server.BaseUrl, "batiments", "-spat", "6.07", "44.55", "6.08", "44.56"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(matched > 100);
        Assert.Contains("Feature Count: " + matched.ToString(CultureInfo.InvariantCulture), run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owslib_features_reads_the_api_walks_pages_filters_and_reads_history()
    {
        var run = await ExternalTool.RunAsync(Python, [ExternalTool.Script("owslib_oapif.py"), server.BaseUrl]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var report = JsonDocument.Parse(run.Stdout);
        var root = report.RootElement;
        var parcels = await DatabaseCounts.RowsAsync(true, "parcelles");
        Assert.Equal(["batiments", "communes", "parcelles", "plu_zones", "routes", "sentiers"],
            root.GetProperty("feature_collections").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(parcels, root.GetProperty("parcelles_walked").GetInt64());
        Assert.Equal(parcels, root.GetProperty("parcelles_matched").GetInt64());
        Assert.Equal(await DatabaseCounts.ScalarAsync(true, "SELECT count(*) FROM {schema}sentiers WHERE difficulte = 2"),
            root.GetProperty("sentiers_difficulte_2").GetInt64());
        Assert.Equal(await DatabaseCounts.ScalarAsync(true,
                "SELECT count(*) FROM {schema}plu_zones WHERE valid_from <= DATE '2010-01-01' AND (valid_to IS NULL OR valid_to > DATE '2010-01-01')"),
            root.GetProperty("plu_zones_2010").GetInt64());
        Assert.Equal(await DatabaseCounts.ScalarAsync(true,
                "SELECT count(*) FROM {schema}plu_zones WHERE valid_from <= CURRENT_DATE AND (valid_to IS NULL OR valid_to > CURRENT_DATE)"),
            root.GetProperty("plu_zones_now").GetInt64());
        Assert.Contains("geometry", root.GetProperty("plu_zones_queryables").EnumerateArray().Select(q => q.GetString()));
        Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/2154", root.GetProperty("parcelles_storage_crs").GetString());
    }
}
