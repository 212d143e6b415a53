using System.Net;
using System.Net.Http.Headers;
using System.Xml;
using System.Xml.Linq;

namespace GeoMas.Ogc.Integration.Tests.OgcApi;

/// <summary>
/// The HTML representation of every OGC API resource on PostGIS (html conformance class, OAF-12/13): browsers'
/// Accept header or f=html gives an HTML5 page whose structure is checked by parsing it (the pages are written
/// XML-well-formed so an XML parser is enough): lang, one h1, captions and header scopes, alternates, paging
/// links equal to the GeoJSON ones, map data URL, downloads, QGIS URLs, and user data encoded.
/// </summary>
public sealed class HtmlPagesTests(PostGisOgcApiFixture fixture) : IClassFixture<PostGisOgcApiFixture>
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
    private readonly HttpClient _client = fixture.App.CreateClient();

    private async Task<XDocument> GetPageAsync(string url, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} → {(int)response.StatusCode}: {text}");
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.StartsWith("<!DOCTYPE html>", text, StringComparison.Ordinal);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(text), settings);
        return XDocument.Load(reader);
    }

    private static IEnumerable<XElement> All(XDocument page, string name) => page.Descendants(name);

    private static void AssertAccessibleFrame(XDocument page)
    {
        Assert.Equal("en", page.Root!.Attribute("lang")?.Value);
        Assert.Single(All(page, "h1"));
        Assert.Single(All(page, "main"));
        Assert.False(string.IsNullOrWhiteSpace(All(page, "title").Single().Value));
        foreach (var table in All(page, "table"))
        {
            Assert.Single(table.Elements("caption"));
            Assert.All(table.Descendants("th"), th => Assert.NotNull(th.Attribute("scope")));
        }
        // Assets from this server, never a CDN.
        foreach (var asset in All(page, "script").Select(s => s.Attribute("src")?.Value).Concat(All(page, "link").Where(l => l.Attribute("rel")?.Value == "stylesheet").Select(l => l.Attribute("href")?.Value)))
            Assert.StartsWith("http://localhost/assets/", asset, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Alternates(XDocument page, string type) =>
        All(page, "link").Where(l => l.Attribute("rel")?.Value == "alternate" && l.Attribute("type")?.Value == type).Select(l => l.Attribute("href")!.Value);

    [Theory]
    [InlineData("/")]
    [InlineData("/conformance")]
    [InlineData("/api")]
    [InlineData("/collections")]
    [InlineData("/collections/parcelles")]
    [InlineData("/collections/parcelles/items")]
    [InlineData("/collections/parcelles/items/05061000AB0001")]
    [InlineData("/collections/plu_zones/queryables")]
    public async Task Every_resource_has_an_accessible_html_page_for_browsers(string path)
    {
        var url = path == "/collections/parcelles/items/05061000AB0001" ? await FirstParcelUrlAsync() : path;
        var page = await GetPageAsync(url, BrowserAccept);
        AssertAccessibleFrame(page);
        var viaF = await GetPageAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "f=html");
        Assert.Equal(All(page, "h1").Single().Value, All(viaF, "h1").Single().Value);
        Assert.Contains(All(page, "link"), l => l.Attribute("rel")?.Value == "alternate");
    }

    private async Task<string> FirstParcelUrlAsync()
    {
        var items = await OgcApiClient.GetOkAsync(_client, "/collections/parcelles/items?limit=1", "application/geo+json");
        return "/collections/parcelles/items/" + Uri.EscapeDataString(items.Features[0].GetProperty("id").GetString()!);
    }

    [Theory]
    [InlineData("/", "application/json")]
    [InlineData("/collections", "application/json")]
    [InlineData("/collections/routes", "application/json")]
    [InlineData("/collections/routes/items?limit=2", "application/geo+json")]
    [InlineData("/collections/routes/items/1", "application/geo+json")]
    public async Task Json_resources_link_their_html_alternate(string url, string accept)
    {
        var json = await OgcApiClient.GetOkAsync(_client, url, accept);
        var html = json.Links.Single(l => l.GetProperty("rel").GetString() == "alternate" && l.GetProperty("type").GetString() == "text/html");
        var page = await GetPageAsync(OgcApiClient.PathOf(html));
        Assert.Single(All(page, "h1"));
    }

    [Fact]
    public async Task Collections_advertise_html_items_and_csv_flatgeobuf_enclosures_and_conformance_declares_html()
    {
        var collections = await OgcApiClient.GetOkAsync(_client, "/collections", "application/json");
        foreach (var collection in collections.Json.GetProperty("collections").EnumerateArray())
        {
            var links = collection.GetProperty("links").EnumerateArray().ToList();
            Assert.Contains(links, l => l.GetProperty("rel").GetString() == "items" && l.GetProperty("type").GetString() == "text/html");
            Assert.Contains(links, l => l.GetProperty("rel").GetString() == "enclosure" && l.GetProperty("type").GetString() == "text/csv");
            Assert.Contains(links, l => l.GetProperty("rel").GetString() == "enclosure" && l.GetProperty("type").GetString() == "application/flatgeobuf");
        }
        var landing = await OgcApiClient.GetOkAsync(_client, "/", "application/json");
        Assert.Equal("text/html", landing.Link("service-doc").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Items_page_lists_the_same_features_and_paging_links_as_geojson()
    {
        const string query = "/collections/parcelles/items?limit=7&offset=7&commune=05061";
        var json = await OgcApiClient.GetOkAsync(_client, query + "&f=geojson");
        var page = await GetPageAsync(query + "&f=html");
        AssertAccessibleFrame(page);

        var table = All(page, "table").Single(t => t.Attribute("id")?.Value == "features");
        var rowIds = table.Element("tbody")!.Elements("tr").Select(tr => tr.Element("th")!.Value).ToList();
        Assert.Equal(json.Features.Select(f => f.GetProperty("id").GetString()), rowIds);
        var headers = table.Element("thead")!.Descendants("th").Select(th => th.Value).Skip(1);
        Assert.Equal(json.Features[0].GetProperty("properties").EnumerateObject().Select(p => p.Name), headers);

        string? Href(XDocument d, string rel) => All(d, "a").FirstOrDefault(a => a.Attribute("rel")?.Value == rel)?.Attribute("href")?.Value;
        string HtmlVersion(string rel) => json.Link(rel).GetProperty("href").GetString()!.Replace("f=geojson", "f=html", StringComparison.Ordinal);
        Assert.Equal(HtmlVersion("next"), Href(page, "next"));
        Assert.Equal(HtmlVersion("prev"), Href(page, "prev"));

        // The map draws the GeoJSON of this very page, in CRS84.
        var map = All(page, "div").Single(d => d.Attribute("id")?.Value == "map");
        var mapData = new Uri(map.Attribute("data-features")!.Value).PathAndQuery;
        var mapJson = await OgcApiClient.GetOkAsync(_client, mapData);
        Assert.Equal(json.Features.Select(f => f.GetProperty("id").GetString()), mapJson.Features.Select(f => f.GetProperty("id").GetString()));
        Assert.Contains("/tiles/fond_plan/{z}/{x}/{y}.png", map.Attribute("data-tiles")!.Value, StringComparison.Ordinal);

        // Downloads of the same selection, without paging; QGIS block with the three service URLs.
        var downloads = All(page, "a").Where(a => a.Attribute("download") is not null).Select(a => new Uri(a.Attribute("href")!.Value).PathAndQuery).ToList();
        Assert.Contains("/collections/parcelles/items?commune=05061&f=csv", downloads);
        Assert.Contains("/collections/parcelles/items?commune=05061&f=fgb", downloads);
        var codes = All(page, "code").Select(c => c.Value).ToList();
        Assert.Contains("http://localhost/", codes);
        Assert.Contains("http://localhost/wfs", codes);
        Assert.Contains("http://localhost/wms", codes);
    }

    [Fact]
    public async Task User_provided_text_in_queries_is_encoded_not_executed()
    {
        const string evil = "\"><script>alert(1)</script>";
        var text = await _client.GetStringAsync("/collections/parcelles/items?f=html&limit=1&commune=" + Uri.EscapeDataString(evil));
        Assert.DoesNotContain("<script>alert", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"><script", text, StringComparison.Ordinal);
        var page = await GetPageAsync("/collections/parcelles/items?f=html&limit=1&commune=" + Uri.EscapeDataString(evil));
        Assert.Equal(2, All(page, "script").Count()); // leaflet.js and geomas-map.js, none injected
    }

    [Fact]
    public async Task Assets_are_served_locally_with_leaflet_and_its_licence()
    {
        foreach (var (path, type) in new[] { ("/assets/leaflet/leaflet.js", "text/javascript"), ("/assets/leaflet/leaflet.css", "text/css"),
                     ("/assets/leaflet/images/layers.png", "image/png"), ("/assets/geomas-map.js", "text/javascript"), ("/assets/leaflet/LICENSE", "text/plain") })
        {
            using var response = await _client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.CacheControl?.MaxAge);
        }
        using var missing = await _client.GetAsync("/assets/nope.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
