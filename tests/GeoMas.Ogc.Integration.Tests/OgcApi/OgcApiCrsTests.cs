using System.Net;
using System.Text.Json;
using GeoMas.Ogc.Integration.Tests.Server;
using static GeoMas.Ogc.Integration.Tests.OgcApi.OgcApiClient;

namespace GeoMas.Ogc.Integration.Tests.OgcApi;

/// <summary>OGC-CHECKLISTS.md §4.3 (Part 2, CRS by reference) and the OGC API rows of TRAP-1 (axis order).</summary>
public sealed class OgcApiCrsTests(EmbeddedServerFixture server) : IClassFixture<EmbeddedServerFixture>
{
    private const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    private const string Epsg4326 = "http://www.opengis.net/def/crs/EPSG/0/4326";
    private const string Lambert93 = "http://www.opengis.net/def/crs/EPSG/0/2154";
    private readonly HttpClient _client = server.App.CreateClient();

    [Fact]
    public async Task OAF_CRS2_each_collection_lists_crs84_first_and_its_storage_crs()
    {
        var collections = await GetOkAsync(_client, "/collections", "application/json");
        foreach (var collection in collections.Json.GetProperty("collections").EnumerateArray())
        {
            var crs = collection.GetProperty("crs").EnumerateArray().Select(c => c.GetString()!).ToList();
            Assert.Equal(Crs84, crs[0]);
            Assert.Contains(Lambert93, crs);
            Assert.Contains(Epsg4326, crs);
            Assert.Equal(crs.Count, crs.Distinct().Count());
            Assert.All(crs, uri => Assert.StartsWith("http://www.opengis.net/def/crs/", uri, StringComparison.Ordinal));
            Assert.Equal(Lambert93, collection.GetProperty("storageCrs").GetString());
        }
    }

    [Theory]
    [InlineData("/collections/sentiers/items?limit=3")]
    [InlineData("/collections/sentiers/items/1")]
    public async Task OAF_CRS3_default_is_crs84_and_the_header_says_so(string url)
    {
        var response = await GetOkAsync(_client, url, "application/geo+json");
        Assert.Equal("<" + Crs84 + ">", response.Header("Content-Crs"));
    }

    [Theory]
    [InlineData(Lambert93)]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/3857")]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/3944")]
    public async Task OAF_CRS3_crs_gives_projected_coordinates_easting_first_and_the_header(string crs)
    {
        var items = await GetOkAsync(_client, "/collections/sentiers/items?limit=3&crs=" + Uri.EscapeDataString(crs), "application/geo+json");
        var item = await GetOkAsync(_client, "/collections/sentiers/items/1?crs=" + Uri.EscapeDataString(crs), "application/geo+json");

        Assert.Equal("<" + crs + ">", items.Header("Content-Crs"));
        Assert.Equal("<" + crs + ">", item.Header("Content-Crs"));
        var positions = items.Features.SelectMany(f => OgcApiCoreTests.Positions(f.GetProperty("geometry"))).ToList();
        Assert.All(positions, p => Assert.True(p.X > 1000 && p.Y > p.X, $"{p} is not easting, northing"));
    }

    [Fact]
    public async Task OAF_CRS3_lambert93_coordinates_are_the_stored_ones()
    {
        var item = await GetOkAsync(_client, "/collections/sentiers/items/1?crs=" + Uri.EscapeDataString(Lambert93), "application/geo+json");
        var first = OgcApiCoreTests.Positions(item.Json.GetProperty("geometry")).First();
        var minX = await DatabaseCounts.ScalarAsync(false, "SELECT CAST(minx AS INTEGER) FROM rtree_sentiers_geom WHERE id = (SELECT fid FROM sentiers WHERE id = 1)");

        Assert.InRange(first.X, 800_000, 1_100_000);
        Assert.InRange(first.Y, 6_200_000, 6_500_000);
        Assert.InRange(first.X - minX, -1, 100_000);
    }

    [Fact]
    public async Task OAF_CRS5_epsg_4326_by_uri_is_latitude_first_and_otherwise_equal_to_crs84()
    {
        var lonLat = await GetOkAsync(_client, "/collections/sentiers/items/1", "application/geo+json");
        var latLon = await GetOkAsync(_client, "/collections/sentiers/items/1?crs=" + Uri.EscapeDataString(Epsg4326), "application/geo+json");
        var urn = await GetOkAsync(_client, "/collections/sentiers/items/1?crs=" + Uri.EscapeDataString("urn:ogc:def:crs:EPSG::4326"), "application/geo+json");

        var a = OgcApiCoreTests.Positions(lonLat.Json.GetProperty("geometry")).ToList();
        var b = OgcApiCoreTests.Positions(latLon.Json.GetProperty("geometry")).ToList();
        Assert.Equal(a.Select(p => (p.Y, p.X)), b);
        Assert.InRange(b[0].X, 43, 46);   // latitude first
        Assert.Equal("<" + Epsg4326 + ">", latLon.Header("Content-Crs"));
        Assert.Equal(latLon.Json.GetProperty("geometry").GetRawText(), urn.Json.GetProperty("geometry").GetRawText());
    }

    [Fact]
    public async Task OAF_CRS4_bbox_crs_selects_the_same_features_whatever_the_spelling_and_axis_order()
    {
        var crs84 = await Ids("bbox=6.0,44.5,6.1,44.6");
        var epsg4326 = await Ids("bbox=44.5,6.0,44.6,6.1&bbox-crs=" + Uri.EscapeDataString(Epsg4326));
        var explicitCrs84 = await Ids("bbox=6.0,44.5,6.1,44.6&bbox-crs=" + Uri.EscapeDataString(Crs84));

        Assert.NotEmpty(crs84);
        Assert.Equal(crs84, epsg4326);
        Assert.Equal(crs84, explicitCrs84);
    }

    [Fact]
    public async Task OAF_CRS4_a_lambert93_bbox_returns_the_features_intersecting_it()
    {
        const double MinX = 943_000, MinY = 6_388_000, MaxX = 946_000, MaxY = 6_391_000;
        var items = await GetOkAsync(_client,
            $"/collections/batiments/items?limit=10000&bbox={MinX},{MinY},{MaxX},{MaxY}&bbox-crs={Uri.EscapeDataString(Lambert93)}&crs={Uri.EscapeDataString(Lambert93)}",
            "application/geo+json");

        Assert.NotEmpty(items.Features);
        Assert.All(items.Features, f =>
        {
            var p = OgcApiCoreTests.Positions(f.GetProperty("geometry")).ToList();
            Assert.True(p.Max(q => q.X) >= MinX && p.Min(q => q.X) <= MaxX && p.Max(q => q.Y) >= MinY && p.Min(q => q.Y) <= MaxY);
        });
    }

    [Theory]
    [InlineData("crs=http://www.opengis.net/def/crs/EPSG/0/32690")]
    [InlineData("bbox=1,2,3,4&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/32690")]
    [InlineData("crs=http://www.opengis.net/def/crs/FOO/0/1")]
    public async Task OAF_CRS3_4_unsupported_crs_is_400(string query)
    {
        await GetErrorAsync(_client, "/collections/sentiers/items?" + query, HttpStatusCode.BadRequest);
        if (query.StartsWith("crs=", StringComparison.Ordinal))
            await GetErrorAsync(_client, "/collections/sentiers/items/1?" + query, HttpStatusCode.BadRequest);
    }

    private async Task<List<string>> Ids(string query)
    {
        var items = await GetOkAsync(_client, "/collections/parcelles/items?limit=10000&properties=&" + query, "application/geo+json");
        return items.Features.Select(f => f.GetProperty("id").GetString()!).ToList();
    }
}
