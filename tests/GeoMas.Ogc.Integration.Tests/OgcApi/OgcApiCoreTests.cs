using System.Globalization;
using System.Net;
using System.Text.Json;
using GeoMas.Ogc.Integration.Tests.Server;
using static GeoMas.Ogc.Integration.Tests.OgcApi.OgcApiClient;

namespace GeoMas.Ogc.Integration.Tests.OgcApi;

/// <summary>OGC-CHECKLISTS.md §4.1 (Part 1 core resources) on the embedded server, one case per line.</summary>
public sealed class OgcApiCoreTests(EmbeddedServerFixture server) : IClassFixture<EmbeddedServerFixture>
{
    private readonly HttpClient _client = server.App.CreateClient();

    public static readonly TheoryData<string> Collections = new() { "communes", "parcelles", "batiments", "routes", "plu_zones", "sentiers" };

    [Fact]
    public async Task OAF_1_landing_page_links_service_desc_conformance_and_data()
    {
        var landing = await GetOkAsync(_client, "/", "application/json");

        Assert.Equal("application/json", landing.ContentType);
        Assert.False(string.IsNullOrEmpty(landing.Json.GetProperty("title").GetString()));
        Assert.EndsWith("/conformance", landing.Link("conformance").GetProperty("href").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/collections", landing.Link("data").GetProperty("href").GetString(), StringComparison.Ordinal);
        Assert.Equal("application/json", landing.Link("self").GetProperty("type").GetString());
        foreach (var link in landing.Links)
            Assert.StartsWith("http://", link.GetProperty("href").GetString(), StringComparison.Ordinal); // absolute (TRAP-10)
    }

    [Fact]
    public async Task OAF_2_service_desc_has_the_exact_openapi_type_and_answers_it()
    {
        var landing = await GetOkAsync(_client, "/", "application/json");
        var serviceDesc = landing.Link("service-desc");
        var type = serviceDesc.GetProperty("type").GetString()!;
        Assert.Equal("application/vnd.oai.openapi+json;version=3.0", type.Replace(" ", "", StringComparison.Ordinal));

        var api = await GetOkAsync(_client, PathOf(serviceDesc), type);

        Assert.Equal("application/vnd.oai.openapi+json;version=3.0", api.ContentType!.Replace(" ", "", StringComparison.Ordinal));
        Assert.StartsWith("3.0.", api.Json.GetProperty("openapi").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OAF_3_conformance_lists_what_is_implemented_including_html()
    {
        var landing = await GetOkAsync(_client, "/", "application/json");
        var conformance = await GetOkAsync(_client, PathOf(landing.Link("conformance")), "application/json");
        var classes = conformance.Json.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()).ToList();

        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter", classes);
        foreach (var cql2 in new[] { "cql2-text", "cql2-json", "basic-cql2", "advanced-comparison-operators", "case-insensitive-comparison", "basic-spatial-functions", "spatial-functions", "temporal-functions" })
            Assert.Contains("http://www.opengis.net/spec/cql2/1.0/conf/" + cql2, classes);
        Assert.DoesNotContain("http://www.opengis.net/spec/cql2/1.0/conf/accent-insensitive-comparison", classes);
        // Every resource is served as text/html too (OgcApi/Html), so html is declared (OAF-12, OAF-13).
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html", classes);
    }

    [Fact]
    public async Task OAF_4_collections_has_self_and_one_entry_per_vector_layer_with_crs84_first()
    {
        var collections = await GetOkAsync(_client, "/collections", "application/json");

        Assert.Equal("application/json", collections.Link("self").GetProperty("type").GetString());
        var ids = collections.Json.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Equal(["communes", "parcelles", "batiments", "routes", "plu_zones", "sentiers"], ids);
        foreach (var collection in collections.Json.GetProperty("collections").EnumerateArray())
            Assert.Equal("http://www.opengis.net/def/crs/OGC/1.3/CRS84", collection.GetProperty("crs")[0].GetString());
    }

    [Theory]
    [MemberData(nameof(Collections))]
    public async Task OAF_5_each_collection_has_geojson_items_link_and_a_crs84_extent(string id)
    {
        var collection = await GetOkAsync(_client, "/collections/" + id, "application/json");

        var items = collection.Links.Where(l => l.GetProperty("rel").GetString() == "items").ToList();
        Assert.Contains(items, l => l.GetProperty("type").GetString() == "application/geo+json");
        Assert.All(items, l => Assert.False(string.IsNullOrEmpty(l.GetProperty("type").GetString())));
        var bbox = collection.Json.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(4, bbox.Length);
        Assert.InRange(bbox[0], 5, 8);     // lon first (CRS84), Hautes-Alpes / Alpes-de-Haute-Provence
        Assert.InRange(bbox[1], 43, 46);
        Assert.True(bbox[0] < bbox[2] && bbox[1] < bbox[3]);
        Assert.Equal("http://www.opengis.net/def/crs/OGC/1.3/CRS84", collection.Json.GetProperty("extent").GetProperty("spatial").GetProperty("crs").GetString());
    }

    [Fact]
    public async Task OAF_5_plu_zones_has_an_open_temporal_interval_from_the_first_version()
    {
        var collection = await GetOkAsync(_client, "/collections/plu_zones", "application/json");
        var temporal = collection.Json.GetProperty("extent").GetProperty("temporal");
        var interval = temporal.GetProperty("interval")[0];
        var first = await DatabaseCounts.ScalarAsync(false, "SELECT CAST(strftime('%s', min(valid_from)) AS INTEGER) FROM plu_zones");

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(first), DateTimeOffset.Parse(interval[0].GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(JsonValueKind.Null, interval[1].ValueKind); // zones without end are in force
        Assert.Equal("http://www.opengis.net/def/uom/ISO-8601/0/Gregorian", temporal.GetProperty("trs").GetString());
    }

    [Theory]
    [MemberData(nameof(Collections))]
    public async Task OAF_6_collection_is_identical_to_its_entry_in_collections(string id)
    {
        var all = await GetOkAsync(_client, "/collections", "application/json");
        var entry = all.Json.GetProperty("collections").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        var one = await GetOkAsync(_client, "/collections/" + id, "application/json");

        foreach (var member in new[] { "id", "title", "description", "extent", "itemType", "crs", "storageCrs" })
            Assert.Equal(entry.GetProperty(member).GetRawText(), one.Json.GetProperty(member).GetRawText());
        Assert.Equal("feature", one.Json.GetProperty("itemType").GetString());
        Assert.Equal("application/json", one.Link("self").GetProperty("type").GetString());
    }

    [Theory]
    [MemberData(nameof(Collections))]
    public async Task OAF_7_to_9_items_are_a_feature_collection_in_crs84_with_typed_links(string id)
    {
        var items = await GetOkAsync(_client, $"/collections/{id}/items?limit=5", "application/geo+json");

        Assert.Equal("application/geo+json", items.ContentType);
        Assert.Equal("FeatureCollection", items.Json.GetProperty("type").GetString());
        Assert.Equal("application/geo+json", items.Link("self").GetProperty("type").GetString());
        Assert.Equal(["application/json", "text/html", "text/csv", "application/flatgeobuf"],
            items.Links.Where(l => l.GetProperty("rel").GetString() == "alternate").Select(l => l.GetProperty("type").GetString()));
        Assert.Equal("application/geo+json", items.Link("next").GetProperty("type").GetString());
        Assert.All(items.Links, l => Assert.False(string.IsNullOrEmpty(l.GetProperty("type").GetString())));
        // OAF-8: every position within ±180/±90, in fact in the two départements, lon first.
        var positions = items.Features.SelectMany(f => Positions(f.GetProperty("geometry"))).ToList();
        Assert.NotEmpty(positions);
        Assert.All(positions, p => { Assert.InRange(p.X, 5.0, 8.0); Assert.InRange(p.Y, 43.0, 46.0); });
        // OAF-9
        Assert.Equal(items.Features.Count, items.Json.GetProperty("numberReturned").GetInt32());
        Assert.Equal(5, items.Features.Count);
        Assert.True(DateTimeOffset.TryParseExact(items.Json.GetProperty("timeStamp").GetString(), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _));
    }

    [Fact]
    public async Task OAF_10_number_matched_equals_what_following_next_collects()
    {
        var first = await GetOkAsync(_client, "/collections/plu_zones/items?limit=50", "application/geo+json");
        var matched = first.Json.GetProperty("numberMatched").GetInt64();
        var collected = first.Features.Count;
        var page = first;
        while (page.OptionalLink("next") is { } next)
        {
            page = await GetOkAsync(_client, PathOf(next), "application/geo+json");
            Assert.Equal(matched, page.Json.GetProperty("numberMatched").GetInt64());
            collected += page.Features.Count;
        }

        Assert.Equal(matched, collected);
        Assert.True(matched > 50);
    }

    [Fact]
    public async Task OAF_10_a_limit_of_the_declared_maximum_returns_exactly_that_many()
    {
        await using var app = await TestApp.StartAsync("--Limits:MaxFeaturesPerPage=300");
        var client = app.CreateClient();

        var page = await GetOkAsync(client, "/collections/parcelles/items?limit=300", "application/geo+json");
        var clamped = await GetOkAsync(client, "/collections/parcelles/items?limit=5000", "application/geo+json");
        var api = await GetOkAsync(client, "/api", "application/vnd.oai.openapi+json;version=3.0");

        Assert.Equal(300, page.Features.Count);
        Assert.Equal(300, clamped.Features.Count); // OAF-P1: above the maximum → clamped, no error
        Assert.Equal(300, api.Json.GetProperty("components").GetProperty("parameters").GetProperty("limit").GetProperty("schema").GetProperty("maximum").GetInt32());
        Assert.Contains("limit=300", clamped.Link("next").GetProperty("href").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Collections))]
    public async Task OAF_11_items_taken_from_items_are_served_by_id_with_links(string id)
    {
        var items = await GetOkAsync(_client, $"/collections/{id}/items?limit=3", "application/geo+json");
        foreach (var listed in items.Features)
        {
            var featureId = listed.GetProperty("id").ValueKind == JsonValueKind.Number
                ? listed.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture)
                : listed.GetProperty("id").GetString()!;
            var feature = await GetOkAsync(_client, $"/collections/{id}/items/{Uri.EscapeDataString(featureId)}", "application/geo+json");

            Assert.Equal("application/geo+json", feature.ContentType);
            Assert.Equal("Feature", feature.Json.GetProperty("type").GetString());
            Assert.Equal(listed.GetProperty("id").GetRawText(), feature.Json.GetProperty("id").GetRawText());
            Assert.Equal(listed.GetProperty("geometry").GetRawText(), feature.Json.GetProperty("geometry").GetRawText());
            Assert.Equal(listed.GetProperty("properties").GetRawText(), feature.Json.GetProperty("properties").GetRawText());
            Assert.Equal("application/geo+json", feature.Link("self").GetProperty("type").GetString());
            Assert.Equal(["application/json", "text/html"],
                feature.Links.Where(l => l.GetProperty("rel").GetString() == "alternate").Select(l => l.GetProperty("type").GetString()));
            Assert.Equal("application/json", feature.Link("collection").GetProperty("type").GetString());
            Assert.EndsWith("/items/" + Uri.EscapeDataString(featureId) + "?f=geojson", feature.Link("self").GetProperty("href").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OAF_12_13_features_are_geojson_and_other_resources_json_by_format_parameter_too()
    {
        var geojson = await GetOkAsync(_client, "/collections/routes/items?f=geojson&limit=1");
        var json = await GetOkAsync(_client, "/collections/routes/items?f=json&limit=1");
        var collections = await GetOkAsync(_client, "/collections?f=json");
        var queryables = await GetOkAsync(_client, "/collections/routes/queryables");

        Assert.Equal("application/geo+json", geojson.ContentType);
        Assert.Equal("application/json", json.ContentType);
        Assert.Equal(geojson.Features[0].GetRawText(), json.Features[0].GetRawText());
        Assert.Equal("application/json", collections.ContentType);
        Assert.Equal("application/schema+json", queryables.ContentType);
    }

    [Theory]
    [InlineData("/collections/nope")]
    [InlineData("/collections/nope/items")]
    [InlineData("/collections/nope/queryables")]
    [InlineData("/collections/plan/items")]          // a group: no features
    [InlineData("/collections/parcelles/items/nope")]
    [InlineData("/collections/plu_zones/items/99999999")]
    public async Task OAF_14_unknown_collection_or_feature_is_404(string url) =>
        await GetErrorAsync(_client, url, HttpStatusCode.NotFound);

    [Theory]
    [InlineData("/", "image/png")]
    [InlineData("/collections", "application/xml")]
    [InlineData("/collections/routes/items", "application/xml")]
    [InlineData("/api", "application/vnd.oai.openapi+json;version=3.1")]
    [InlineData("/collections?f=csv", null)]
    [InlineData("/collections/routes/items?f=gml", null)]
    public async Task OAF_14_unsupported_media_type_is_406(string url, string? accept) =>
        await GetErrorAsync(_client, url, HttpStatusCode.NotAcceptable, accept);

    [Theory]
    [InlineData("text/html;q=0.4, application/json;q=0.5", "/collections", "application/json")]
    [InlineData("text/html;q=0.9, application/json;q=0.5", "/collections", "text/html;charset=utf-8")]
    [InlineData("*/*", "/collections/routes/items?limit=1", "application/geo+json")]
    [InlineData("application/json", "/collections/routes/items?limit=1", "application/json")]
    [InlineData("application/vnd.oai.openapi+json", "/api", "application/vnd.oai.openapi+json;version=3.0")]
    [InlineData("application/json", "/api", "application/json")]
    [InlineData("application/geo+json, application/json;q=0.8", "/collections/routes/items/1", "application/geo+json")]
    public async Task Accept_header_picks_the_representation(string accept, string url, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType!.ToString().Replace(" ", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/collections")]
    [InlineData("/collections/sentiers/items?limit=2")]
    [InlineData("/collections/sentiers/items/1")]
    public async Task OAF_P7_head_answers_headers_without_body_and_cors_is_on(string url)
    {
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        using var get = new HttpRequestMessage(HttpMethod.Get, url);
        get.Headers.Add("Origin", "http://example.org");
        using var response = await _client.SendAsync(get);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(response.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
        Assert.True(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Links_follow_the_public_url_of_a_reverse_proxy()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/collections/routes/items?limit=1");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "geo.example.org");
        request.Headers.Add("X-Forwarded-Prefix", "/ogc");
        using var response = await _client.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        foreach (var link in json.RootElement.GetProperty("links").EnumerateArray())
            Assert.StartsWith("https://geo.example.org/ogc/collections/routes", link.GetProperty("href").GetString(), StringComparison.Ordinal);
    }

    internal static IEnumerable<(double X, double Y)> Positions(JsonElement geometry)
    {
        if (geometry.ValueKind == JsonValueKind.Null)
            yield break;
        if (geometry.TryGetProperty("geometries", out var parts))
        {
            foreach (var part in parts.EnumerateArray())
                foreach (var p in Positions(part))
                    yield return p;
            yield break;
        }
        foreach (var p in Flatten(geometry.GetProperty("coordinates")))
            yield return p;
    }

    private static IEnumerable<(double X, double Y)> Flatten(JsonElement coordinates)
    {
        if (coordinates.GetArrayLength() > 0 && coordinates[0].ValueKind == JsonValueKind.Number)
        {
            yield return (coordinates[0].GetDouble(), coordinates[1].GetDouble());
            yield break;
        }
        foreach (var child in coordinates.EnumerateArray())
            foreach (var p in Flatten(child))
                yield return p;
    }
}
