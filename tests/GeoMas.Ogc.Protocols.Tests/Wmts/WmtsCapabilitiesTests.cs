using System.Globalization;
using System.Xml.Linq;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Protocols.Tests.Support;

namespace GeoMas.Ogc.Protocols.Tests.Wmts;

/// <summary>GetCapabilities over KVP and REST (WMTS-A1, A2, A4..A10, B1..B3, T9).</summary>
public sealed class WmtsCapabilitiesTests
{
    private const string Kvp = "/wmts?SERVICE=WMTS&REQUEST=GetCapabilities";
    private const string Rest = "/wmts/1.0.0/WMTSCapabilities.xml";
    private static readonly XNamespace W = "http://www.opengis.net/wmts/1.0";
    private static readonly XNamespace Ows = "http://www.opengis.net/ows/1.1";
    private static readonly XNamespace Xlink = "http://www.w3.org/1999/xlink";

    private static async Task<(HttpResponseMessage Response, string Body)> Get(WmtsTestHost host, string request)
    {
        var response = await host.GetAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static XElement Layer(XElement root, string id) =>
        root.Element(W + "Contents")!.Elements(W + "Layer").Single(l => (string?)l.Element(Ows + "Identifier") == id);

    [Fact]
    public async Task Kvp_capabilities_are_schema_valid_application_xml_with_every_section()
    {
        await using var host = await WmtsTestHost.StartAsync();
        var (response, body) = await Get(host, Kvp + "&VERSION=1.0.0");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(WmtsSchemas.ValidateCapabilities(body));
        var root = XDocument.Parse(body).Root!;
        Assert.Equal(W + "Capabilities", root.Name);
        Assert.Equal("1.0.0", (string?)root.Attribute("version"));
        Assert.Equal("42", (string?)root.Attribute("updateSequence"));
        Assert.Contains("wmtsGetCapabilities_response.xsd", (string?)root.Attribute(XName.Get("schemaLocation", "http://www.w3.org/2001/XMLSchema-instance")), StringComparison.Ordinal);
        Assert.Equal(["ServiceIdentification", "ServiceProvider", "OperationsMetadata", "Contents", "Themes", "ServiceMetadataURL"],
            root.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("OGC WMTS", root.Element(Ows + "ServiceIdentification")!.Element(Ows + "ServiceType")!.Value);
        Assert.Equal("GeoMas test", root.Element(Ows + "ServiceIdentification")!.Element(Ows + "Title")!.Value);
        Assert.Equal("GeoMas", root.Element(Ows + "ServiceProvider")!.Element(Ows + "ProviderName")!.Value);
    }

    [Fact]
    public async Task Schema_validator_rejects_sections_out_of_order()
    {
        await using var host = await WmtsTestHost.StartAsync();
        var (_, body) = await Get(host, Kvp);
        var root = XDocument.Parse(body).Root!;
        var identification = root.Element(Ows + "ServiceIdentification")!;
        identification.Remove();
        root.Add(identification);
        Assert.NotEmpty(WmtsSchemas.ValidateCapabilities(root.ToString()));
    }

    [Fact]
    public async Task Rest_service_metadata_is_the_same_document_and_names_itself()
    {
        await using var host = await WmtsTestHost.StartAsync();
        var (_, kvp) = await Get(host, Kvp);
        var (response, rest) = await Get(host, Rest);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(kvp, rest);
        var url = XDocument.Parse(rest).Root!.Element(W + "ServiceMetadataURL")!;
        Assert.Equal("http://localhost/wmts/1.0.0/WMTSCapabilities.xml", (string?)url.Attribute(Xlink + "href"));
    }

    [Theory]
    [InlineData(null, 200)]
    [InlineData("application/xml", 200)]
    [InlineData("text/xml", 200)]
    [InlineData("*/*", 200)]
    [InlineData("text/html, application/xml;q=0.9", 200)]
    [InlineData("example/unknown", 406)]
    [InlineData("application/json", 406)]
    [InlineData("application/xml;q=0", 406)]
    public async Task Rest_service_metadata_negotiates_accept(string? accept, int status)
    {
        await using var host = await WmtsTestHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, Rest);
        if (accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
    }

    [Fact]
    public async Task Head_sends_headers_without_a_body()
    {
        await using var host = await WmtsTestHost.StartAsync();
        foreach (var url in new[] { Kvp, Rest })
        {
            using var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Theory]
    [InlineData("SeRvIcE=WMTS&rEqUeSt=GetCapabilities")]
    [InlineData("request=GetCapabilities&service=WMTS")]
    [InlineData("SERVICE=WMTS&REQUEST=GetCapabilities&AcceptVersions=1.0.0")]
    [InlineData("SERVICE=WMTS&REQUEST=GetCapabilities&AcceptVersions=2.0.0,1.0.0")]
    [InlineData("SERVICE=WMTS&REQUEST=GetCapabilities&AcceptFormats=text/bogus")]
    [InlineData("SERVICE=WMTS&REQUEST=GetCapabilities&AcceptFormats=application/xml")]
    [InlineData("SERVICE=WMTS&REQUEST=GetCapabilities&UpdateSequence=41")]
    [InlineData("SERVICE=WMTS&REQUEST=GetCapabilities&Sections=All")]
    public async Task Names_are_case_insensitive_and_these_variants_return_the_full_document(string query)
    {
        await using var host = await WmtsTestHost.StartAsync();
        var (_, reference) = await Get(host, Kvp);
        var (response, body) = await Get(host, "/wmts?" + query);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(reference, body);
    }

    [Fact]
    public async Task Equal_update_sequence_returns_only_version_and_update_sequence()
    {
        await using var host = await WmtsTestHost.StartAsync();
        var (response, body) = await Get(host, Kvp + "&UpdateSequence=42");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Empty(WmtsSchemas.ValidateCapabilities(body));
        var root = XDocument.Parse(body).Root!;
        Assert.Empty(root.Elements());
        Assert.Equal(["version", "updateSequence"], root.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.Namespace == XNamespace.None).Select(a => a.Name.LocalName));
    }

    [Theory]
    [InlineData("ServiceIdentification", "ServiceIdentification")]
    [InlineData("ServiceProvider", "ServiceProvider")]
    [InlineData("OperationsMetadata", "OperationsMetadata")]
    [InlineData("Contents", "Contents")]
    [InlineData("Themes", "Themes")]
    [InlineData("Contents,Themes", "Contents,Themes")]
    [InlineData("themes,serviceprovider", "ServiceProvider,Themes")]
    public async Task Sections_select_exactly_those_sections(string sections, string expected)
    {
        await using var host = await WmtsTestHost.StartAsync();
        var (_, body) = await Get(host, Kvp + "&Sections=" + sections);
        Assert.Empty(WmtsSchemas.ValidateCapabilities(body));
        Assert.Equal(expected.Split(','), XDocument.Parse(body).Root!.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public async Task Operations_have_kvp_get_hrefs_ending_with_a_question_mark()
    {
        await using var host = await WmtsTestHost.StartAsync();
        var (_, body) = await Get(host, Kvp);
        var operations = XDocument.Parse(body).Root!.Element(Ows + "OperationsMetadata")!.Elements(Ows + "Operation").ToList();

        Assert.Equal(["GetCapabilities", "GetTile", "GetFeatureInfo"], operations.Select(o => (string?)o.Attribute("name")));
        foreach (var get in operations.SelectMany(o => o.Descendants(Ows + "Get")))
        {
            var href = (string)get.Attribute(Xlink + "href")!;
            Assert.StartsWith("http://", href, StringComparison.Ordinal);
            Assert.EndsWith("?", href, StringComparison.Ordinal);
            var constraint = get.Element(Ows + "Constraint")!;
            Assert.Equal("GetEncoding", (string?)constraint.Attribute("name"));
            Assert.Equal("KVP", constraint.Element(Ows + "AllowedValues")!.Element(Ows + "Value")!.Value);
        }
        var acceptFormats = operations[0].Element(Ows + "Parameter")!;
        Assert.Equal("AcceptFormats", (string?)acceptFormats.Attribute("name"));
        Assert.Equal("application/xml", acceptFormats.Descendants(Ows + "Value").Single().Value);
    }

    [Fact]
    public async Task Urls_follow_the_public_base_url_and_forwarded_headers()
    {
        await using var host = await WmtsTestHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, Kvp);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "geo.example.org");
        request.Headers.Add("X-Forwarded-Prefix", "/ogc");
        using var response = await host.Client.SendAsync(request);
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        Assert.Equal("https://geo.example.org/ogc/wmts?", (string?)root.Descendants(Ows + "Get").First().Attribute(Xlink + "href"));
        Assert.Equal("https://geo.example.org/ogc/wmts/1.0.0/WMTSCapabilities.xml", (string?)root.Element(W + "ServiceMetadataURL")!.Attribute(Xlink + "href"));
        Assert.All(root.Descendants(W + "ResourceURL"), r => Assert.StartsWith("https://geo.example.org/ogc/wmts/1.0.0/", (string)r.Attribute("template")!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Contents_list_vector_layers_and_groups_with_unique_identifiers_and_valid_links()
    {
        await using var host = await WmtsTestHost.StartAsync();
        var (_, body) = await Get(host, Kvp);
        var contents = XDocument.Parse(body).Root!.Element(W + "Contents")!;
        var layers = contents.Elements(W + "Layer").Select(l => l.Element(Ows + "Identifier")!.Value).ToList();
        var sets = contents.Elements(W + "TileMatrixSet").ToList();
        var setIds = sets.Select(s => s.Element(Ows + "Identifier")!.Value).ToList();

        // WMTS-A8
        Assert.Equal(["communes", "parcelles", "routes", "plu_zones", "ortho", "fond_plan", "plan"], layers);
        // An opaque raster (and a group drawing one) offers JPEG first; vector layers PNG.
        string FirstFormat(string id) => contents.Elements(W + "Layer").Single(l => l.Element(Ows + "Identifier")!.Value == id).Element(W + "Format")!.Value;
        Assert.Equal("image/jpeg", FirstFormat("ortho"));
        Assert.Equal("image/jpeg", FirstFormat("fond_plan"));
        Assert.Equal("image/png", FirstFormat("communes"));
        Assert.Equal(["LAMB93", "WebMercatorQuad", "WorldCRS84Quad"], setIds);
        Assert.All(contents.Descendants(W + "TileMatrixSetLink"), link => Assert.Contains(link.Element(W + "TileMatrixSet")!.Value, setIds));
        foreach (var set in sets)
        {
            var matrices = set.Elements(W + "TileMatrix").ToList();
            Assert.Equal(matrices.Count, matrices.Select(m => m.Element(Ows + "Identifier")!.Value).Distinct().Count());
            Assert.Equal(matrices.Count, matrices.Select(m => m.Element(W + "ScaleDenominator")!.Value).Distinct().Count());
            Assert.Null(set.Element(W + "WellKnownScaleSet")); // WMTS-A10
        }
        var themes = XDocument.Parse(body).Root!.Element(W + "Themes")!;
        Assert.All(themes.Descendants(W + "LayerRef"), r => Assert.Contains(r.Value, layers));
        Assert.Equal(["plan", "plu_zones", "parcelles", "routes", "communes"],
            themes.Elements(W + "Theme").Single(t => t.Element(Ows + "Identifier")!.Value == "plan").Elements(W + "LayerRef").Select(r => r.Value));
    }

    [Theory]
    [InlineData("WebMercatorQuad", "urn:ogc:def:crs:EPSG::3857", "-20037508.3427892 20037508.3427892", "559082264.0287178", 25)]
    [InlineData("WorldCRS84Quad", "urn:ogc:def:crs:OGC:1.3:CRS84", "-180 90", "279541132.0143589", 24)]
    [InlineData("LAMB93", "urn:ogc:def:crs:EPSG::2154", "0 12000000", "748982857.1428572", 23)]
    public async Task Tile_matrix_sets_use_urns_crs_axis_order_and_full_precision_scales(string id, string crs, string topLeft, string scale0, int matrices)
    {
        await using var host = await WmtsTestHost.StartAsync();
        var (_, body) = await Get(host, Kvp);
        var set = XDocument.Parse(body).Root!.Element(W + "Contents")!.Elements(W + "TileMatrixSet").Single(s => s.Element(Ows + "Identifier")!.Value == id);

        Assert.Equal(crs, set.Element(Ows + "SupportedCRS")!.Value);
        var all = set.Elements(W + "TileMatrix").ToList();
        Assert.Equal(matrices, all.Count);
        Assert.All(all, m => Assert.Equal(topLeft, m.Element(W + "TopLeftCorner")!.Value));
        Assert.Equal(scale0, all[0].Element(W + "ScaleDenominator")!.Value);
        // Each scale parses back to exactly the value of the tile matrix set file ("R" formatting).
        var definition = WmtsTestHost.TileMatrixSets.Find(id)!;
        Assert.Equal(definition.TileMatrices.Select(m => m.ScaleDenominator), all.Select(m => double.Parse(m.Element(W + "ScaleDenominator")!.Value, CultureInfo.InvariantCulture)));
        Assert.Equal(definition.TileMatrices.Select(m => m.MatrixWidth.ToString(CultureInfo.InvariantCulture)), all.Select(m => m.Element(W + "MatrixWidth")!.Value));
    }

    [Fact]
    public async Task Layer_carries_description_box_styles_formats_and_resource_templates()
    {
        await using var host = await WmtsTestHost.StartAsync();
        var (_, body) = await Get(host, Kvp);
        var communes = Layer(XDocument.Parse(body).Root!, "communes");

        Assert.Equal("Layer communes", communes.Element(Ows + "Title")!.Value);
        Assert.Equal("Abstract of communes", communes.Element(Ows + "Abstract")!.Value);
        var box = communes.Element(Ows + "WGS84BoundingBox")!;
        var lower = box.Element(Ows + "LowerCorner")!.Value.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.InRange(lower[0], 6.0, 6.1); // lon first
        Assert.InRange(lower[1], 44.4, 44.6);
        var styles = communes.Elements(W + "Style").ToList();
        Assert.Equal(["default", "labels"], styles.Select(s => s.Element(Ows + "Identifier")!.Value));
        Assert.Equal("true", (string?)styles[0].Attribute("isDefault"));
        Assert.Null(styles[1].Attribute("isDefault"));
        Assert.Equal(["image/png", "image/jpeg", "image/webp"], communes.Elements(W + "Format").Select(f => f.Value));
        Assert.Equal(["text/plain", "text/html", "application/json", "application/vnd.ogc.gml"], communes.Elements(W + "InfoFormat").Select(f => f.Value));
        Assert.Empty(communes.Elements(W + "Dimension"));
        Assert.Equal(["LAMB93", "WebMercatorQuad", "WorldCRS84Quad"], communes.Elements(W + "TileMatrixSetLink").Select(l => l.Element(W + "TileMatrixSet")!.Value));
        var templates = communes.Elements(W + "ResourceURL").Select(r => ((string)r.Attribute("resourceType")!, (string)r.Attribute("format")!, (string)r.Attribute("template")!)).ToList();
        Assert.Contains(("tile", "image/png", "http://localhost/wmts/1.0.0/communes/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png"), templates);
        Assert.Contains(("tile", "image/jpeg", "http://localhost/wmts/1.0.0/communes/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.jpg"), templates);
        Assert.Contains(("FeatureInfo", "application/json", "http://localhost/wmts/1.0.0/communes/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}/{J}/{I}.json"), templates);
        Assert.Equal(7, templates.Count);
    }

    [Fact]
    public async Task Legend_urls_give_the_exact_size_of_the_legend_graphic()
    {
        await using var host = await WmtsTestHost.StartAsync();
        var (_, body) = await Get(host, Kvp);
        var root = XDocument.Parse(body).Root!;
        var legends = new FakeLegendRenderer();
        foreach (var (layerId, styleId, styleName) in new[] { ("communes", "default", "default"), ("communes", "labels", "labels"), ("parcelles", "default", "default") })
        {
            var layer = host.Snapshot.FindLayer(layerId)!;
            var expected = legends.Measure(new LegendRequest { Layer = layer, Style = layer.FindStyle(styleName)!, Format = ImageFormat.Png });
            var legend = Layer(root, layerId).Elements(W + "Style").Single(s => s.Element(Ows + "Identifier")!.Value == styleId).Element(W + "LegendURL")!;
            Assert.Equal("image/png", (string?)legend.Attribute("format"));
            Assert.Equal(expected.Width.ToString(CultureInfo.InvariantCulture), (string?)legend.Attribute("width"));
            Assert.Equal(expected.Height.ToString(CultureInfo.InvariantCulture), (string?)legend.Attribute("height"));
            Assert.Equal($"http://localhost/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image%2Fpng&LAYER={layerId}&STYLE={styleName}", (string?)legend.Attribute(Xlink + "href"));
            Assert.Null(legend.Attribute("minScaleDenominator")); // WMTS-A9: omitted rather than unequal to a TileMatrix scale
        }
        Assert.Null(Layer(root, "plan").Element(W + "Style")!.Element(W + "LegendURL"));
    }

    [Fact]
    public async Task Time_layer_has_a_time_dimension_and_time_in_its_templates()
    {
        await using var host = await WmtsTestHost.StartAsync();
        var (_, body) = await Get(host, Kvp);
        var root = XDocument.Parse(body).Root!;
        var plu = Layer(root, "plu_zones");
        var dimension = plu.Element(W + "Dimension")!;

        Assert.Equal("time", dimension.Element(Ows + "Identifier")!.Value);
        Assert.Equal("2023-01-10", dimension.Element(W + "Default")!.Value); // latest change not after "today" (2024-05-01)
        Assert.Equal("true", dimension.Element(W + "Current")!.Value);
        Assert.Equal(["2015-03-01", "2019-06-15", "2023-01-10", "2099-01-01"], dimension.Elements(W + "Value").Select(v => v.Value));
        Assert.All(plu.Elements(W + "ResourceURL"), r => Assert.StartsWith("http://localhost/wmts/1.0.0/plu_zones/{Style}/{time}/{TileMatrixSet}/", (string)r.Attribute("template")!, StringComparison.Ordinal));
        Assert.Empty(Layer(root, "plan").Elements(W + "Dimension"));
    }

    [Fact]
    public async Task Tile_matrix_set_limits_follow_the_layer_extent_and_fit_the_schema()
    {
        await using var host = await WmtsTestHost.StartAsync();
        var (_, body) = await Get(host, Kvp);
        var link = Layer(XDocument.Parse(body).Root!, "communes").Elements(W + "TileMatrixSetLink").Single(l => l.Element(W + "TileMatrixSet")!.Value == "WebMercatorQuad");
        var limits = link.Descendants(W + "TileMatrixLimits").ToDictionary(l => l.Element(W + "TileMatrix")!.Value, l => l);

        var z12 = limits["12"];
        Assert.Equal(["1479", "1481", "2116", "2117"], new[] { "MinTileRow", "MaxTileRow", "MinTileCol", "MaxTileCol" }.Select(n => z12.Element(W + n)!.Value));
        // z0 (row 0, col 0) and z1 (row 0) cannot be written (MaxTileRow is a positiveInteger): those matrices are open.
        Assert.False(limits.ContainsKey("0"));
        Assert.False(limits.ContainsKey("1"));
        Assert.True(limits.ContainsKey("2"));
        Assert.Equal(23, limits.Count);
    }
}
