using System.Net;
using GeoMas.Ogc.Integration.Tests.Server;
using static GeoMas.Ogc.Integration.Tests.OgcApi.OgcApiClient;

namespace GeoMas.Ogc.Integration.Tests.OgcApi;

/// <summary>
/// OGC-CHECKLISTS.md §4.4 (Part 3 filter, CQL2): every declared CQL2 class works on both sources and gives the count
/// the database gives for the same predicate in SQL; undeclared constructs, unknown properties, bad filter-lang or
/// filter-crs are 400; injection attempts are values, never SQL.
/// </summary>
public sealed class OgcApiFilterTests : IClassFixture<EmbeddedServerFixture>, IClassFixture<PostGisOgcApiFixture>
{
    private readonly EmbeddedServerFixture _geoPackage;
    private readonly PostGisOgcApiFixture _postGis;

    public OgcApiFilterTests(EmbeddedServerFixture geoPackage, PostGisOgcApiFixture postGis)
    {
        _geoPackage = geoPackage;
        _postGis = postGis;
    }

    private HttpClient Client(bool postGis) => postGis ? _postGis.App.CreateClient() : _geoPackage.App.CreateClient();

    public static readonly TheoryData<bool, string, string, string> Cases = new()
    {
        // postGis, collection, CQL2 text, SQL WHERE with the same meaning
        { false, "sentiers", "difficulte = 2", "difficulte = 2" },
        { true, "sentiers", "difficulte = 2", "difficulte = 2" },
        { false, "parcelles", "commune = '05061' AND contenance >= 1000", "commune = '05061' AND contenance >= 1000" },
        { true, "parcelles", "commune = '05061' AND contenance >= 1000", "commune = '05061' AND contenance >= 1000" },
        { true, "parcelles", "NOT (section = 'AB') AND numero < 10", "NOT (section = 'AB') AND numero < 10" },
        { false, "routes", "nom IS NOT NULL AND NOT (largeur IS NULL)", "nom IS NOT NULL AND largeur IS NOT NULL" },
        { true, "routes", "nom IS NOT NULL OR largeur > 8", "nom IS NOT NULL OR largeur > 8" },
        { false, "parcelles", "section LIKE 'A%'", "section LIKE 'A%'" },                                // advanced comparison
        { true, "parcelles", "numero BETWEEN 10 AND 20", "numero BETWEEN 10 AND 20" },
        { true, "batiments", "type IN ('maison', 'immeuble')", "type IN ('maison', 'immeuble')" },
        { false, "batiments", "CASEI(type) = casei('MAISON')", "lower(type) = 'maison'" },                // case-insensitive
        { true, "batiments", "CASEI(type) = casei('MAISON')", "lower(type) = 'maison'" },
        { true, "sentiers", "longueur_m > denivele_m * 10", "longueur_m > denivele_m * 10" },             // property-property, arithmetic
        { false, "parcelles", "updated_at > TIMESTAMP('2020-01-01T00:00:00Z')", "updated_at > '2020-01-01'" },
        { true, "parcelles", "T_AFTER(updated_at, TIMESTAMP('2020-01-01T00:00:00Z'))", "updated_at > '2020-01-01'" }, // temporal
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task OAF_F3_a_cql2_text_filter_matches_what_the_database_matches(bool postGis, string collection, string cql, string where)
    {
        var expected = await DatabaseCounts.ScalarAsync(postGis, $"SELECT count(*) FROM {{schema}}{collection} WHERE {where}");
        var page = await GetOkAsync(Client(postGis), $"/collections/{collection}/items?limit=1&filter={Uri.EscapeDataString(cql)}", "application/geo+json");

        Assert.True(expected > 0, "pick a predicate that matches something");
        Assert.Equal(expected, page.Json.GetProperty("numberMatched").GetInt64());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OAF_F3_cql2_json_is_the_same_filter(bool postGis)
    {
        var client = Client(postGis);
        const string Json = """{"op":"and","args":[{"op":"=","args":[{"property":"commune"},"05061"]},{"op":">=","args":[{"property":"contenance"},1000]}]}""";
        var text = await GetOkAsync(client, "/collections/parcelles/items?limit=1&filter=" + Uri.EscapeDataString("commune = '05061' AND contenance >= 1000"), "application/geo+json");
        var json = await GetOkAsync(client, "/collections/parcelles/items?limit=1&filter-lang=cql2-json&filter=" + Uri.EscapeDataString(Json), "application/geo+json");

        Assert.Equal(text.Json.GetProperty("numberMatched").GetInt64(), json.Json.GetProperty("numberMatched").GetInt64());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OAF_F3_spatial_literals_are_crs84_by_default_or_in_filter_crs_and_combine_with_bbox(bool postGis)
    {
        var client = Client(postGis);
        const string Crs84Box = "S_INTERSECTS(geometry, BBOX(6.07, 44.55, 6.08, 44.56))";
        const string LatLonBox = "S_INTERSECTS(geometry, BBOX(44.55, 6.07, 44.56, 6.08))";
        var bbox = await GetOkAsync(client, "/collections/batiments/items?limit=1&bbox=6.07,44.55,6.08,44.56", "application/geo+json");
        var crs84 = await GetOkAsync(client, "/collections/batiments/items?limit=1&filter=" + Uri.EscapeDataString(Crs84Box), "application/geo+json");
        var epsg4326 = await GetOkAsync(client, "/collections/batiments/items?limit=1&filter-crs=" + Uri.EscapeDataString("http://www.opengis.net/def/crs/EPSG/0/4326")
                                                + "&filter=" + Uri.EscapeDataString(LatLonBox), "application/geo+json");
        var polygon = await GetOkAsync(client, "/collections/batiments/items?limit=1&filter=" + Uri.EscapeDataString(
            "S_INTERSECTS(geometry, POLYGON((6.07 44.55, 6.08 44.55, 6.08 44.56, 6.07 44.56, 6.07 44.55)))"), "application/geo+json");
        var both = await GetOkAsync(client, "/collections/batiments/items?limit=1&bbox=6.07,44.55,6.08,44.56&filter=" + Uri.EscapeDataString("type = 'maison'"), "application/geo+json");
        var maisons = await GetOkAsync(client, "/collections/batiments/items?limit=1&filter=" + Uri.EscapeDataString("type = 'maison' AND " + Crs84Box), "application/geo+json");

        var n = bbox.Json.GetProperty("numberMatched").GetInt64();
        Assert.True(n > 10);
        Assert.Equal(n, crs84.Json.GetProperty("numberMatched").GetInt64());
        Assert.Equal(n, epsg4326.Json.GetProperty("numberMatched").GetInt64());
        Assert.Equal(n, polygon.Json.GetProperty("numberMatched").GetInt64());
        Assert.Equal(maisons.Json.GetProperty("numberMatched").GetInt64(), both.Json.GetProperty("numberMatched").GetInt64());
    }

    [Fact]
    public async Task OAF_F3_a_filter_on_plu_zones_applies_to_the_zones_in_force_unless_datetime_says_otherwise()
    {
        var client = Client(false);
        var now = await GetOkAsync(client, "/collections/plu_zones/items?limit=1&filter=" + Uri.EscapeDataString("typezone = 'U'"), "application/geo+json");
        var all = await GetOkAsync(client, "/collections/plu_zones/items?limit=1&datetime=../..&filter=" + Uri.EscapeDataString("typezone = 'U'"), "application/geo+json");
        var inForceToday = await DatabaseCounts.ScalarAsync(false,
            $"SELECT count(*) FROM plu_zones WHERE typezone = 'U' AND valid_from <= date('now') AND (valid_to IS NULL OR valid_to > date('now'))");

        Assert.Equal(inForceToday, now.Json.GetProperty("numberMatched").GetInt64());
        Assert.Equal(await DatabaseCounts.ScalarAsync(false, "SELECT count(*) FROM plu_zones WHERE typezone = 'U'"), all.Json.GetProperty("numberMatched").GetInt64());
    }

    [Theory]
    [InlineData("filter=nope = 1")]                                       // not a queryable
    [InlineData("filter=geom IS NULL")]                                   // the column name is not the queryable name
    [InlineData("filter=difficulte =")]                                   // syntax
    [InlineData("filter=difficulte = 'x' AND")]
    [InlineData("filter=ACCENTI(nom) = accenti('e')")]                    // class not declared
    [InlineData("filter=A_CONTAINS(nom, ('a'))")]
    [InlineData("filter=difficulte = 1&filter-lang=cql2-xml")]
    [InlineData("filter=difficulte = 1&filter-lang=")]
    [InlineData("filter-lang=cql2-text")]                                 // no filter
    [InlineData("filter=difficulte = 1&filter-crs=http://www.opengis.net/def/crs/EPSG/0/32690")]
    [InlineData("filter={\"op\":\"=\",\"args\":[{\"property\":\"difficulte\"}]}&filter-lang=cql2-json")]
    [InlineData("filter=difficulte = 1&filter-lang=cql2-json")]
    [InlineData("filter=")]
    public async Task OAF_F3_invalid_filter_parameters_are_400(string query)
    {
        var parts = query.Split('&').Select(p => p.Split('=', 2)).Select(kv => kv[0] + "=" + Uri.EscapeDataString(kv.Length > 1 ? kv[1] : ""));
        await GetErrorAsync(Client(false), "/collections/sentiers/items?" + string.Join("&", parts), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(false, "nom = 'x''; DROP TABLE sentiers; --'")]
    [InlineData(true, "nom = 'x''; DROP TABLE sentiers; --'")]
    [InlineData(true, "nom = 'x'' OR ''1''=''1'")]
    [InlineData(true, "\"nom\"\"; DROP TABLE sentiers; --\" = 'x'")]
    public async Task Injection_attempts_are_values_or_rejected_never_sql(bool postGis, string cql)
    {
        var before = await DatabaseCounts.RowsAsync(postGis, "sentiers");
        var response = await GetAsync(Client(postGis), "/collections/sentiers/items?limit=5&filter=" + Uri.EscapeDataString(cql), "application/geo+json");

        Assert.True(response.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest, response.Json.ToString());
        if (response.Status == HttpStatusCode.OK)
            Assert.Empty(response.Features);
        Assert.Equal(before, await DatabaseCounts.RowsAsync(postGis, "sentiers"));
    }

    [Fact]
    public async Task Injection_attempts_in_sort_keys_property_names_and_ids_are_rejected_or_values()
    {
        var client = Client(true);
        await GetErrorAsync(client, "/collections/sentiers/items?sortby=" + Uri.EscapeDataString("nom; DROP TABLE sentiers"), HttpStatusCode.BadRequest);
        await GetErrorAsync(client, "/collections/sentiers/items?properties=" + Uri.EscapeDataString("nom,\"id\" FROM sentiers --"), HttpStatusCode.BadRequest);
        await GetErrorAsync(client, "/collections/sentiers/items/" + Uri.EscapeDataString("1 OR 1=1"), HttpStatusCode.NotFound);
        await GetErrorAsync(client, "/collections/parcelles/items/" + Uri.EscapeDataString("x' OR '1'='1"), HttpStatusCode.NotFound);
        var equality = await GetOkAsync(client, "/collections/sentiers/items?nom=" + Uri.EscapeDataString("x' OR '1'='1"), "application/geo+json");
        Assert.Empty(equality.Features);
    }
}
