using System.Globalization;
using System.Net;
using System.Text.Json;
using GeoMas.Ogc.Integration.Tests.Server;
using static GeoMas.Ogc.Integration.Tests.OgcApi.OgcApiClient;

namespace GeoMas.Ogc.Integration.Tests.OgcApi;

/// <summary>OGC-CHECKLISTS.md §4.2 (query parameters on /items) and Part 3 queryables as parameters, on the embedded server.</summary>
public sealed class OgcApiItemsParameterTests(EmbeddedServerFixture server) : IClassFixture<EmbeddedServerFixture>
{
    private readonly HttpClient _client = server.App.CreateClient();

    [Fact]
    public async Task OAF_P1_default_limit_is_10_and_limit_is_honoured()
    {
        var defaults = await GetOkAsync(_client, "/collections/parcelles/items", "application/geo+json");
        var three = await GetOkAsync(_client, "/collections/parcelles/items?limit=3", "application/geo+json");

        Assert.Equal(10, defaults.Features.Count);
        Assert.Equal(3, three.Features.Count);
    }

    public static readonly TheoryData<string, bool> EtsBoxes = new()
    {
        { "5.9,44.5,6.2,44.7", true },          // inside the demo data
        { "-1.5,50,1.5,53", false },
        { "-80,-5,-70,5", false },
        { "177,65,-177,70", false },            // antimeridian
        { "-180,85,180,90", false },            // polar
        { "-180,-90,180,-85", false },
        { "-180,-90,180,90", true },            // the whole world, crossing nothing
        { "5.9,44.5,0,6.2,44.7,3000", true },   // 6 numbers: heights ignored
    };

    [Theory]
    [MemberData(nameof(EtsBoxes))]
    public async Task OAF_P3_every_ets_bbox_is_a_200_with_only_intersecting_features(string bbox, bool expectsFeatures)
    {
        var items = await GetOkAsync(_client, $"/collections/sentiers/items?limit=100&bbox={bbox}", "application/geo+json");

        Assert.Equal(expectsFeatures, items.Features.Count > 0);
        Assert.Equal(items.Features.Count, items.Json.GetProperty("numberReturned").GetInt32());
    }

    [Fact]
    public async Task OAF_P3_bbox_returns_exactly_the_features_whose_geometry_intersects_it()
    {
        // A small box in the middle of Gap: its parcels all touch it; a neighbouring box disjoint from it shares none.
        var inside = await GetOkAsync(_client, "/collections/parcelles/items?limit=10000&bbox=6.075,44.555,6.08,44.56", "application/geo+json");
        var outside = await GetOkAsync(_client, "/collections/parcelles/items?limit=10000&bbox=6.09,44.555,6.095,44.56", "application/geo+json");

        Assert.InRange(inside.Features.Count, 5, 2000);
        Assert.All(inside.Features, f =>
        {
            var positions = OgcApiCoreTests.Positions(f.GetProperty("geometry")).ToList();
            Assert.True(positions.Min(p => p.X) <= 6.08 && positions.Max(p => p.X) >= 6.075);
            Assert.True(positions.Min(p => p.Y) <= 44.56 && positions.Max(p => p.Y) >= 44.555);
        });
        Assert.Empty(inside.Features.Select(Id).Intersect(outside.Features.Select(Id)));
    }

    [Theory]
    [InlineData("2018-02-12T23:20:50Z")]
    [InlineData("2018-02-12T00:00:00Z/2018-03-18T12:31:12Z")]
    [InlineData("../2018-03-18T12:31:12Z")]
    [InlineData("2018-02-12T00:00:00Z/..")]
    [InlineData("/2018-03-18T12:31:12Z")]
    [InlineData("2018-02-12T00:00:00Z/")]
    [InlineData("2018-02-12/P2D")]
    [InlineData("2018-02-12")]
    [InlineData("2018-02-12T23:20:50+01:00")]
    public async Task OAF_P4_every_datetime_form_of_the_ets_is_a_200_on_layers_with_and_without_time(string datetime)
    {
        var timed = await GetOkAsync(_client, "/collections/plu_zones/items?datetime=" + Uri.EscapeDataString(datetime), "application/geo+json");
        var untimed = await GetOkAsync(_client, "/collections/sentiers/items?limit=3&datetime=" + Uri.EscapeDataString(datetime), "application/geo+json");

        Assert.Equal("FeatureCollection", timed.Json.GetProperty("type").GetString());
        Assert.Equal(3, untimed.Features.Count); // features without a temporal property always match
    }

    [Theory]
    [InlineData("bad")]
    [InlineData("2018-02-30")]
    [InlineData("2018-02-12T23:20:50")]       // RFC 3339 needs an offset
    [InlineData("2018-03-01/2018-02-01")]     // start after end
    [InlineData("2018-02-12/2018-02-13/2018-02-14")]
    [InlineData("..")]
    [InlineData("2018-02-12/P")]
    public async Task OAF_P4_a_malformed_datetime_is_400_even_on_layers_without_time(string datetime)
    {
        await GetErrorAsync(_client, "/collections/plu_zones/items?datetime=" + Uri.EscapeDataString(datetime), HttpStatusCode.BadRequest);
        await GetErrorAsync(_client, "/collections/sentiers/items?datetime=" + Uri.EscapeDataString(datetime), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("limit=unlimited")]           // OAF-P5
    [InlineData("limit=0")]
    [InlineData("limit=-1")]
    [InlineData("limit=1.5")]
    [InlineData("offset=-3")]
    [InlineData("offset=x")]
    [InlineData("bbox=1,2,3")]
    [InlineData("bbox=a,b,c,d")]
    [InlineData("bbox=6,45,5,44&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/2154")]
    [InlineData("bbox=5,46,6,45")]
    [InlineData("bbox=5,44,6,95")]
    [InlineData("bbox-crs=http://www.opengis.net/def/crs/EPSG/0/2154")]  // bbox-crs without bbox
    [InlineData("crs=EPSG:99999")]
    [InlineData("crs=nonsense")]
    [InlineData("sortby=nope")]
    [InlineData("sortby=-")]
    [InlineData("properties=nope")]
    [InlineData("numero=douze")]
    [InlineData("limit=5&limit=6")]
    public async Task Bad_values_are_400_naming_the_parameter(string query) =>
        await GetErrorAsync(_client, "/collections/parcelles/items?" + query, HttpStatusCode.BadRequest);

    [Theory]
    [InlineData("/collections/sentiers/items?unknownParam12345=1")]
    [InlineData("/collections/sentiers/items?LIMIT=5")]                 // names are case-sensitive (TRAP-9)
    [InlineData("/collections/sentiers/items?geometry=1")]               // a queryable, but not a query parameter
    [InlineData("/collections/sentiers/items/1?limit=1")]
    [InlineData("/collections?limit=1")]
    [InlineData("/?foo=bar")]
    [InlineData("/conformance?bbox=1,2,3,4")]
    [InlineData("/api?x=1")]
    [InlineData("/collections/sentiers/queryables?x=1")]
    public async Task OAF_P6_an_undeclared_query_parameter_is_400(string url) =>
        await GetErrorAsync(_client, url, HttpStatusCode.BadRequest);

    [Fact]
    public async Task OAF_P7_next_and_prev_walk_pages_with_offset_in_a_stable_order()
    {
        var first = await GetOkAsync(_client, "/collections/batiments/items?limit=4", "application/geo+json");
        var second = await GetOkAsync(_client, PathOf(first.Link("next")), "application/geo+json");
        var back = await GetOkAsync(_client, PathOf(second.Link("prev")), "application/geo+json");
        var together = await GetOkAsync(_client, "/collections/batiments/items?limit=8", "application/geo+json");

        Assert.Null(first.OptionalLink("prev"));
        Assert.Contains("offset=4", first.Link("next").GetProperty("href").GetString(), StringComparison.Ordinal);
        Assert.Equal(first.Features.Select(Id), back.Features.Select(Id));
        Assert.Equal(together.Features.Select(Id), first.Features.Concat(second.Features).Select(Id));
        Assert.Equal(together.Features.Select(Id).OrderBy(id => long.Parse(id, CultureInfo.InvariantCulture)), together.Features.Select(Id));
    }

    [Fact]
    public async Task OAF_P7_the_last_page_has_no_next_link()
    {
        var all = await GetOkAsync(_client, "/collections/sentiers/items?limit=10000", "application/geo+json");
        var count = all.Features.Count;
        var last = await GetOkAsync(_client, $"/collections/sentiers/items?limit=5&offset={count - 5}", "application/geo+json");
        var beyond = await GetOkAsync(_client, $"/collections/sentiers/items?limit=5&offset={count + 10}", "application/geo+json");

        Assert.Null(all.OptionalLink("next"));
        Assert.Equal(5, last.Features.Count);
        Assert.Null(last.OptionalLink("next"));
        Assert.Empty(beyond.Features);
        Assert.Equal(count, beyond.Json.GetProperty("numberMatched").GetInt64());
    }

    [Fact]
    public async Task OAF_F4_a_queryable_as_parameter_filters_by_equality_and_combines_with_the_rest()
    {
        var expected = await DatabaseCounts.ScalarAsync(false, "SELECT count(*) FROM parcelles WHERE commune = '05061' AND section = 'AB'");
        var matched = await GetOkAsync(_client, "/collections/parcelles/items?commune=05061&section=AB&limit=10000", "application/geo+json");

        Assert.True(expected > 0);
        Assert.Equal(expected, matched.Json.GetProperty("numberMatched").GetInt64());
        Assert.All(matched.Features, f =>
        {
            Assert.Equal("05061", f.GetProperty("properties").GetProperty("commune").GetString());
            Assert.Equal("AB", f.GetProperty("properties").GetProperty("section").GetString());
        });
        var numero = matched.Features[0].GetProperty("properties").GetProperty("numero").GetInt64();
        var one = await GetOkAsync(_client, $"/collections/parcelles/items?commune=05061&section=AB&numero={numero}", "application/geo+json");
        Assert.Single(one.Features);
    }

    [Fact]
    public async Task Sortby_orders_by_the_keys_then_the_id()
    {
        var descending = await GetOkAsync(_client, "/collections/sentiers/items?limit=10000&sortby=-longueur_m", "application/geo+json");
        var ascending = await GetOkAsync(_client, "/collections/sentiers/items?limit=10000&sortby=%2Bdifficulte,-duree_h", "application/geo+json");
        var plusAsSpace = await GetOkAsync(_client, "/collections/sentiers/items?limit=10000&sortby=+difficulte,-duree_h", "application/geo+json");

        var lengths = descending.Features.Select(f => f.GetProperty("properties").GetProperty("longueur_m").GetInt64()).ToList();
        Assert.Equal(lengths.OrderByDescending(l => l), lengths);
        var keys = ascending.Features.Select(f => (D: f.GetProperty("properties").GetProperty("difficulte").GetInt64(), H: f.GetProperty("properties").GetProperty("duree_h").GetDouble())).ToList();
        Assert.Equal(keys.OrderBy(k => k.D).ThenByDescending(k => k.H), keys);
        Assert.Equal(ascending.Features.Select(Id), plusAsSpace.Features.Select(Id));
    }

    [Fact]
    public async Task Properties_selects_and_orders_the_returned_properties()
    {
        var items = await GetOkAsync(_client, "/collections/parcelles/items?limit=2&properties=numero,commune", "application/geo+json");
        var none = await GetOkAsync(_client, "/collections/parcelles/items?limit=2&properties=", "application/geo+json");
        var item = await GetOkAsync(_client, $"/collections/parcelles/items/{Id(items.Features[0])}?properties=section", "application/geo+json");

        Assert.All(items.Features, f => Assert.Equal(["numero", "commune"], f.GetProperty("properties").EnumerateObject().Select(p => p.Name)));
        Assert.All(none.Features, f => Assert.Empty(f.GetProperty("properties").EnumerateObject()));
        Assert.Equal(["section"], item.Json.GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Values_keep_their_json_types()
    {
        var parcel = (await GetOkAsync(_client, "/collections/parcelles/items?limit=1", "application/geo+json")).Features[0];
        var zone = (await GetOkAsync(_client, "/collections/plu_zones/items?limit=1", "application/geo+json")).Features[0];

        Assert.Equal(JsonValueKind.String, parcel.GetProperty("id").ValueKind);      // parcel ids are text (IDU)
        Assert.Equal(JsonValueKind.Number, zone.GetProperty("id").ValueKind);        // integer keys are numbers (GDAL FIDs)
        Assert.Equal(JsonValueKind.Number, parcel.GetProperty("properties").GetProperty("contenance").ValueKind);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", zone.GetProperty("properties").GetProperty("valid_from").GetString());
    }

    private static string Id(JsonElement feature) =>
        feature.GetProperty("id").ValueKind == JsonValueKind.Number
            ? feature.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture)
            : feature.GetProperty("id").GetString()!;
}
