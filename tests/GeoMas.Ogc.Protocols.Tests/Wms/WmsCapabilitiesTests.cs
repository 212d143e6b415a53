using System.Globalization;
using System.Xml.Linq;
using GeoMas.Ogc.Protocols.Tests.Support;

namespace GeoMas.Ogc.Protocols.Tests.Wms;

/// <summary>GetCapabilities 1.3.0 and 1.1.1 (WMS-G7, G8, C1..C6, L1..L6, D1, §1.9).</summary>
public sealed class WmsCapabilitiesTests
{
    private static readonly XNamespace Wms = "http://www.opengis.net/wms";
    private static readonly XNamespace Xlink = "http://www.w3.org/1999/xlink";

    private static async Task<(HttpResponseMessage Response, string Body)> Get(WmsTestHost host, string query)
    {
        var response = await host.GetAsync(query);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Capabilities_130_are_schema_valid_text_xml()
    {
        await using var host = await WmsTestHost.StartAsync();
        var (response, body) = await Get(host, "SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0");

        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(SchemaFiles.ValidateCapabilities130(body));
        var root = XDocument.Parse(body).Root!;
        Assert.Equal(Wms + "WMS_Capabilities", root.Name);
        Assert.Equal("1.3.0", (string?)root.Attribute("version"));
        Assert.Equal("42", (string?)root.Attribute("updateSequence"));
        Assert.Contains("http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd",
            (string?)root.Attribute(XName.Get("schemaLocation", "http://www.w3.org/2001/XMLSchema-instance")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Capabilities_111_are_dtd_valid_with_the_wms_xml_mime()
    {
        await using var host = await WmsTestHost.StartAsync();
        var (response, body) = await Get(host, "SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.1.1");

        Assert.Equal("application/vnd.ogc.wms_xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(SchemaFiles.ValidateWithDtd(body));
        var root = XDocument.Parse(body).Root!;
        Assert.Equal("WMT_MS_Capabilities", root.Name.LocalName);
        var srs = root.Descendants("SRS").Select(e => e.Value).ToList();
        Assert.Contains("EPSG:4326", srs);
        Assert.DoesNotContain("CRS:84", srs);
        var plu = Layer111(root, "plu_zones");
        Assert.Equal("ISO8601", (string?)plu.Element("Dimension")?.Attribute("units"));
        Assert.Equal("2023-01-10", (string?)plu.Element("Extent")?.Attribute("default"));
        var latLon = Layer111(root, "communes").Element("LatLonBoundingBox")!;
        var box4326 = Layer111(root, "communes").Elements("BoundingBox").Single(b => (string?)b.Attribute("SRS") == "EPSG:4326");
        foreach (var name in new[] { "minx", "miny", "maxx", "maxy" })
            Assert.Equal((string?)latLon.Attribute(name), (string?)box4326.Attribute(name)); // 1.1.1: lon/lat both
        Assert.NotNull(Layer111(root, "parcelles").Element("ScaleHint"));
    }

    [Theory]
    [InlineData("", "1.3.0")]
    [InlineData("&VERSION=1.3.0", "1.3.0")]
    [InlineData("&VERSION=100.0.0", "1.3.0")]
    [InlineData("&VERSION=1.2.0", "1.1.1")]
    [InlineData("&VERSION=1.1.1", "1.1.1")]
    [InlineData("&VERSION=0.0.0", "1.1.1")]
    public async Task Version_negotiation_never_goes_above_what_was_asked(string version, string expected)
    {
        await using var host = await WmsTestHost.StartAsync();
        var (_, body) = await Get(host, "SERVICE=WMS&REQUEST=GetCapabilities" + version);
        Assert.Equal(expected, (string?)XDocument.Parse(body).Root!.Attribute("version"));
    }

    [Theory]
    [InlineData("SeRvIcE=WMS&ReQuEsT=GetCapabilities&VeRsIoN=1.3.0")]
    [InlineData("SERVICE=WMS&REQUEST=%47%65%74%43%61%70%61%62%69%6C%69%74%69%65%73&VERSION=1.3.0")]
    [InlineData("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0&FORMAT=application/bogus&EXTRA=1")]
    [InlineData("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0&UPDATESEQUENCE=41")]
    [InlineData("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0&updatesequence=")]
    public async Task Names_are_case_insensitive_escapes_decoded_extras_and_lower_sequences_ignored(string query)
    {
        await using var host = await WmsTestHost.StartAsync();
        var (response, body) = await Get(host, query);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Wms + "WMS_Capabilities", XDocument.Parse(body).Root!.Name);
    }

    [Fact]
    public async Task Root_layer_declares_every_crs_and_children_inherit_them()
    {
        await using var host = await WmsTestHost.StartAsync();
        var root = await Capabilities130(host);
        var top = root.Element(Wms + "Capability")!.Element(Wms + "Layer")!;

        Assert.Null(top.Element(Wms + "Name"));
        Assert.Equal("GeoMas test", top.Element(Wms + "Title")?.Value);
        Assert.Equal(["EPSG:2154", "EPSG:3857", "EPSG:4326", "CRS:84", "EPSG:3944"], top.Elements(Wms + "CRS").Select(e => e.Value));
        var names = top.Elements(Wms + "Layer").Select(l => l.Element(Wms + "Name")!.Value).ToList();
        Assert.Equal(["communes", "parcelles", "routes", "plu_zones", "ortho", "fond_plan", "plan"], names);
        Assert.All(top.Elements(Wms + "Layer"), layer => Assert.Empty(layer.Elements(Wms + "CRS")));
    }

    [Fact]
    public async Task Every_named_layer_has_one_bounding_box_per_crs_and_geographic_boxes_match_exactly()
    {
        await using var host = await WmsTestHost.StartAsync();
        var root = await Capabilities130(host);
        foreach (var layer in root.Descendants(Wms + "Layer").Where(l => l.Element(Wms + "Name") is not null))
        {
            var geo = layer.Element(Wms + "EX_GeographicBoundingBox")!;
            string G(string name) => geo.Element(Wms + name)!.Value;
            Assert.True(D(G("westBoundLongitude")) < D(G("eastBoundLongitude")));
            Assert.True(D(G("southBoundLatitude")) < D(G("northBoundLatitude")));

            var boxes = layer.Elements(Wms + "BoundingBox").ToDictionary(b => (string)b.Attribute("CRS")!);
            Assert.Equal(["EPSG:2154", "EPSG:3857", "EPSG:4326", "CRS:84", "EPSG:3944"], boxes.Keys);
            // WMS-L5: the very same text; EPSG:4326 is lat/lon, CRS:84 lon/lat.
            Assert.Equal([G("southBoundLatitude"), G("westBoundLongitude"), G("northBoundLatitude"), G("eastBoundLongitude")], Corners(boxes["EPSG:4326"]));
            Assert.Equal([G("westBoundLongitude"), G("southBoundLatitude"), G("eastBoundLongitude"), G("northBoundLatitude")], Corners(boxes["CRS:84"]));
        }
        var communes = Layer130(root, "communes");
        var lambert = communes.Elements(Wms + "BoundingBox").Single(b => (string?)b.Attribute("CRS") == "EPSG:2154");
        Assert.Equal(["940000", "6384000", "950000", "6394000"], Corners(lambert));
    }

    [Fact]
    public async Task Groups_are_named_layers_without_styles_and_with_their_members_extent()
    {
        await using var host = await WmsTestHost.StartAsync();
        var root = await Capabilities130(host);
        var fondPlan = Layer130(root, "fond_plan");
        Assert.Empty(fondPlan.Elements(Wms + "Style"));
        Assert.Empty(fondPlan.Elements(Wms + "Layer"));
        Assert.Equal("1", (string?)fondPlan.Attribute("queryable"));
        Assert.Equal("1", (string?)fondPlan.Attribute("opaque"));
        Assert.Contains("ortho", fondPlan.Element(Wms + "Abstract")!.Value, StringComparison.Ordinal);
        // plan contains plu_zones: it offers the time dimension too.
        Assert.NotNull(Layer130(root, "plan").Element(Wms + "Dimension"));
    }

    [Fact]
    public async Task Layers_carry_queryable_opaque_scale_and_time()
    {
        await using var host = await WmsTestHost.StartAsync();
        var root = await Capabilities130(host);
        Assert.Equal("1", (string?)Layer130(root, "communes").Attribute("queryable"));
        Assert.Equal("0", (string?)Layer130(root, "ortho").Attribute("queryable"));
        Assert.Equal("1", (string?)Layer130(root, "ortho").Attribute("opaque"));
        var parcelles = Layer130(root, "parcelles");
        Assert.Equal("100", parcelles.Element(Wms + "MinScaleDenominator")?.Value);
        Assert.Equal("25000", parcelles.Element(Wms + "MaxScaleDenominator")?.Value);

        var time = Layer130(root, "plu_zones").Element(Wms + "Dimension")!;
        Assert.Equal("time", (string?)time.Attribute("name"));
        Assert.Equal("ISO8601", (string?)time.Attribute("units"));
        Assert.Equal("2023-01-10", (string?)time.Attribute("default"));
        Assert.Equal("2015-03-01,2019-06-15,2023-01-10,2099-01-01", time.Value);
        Assert.Null(Layer130(root, "communes").Element(Wms + "Dimension"));
    }

    [Fact]
    public async Task Legend_urls_return_exactly_the_advertised_size_and_format()
    {
        await using var host = await WmsTestHost.StartAsync();
        var root = await Capabilities130(host);
        var legends = root.Descendants(Wms + "LegendURL").ToList();
        Assert.Equal(5, legends.Count); // one per style: communes has two, ortho and the groups none
        foreach (var legend in legends)
        {
            var href = legend.Element(Wms + "OnlineResource")!.Attribute(Xlink + "href")!.Value;
            using var response = await host.Client.GetAsync(new Uri(href).PathAndQuery);
            Assert.Equal(legend.Element(Wms + "Format")!.Value, response.Content.Headers.ContentType?.MediaType);
            var size = FakePng.ReadSize(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal((int)legend.Attribute("width")!, size.Width);
            Assert.Equal((int)legend.Attribute("height")!, size.Height);
        }
        var labels = Layer130(root, "communes").Elements(Wms + "Style").Single(s => s.Element(Wms + "Name")!.Value == "labels");
        Assert.Equal("Style labels", labels.Element(Wms + "Title")?.Value);
    }

    [Fact]
    public async Task Online_resources_are_url_prefixes_behind_a_reverse_proxy()
    {
        await using var host = await WmsTestHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/wms?SERVICE=WMS&REQUEST=GetCapabilities");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "geo.example.org");
        request.Headers.Add("X-Forwarded-Prefix", "/carto");
        using var response = await host.Client.SendAsync(request);
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        var hrefs = root.Element(Wms + "Capability")!.Element(Wms + "Request")!.Descendants(Wms + "OnlineResource")
            .Select(o => (string)o.Attribute(Xlink + "href")!).ToList();
        Assert.Equal(4, hrefs.Count);
        Assert.All(hrefs, href => Assert.Equal("https://geo.example.org/carto/wms?", href));
        Assert.All(root.Descendants(Wms + "LegendURL"), l =>
            Assert.StartsWith("https://geo.example.org/carto/wms?", (string)l.Element(Wms + "OnlineResource")!.Attribute(Xlink + "href")!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Configured_public_base_url_wins_over_headers()
    {
        await using var host = await WmsTestHost.StartAsync(TestCatalog.Build(publicBaseUrl: "https://maps.example.com/"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/wms?SERVICE=WMS&REQUEST=GetCapabilities");
        request.Headers.Add("X-Forwarded-Host", "evil.example.org");
        using var response = await host.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("https://maps.example.com/wms?", body, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_section_declares_limits_fees_contact_and_formats()
    {
        await using var host = await WmsTestHost.StartAsync();
        var root = await Capabilities130(host);
        var service = root.Element(Wms + "Service")!;
        Assert.Equal("WMS", service.Element(Wms + "Name")?.Value);
        Assert.Equal("none", service.Element(Wms + "Fees")?.Value);
        Assert.Equal("none", service.Element(Wms + "AccessConstraints")?.Value);
        Assert.Equal("5", service.Element(Wms + "LayerLimit")?.Value);
        Assert.Equal("2048", service.Element(Wms + "MaxWidth")?.Value);
        Assert.Equal("Jeanne", service.Descendants(Wms + "ContactPerson").Single().Value);
        Assert.Equal(["test", "wms"], service.Element(Wms + "KeywordList")!.Elements().Select(k => k.Value));

        var request = root.Element(Wms + "Capability")!.Element(Wms + "Request")!;
        Assert.Equal(["text/xml"], request.Element(Wms + "GetCapabilities")!.Elements(Wms + "Format").Select(f => f.Value));
        Assert.Contains("image/png", request.Element(Wms + "GetMap")!.Elements(Wms + "Format").Select(f => f.Value));
        Assert.Contains("image/jpeg", request.Element(Wms + "GetMap")!.Elements(Wms + "Format").Select(f => f.Value));
        Assert.Equal(["text/plain", "text/html", "application/json", "application/vnd.ogc.gml", "application/vnd.ogc.gml/3.1.1"],
            request.Element(Wms + "GetFeatureInfo")!.Elements(Wms + "Format").Select(f => f.Value));
        Assert.Equal(["XML", "INIMAGE", "BLANK"], root.Element(Wms + "Capability")!.Element(Wms + "Exception")!.Elements().Select(f => f.Value));
    }

    [Fact]
    public async Task Head_answers_headers_without_a_body()
    {
        await using var host = await WmsTestHost.StartAsync();
        using var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/wms?SERVICE=WMS&REQUEST=GetCapabilities"));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Options_answers_cors_preflight_and_get_carries_allow_origin()
    {
        await using var host = await WmsTestHost.StartAsync();
        using var options = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/wms"));
        Assert.Equal(204, (int)options.StatusCode);
        Assert.Contains("HEAD", options.Content.Headers.Allow);
        using var get = await host.GetAsync("SERVICE=WMS&REQUEST=GetCapabilities");
        Assert.Equal("*", get.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    private static async Task<XElement> Capabilities130(WmsTestHost host) =>
        XDocument.Parse(await host.GetStringAsync("SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0")).Root!;

    private static XElement Layer130(XElement root, string name) =>
        root.Descendants(Wms + "Layer").Single(l => l.Element(Wms + "Name")?.Value == name);

    private static XElement Layer111(XElement root, string name) =>
        root.Descendants("Layer").Single(l => l.Element("Name")?.Value == name);

    private static string[] Corners(XElement box) =>
        new[] { "minx", "miny", "maxx", "maxy" }.Select(a => (string)box.Attribute(a)!).ToArray();

    private static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
