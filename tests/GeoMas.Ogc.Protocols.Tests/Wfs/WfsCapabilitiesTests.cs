using System.Xml.Linq;
using GeoMas.Ogc.Protocols.Tests.Support;

namespace GeoMas.Ogc.Protocols.Tests.Wfs;

/// <summary>GetCapabilities 2.0.0 and 1.1.0 (WFS-C1..C8, DECL-WFS1..3, FES-1).</summary>
public sealed class WfsCapabilitiesTests
{
    private const string Caps = "SERVICE=WFS&REQUEST=GetCapabilities";
    private static readonly XNamespace W = "http://www.opengis.net/wfs/2.0";
    private static readonly XNamespace W11 = "http://www.opengis.net/wfs";
    private static readonly XNamespace Ows = "http://www.opengis.net/ows/1.1";
    private static readonly XNamespace Ows10 = "http://www.opengis.net/ows";
    private static readonly XNamespace Fes = "http://www.opengis.net/fes/2.0";
    private static readonly XNamespace Xlink = "http://www.w3.org/1999/xlink";

    private static async Task<(HttpResponseMessage Response, string Body)> Get(WfsTestHost host, string query)
    {
        var response = await host.KvpAsync(query);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static string? DefaultValue(XElement parent, XName element, string name) =>
        (string?)parent.Elements(element).SingleOrDefault(c => (string?)c.Attribute("name") == name)?.Element(Ows + "DefaultValue");

    [Fact]
    public async Task Capabilities_2_0_0_are_schema_valid_with_every_section()
    {
        await using var host = await WfsTestHost.StartAsync();
        var (response, body) = await Get(host, Caps);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        WfsSchemas.AssertNoErrors(WfsSchemas.ValidateWfs20(body));
        var root = XDocument.Parse(body).Root!;
        Assert.Equal(W + "WFS_Capabilities", root.Name);
        Assert.Equal("2.0.0", (string?)root.Attribute("version"));
        Assert.Equal("42", (string?)root.Attribute("updateSequence"));
        Assert.Equal(["ServiceIdentification", "ServiceProvider", "OperationsMetadata", "FeatureTypeList", "Filter_Capabilities"],
            root.Elements().Select(e => e.Name.LocalName));
        var identification = root.Element(Ows + "ServiceIdentification")!;
        Assert.Equal("WFS", identification.Element(Ows + "ServiceType")!.Value);
        Assert.Equal(["2.0.0", "1.1.0"], identification.Elements(Ows + "ServiceTypeVersion").Select(e => e.Value));
        Assert.Equal("GeoMas test", identification.Element(Ows + "Title")!.Value);
        Assert.Equal("GeoMas", root.Element(Ows + "ServiceProvider")!.Element(Ows + "ProviderName")!.Value);
    }

    [Fact]
    public async Task Schema_validation_catches_a_broken_document()
    {
        await using var host = await WfsTestHost.StartAsync();
        var (_, body) = await Get(host, Caps);
        var root = XDocument.Parse(body).Root!;
        root.Element(Ows + "OperationsMetadata")!.Remove();
        root.Add(new XElement(Ows + "OperationsMetadata"));
        Assert.NotEmpty(WfsSchemas.ValidateWfs20(root.ToString()));
    }

    [Fact]
    public async Task Operations_metadata_declares_basic_wfs_with_paging_over_get_and_post()
    {
        await using var host = await WfsTestHost.StartAsync();
        var (_, body) = await Get(host, Caps);
        var metadata = XDocument.Parse(body).Root!.Element(Ows + "OperationsMetadata")!;

        var operations = metadata.Elements(Ows + "Operation").ToDictionary(o => (string)o.Attribute("name")!);
        Assert.Equal(["GetCapabilities", "DescribeFeatureType", "ListStoredQueries", "DescribeStoredQueries", "GetFeature", "GetPropertyValue"], operations.Keys);
        foreach (var operation in operations.Values)
        {
            var http = operation.Element(Ows + "DCP")!.Element(Ows + "HTTP")!;
            Assert.Equal("http://localhost/wfs?", (string?)http.Element(Ows + "Get")!.Attribute(Xlink + "href"));
            Assert.Equal("http://localhost/wfs?", (string?)http.Element(Ows + "Post")!.Attribute(Xlink + "href"));
        }
        foreach (var name in new[] { "GetFeature", "GetPropertyValue" })
        {
            var resolve = operations[name].Elements(Ows + "Parameter").Single(p => (string?)p.Attribute("name") == "resolve");
            Assert.Contains("local", resolve.Descendants(Ows + "Value").Select(v => v.Value));
        }
        Assert.Equal(["application/gml+xml; version=3.2", "application/json", "text/csv"],
            operations["GetFeature"].Elements(Ows + "Parameter").Single(p => (string?)p.Attribute("name") == "outputFormat").Descendants(Ows + "Value").Select(v => v.Value));

        var expected = new Dictionary<string, string>
        {
            ["ImplementsBasicWFS"] = "TRUE",
            ["ImplementsTransactionalWFS"] = "FALSE",
            ["ImplementsLockingWFS"] = "FALSE",
            ["KVPEncoding"] = "TRUE",
            ["XMLEncoding"] = "TRUE",
            ["SOAPEncoding"] = "FALSE",
            ["ImplementsInheritance"] = "FALSE",
            ["ImplementsRemoteResolve"] = "FALSE",
            ["ImplementsResultPaging"] = "TRUE",
            ["ImplementsStandardJoins"] = "FALSE",
            ["ImplementsSpatialJoins"] = "FALSE",
            ["ImplementsTemporalJoins"] = "FALSE",
            ["ImplementsFeatureVersioning"] = "FALSE",
            ["ManageStoredQueries"] = "FALSE",
            ["PagingIsTransactionSafe"] = "FALSE",
            ["CountDefault"] = "2000000",
        };
        foreach (var (name, value) in expected)
            Assert.True(DefaultValue(metadata, Ows + "Constraint", name) == value, $"{name} should be {value}");
    }

    [Fact]
    public async Task Count_default_is_the_configured_download_maximum()
    {
        var catalog = TestCatalog.Build(limits: new Core.Catalog.ServiceLimits { MaxFeaturesPerDownload = 2500 });
        await using var host = await WfsTestHost.StartAsync(catalog);
        var (_, body) = await Get(host, Caps);
        Assert.Equal("2500", DefaultValue(XDocument.Parse(body).Root!.Element(Ows + "OperationsMetadata")!, Ows + "Constraint", "CountDefault"));
    }

    [Fact]
    public async Task Feature_types_are_the_vector_layers_with_urn_crs_and_wgs84_box()
    {
        await using var host = await WfsTestHost.StartAsync();
        var (_, body) = await Get(host, Caps);
        var root = XDocument.Parse(body).Root!;
        var types = root.Element(W + "FeatureTypeList")!.Elements(W + "FeatureType").ToList();

        Assert.Equal(["geomas:communes", "geomas:parcelles", "geomas:routes", "geomas:plu_zones"], types.Select(t => t.Element(W + "Name")!.Value));
        Assert.Equal("http://geomas.org/ogc", root.GetNamespaceOfPrefix("geomas")?.NamespaceName);
        var parcelles = types[1];
        Assert.Equal("Layer parcelles", parcelles.Element(W + "Title")!.Value);
        Assert.Equal("Abstract of parcelles", parcelles.Element(W + "Abstract")!.Value);
        Assert.Equal(["parcelles"], parcelles.Element(Ows + "Keywords")!.Elements(Ows + "Keyword").Select(k => k.Value));
        Assert.Equal("urn:ogc:def:crs:EPSG::2154", parcelles.Element(W + "DefaultCRS")!.Value);
        Assert.Equal(["urn:ogc:def:crs:EPSG::3857", "urn:ogc:def:crs:EPSG::4326", "urn:ogc:def:crs:EPSG::3944"],
            parcelles.Elements(W + "OtherCRS").Select(c => c.Value));
        var box = parcelles.Element(Ows + "WGS84BoundingBox")!;
        var lower = box.Element(Ows + "LowerCorner")!.Value.Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var upper = box.Element(Ows + "UpperCorner")!.Value.Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        // 944000..945000 E, 6388700..6389700 N in Lambert-93 is Gap: lon ≈ 6.07..6.09, lat ≈ 44.55..44.57 (lon lat order).
        Assert.InRange(lower[0], 6.05, 6.08);
        Assert.InRange(lower[1], 44.54, 44.57);
        Assert.InRange(upper[0], 6.08, 6.10);
        Assert.InRange(upper[1], 44.56, 44.58);
    }

    [Fact]
    public async Task Filter_capabilities_declare_what_the_fes_reader_supports()
    {
        await using var host = await WfsTestHost.StartAsync();
        var (_, body) = await Get(host, Caps);
        var filter = XDocument.Parse(body).Root!.Element(Fes + "Filter_Capabilities")!;
        var conformance = filter.Element(Fes + "Conformance")!;

        foreach (var name in new[] { "ImplementsQuery", "ImplementsAdHocQuery", "ImplementsResourceId", "ImplementsMinStandardFilter", "ImplementsStandardFilter",
                     "ImplementsMinSpatialFilter", "ImplementsSpatialFilter", "ImplementsSorting", "ImplementsMinimumXPath", "ImplementsMinTemporalFilter", "ImplementsFunctions" })
            Assert.True(DefaultValue(conformance, Fes + "Constraint", name) == "TRUE", name);
        foreach (var name in new[] { "ImplementsTemporalFilter", "ImplementsVersionNav", "ImplementsExtendedOperators", "ImplementsSchemaElementFunc" })
            Assert.True(DefaultValue(conformance, Fes + "Constraint", name) == "FALSE", name);
        Assert.Equal("fes:ResourceId", (string?)filter.Element(Fes + "Id_Capabilities")!.Element(Fes + "ResourceIdentifier")!.Attribute("name"));
        Assert.Equal(10, filter.Descendants(Fes + "ComparisonOperator").Count());
        Assert.Contains("BBOX", filter.Descendants(Fes + "SpatialOperator").Select(o => (string?)o.Attribute("name")));
        Assert.Contains("gml:Envelope", filter.Descendants(Fes + "GeometryOperand").Select(o => (string?)o.Attribute("name")));
        Assert.Equal(["After", "Before", "During", "TEquals"], filter.Descendants(Fes + "TemporalOperator").Select(o => (string?)o.Attribute("name")));
    }

    [Theory]
    [InlineData("ACCEPTVERSIONS=10.0.0,2.0.0,1.1.0", "2.0.0")]
    [InlineData("AcceptVersions=1.1.0,2.0.0", "1.1.0")]
    [InlineData("VERSION=1.1.0", "1.1.0")]
    [InlineData("VERSION=2.0.0", "2.0.0")]
    [InlineData("VERSION=1.0.0", "2.0.0")]
    public async Task Version_negotiation_picks_the_first_supported_version(string parameter, string expected)
    {
        await using var host = await WfsTestHost.StartAsync();
        var (response, body) = await Get(host, Caps + "&" + parameter);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(expected, (string?)XDocument.Parse(body).Root!.Attribute("version"));
    }

    [Fact]
    public async Task Sections_select_what_is_written()
    {
        await using var host = await WfsTestHost.StartAsync();
        var (_, body) = await Get(host, Caps + "&sections=FeatureTypeList,ServiceIdentification");
        Assert.Equal(["ServiceIdentification", "FeatureTypeList"], XDocument.Parse(body).Root!.Elements().Select(e => e.Name.LocalName));
        WfsSchemas.AssertNoErrors(WfsSchemas.ValidateWfs20(body));
    }

    [Fact]
    public async Task Equal_update_sequence_answers_an_empty_document()
    {
        await using var host = await WfsTestHost.StartAsync();
        var (response, body) = await Get(host, Caps + "&UPDATESEQUENCE=42");
        Assert.Equal(200, (int)response.StatusCode);
        var root = XDocument.Parse(body).Root!;
        Assert.Empty(root.Elements());
        Assert.Equal("42", (string?)root.Attribute("updateSequence"));
        var (older, olderBody) = await Get(host, Caps + "&UPDATESEQUENCE=41");
        Assert.Equal(200, (int)older.StatusCode);
        Assert.Equal(5, XDocument.Parse(olderBody).Root!.Elements().Count());
    }

    [Fact]
    public async Task Post_xml_get_capabilities_answers_the_same_document_as_kvp()
    {
        await using var host = await WfsTestHost.StartAsync();
        var (_, kvp) = await Get(host, Caps);
        using var response = await host.PostXmlAsync(
            """
            <wfs:GetCapabilities service="WFS" xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:ows="http://www.opengis.net/ows/1.1">
              <ows:AcceptVersions><ows:Version>2.0.0</ows:Version></ows:AcceptVersions>
            </wfs:GetCapabilities>
            """);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(kvp, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_form_encoded_kvp_is_read_like_get()
    {
        await using var host = await WfsTestHost.StartAsync();
        using var response = await host.PostFormAsync([new("service", "WFS"), new("request", "GetCapabilities"), new("acceptversions", "1.1.0")]);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(W11 + "WFS_Capabilities", XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Name);
    }

    [Fact]
    public async Task Repeated_requests_get_the_same_bytes_and_the_base_url_follows_the_proxy()
    {
        await using var host = await WfsTestHost.StartAsync();
        var (_, first) = await Get(host, Caps);
        var (_, second) = await Get(host, Caps);
        Assert.Equal(first, second);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/wfs?" + Caps);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "geo.example.org");
        using var proxied = await host.Client.SendAsync(request);
        var href = XDocument.Parse(await proxied.Content.ReadAsStringAsync()).Descendants(Ows + "Get").First().Attribute(Xlink + "href")!.Value;
        Assert.Equal("https://geo.example.org/wfs?", href);
    }

    [Fact]
    public async Task Capabilities_1_1_0_use_ows_1_0_srs_names_and_fes_1_1()
    {
        await using var host = await WfsTestHost.StartAsync();
        var (response, body) = await Get(host, Caps + "&VERSION=1.1.0");
        Assert.Equal(200, (int)response.StatusCode);
        var root = XDocument.Parse(body).Root!;
        Assert.Equal(W11 + "WFS_Capabilities", root.Name);
        Assert.Equal("1.1.0", (string?)root.Attribute("version"));
        Assert.Equal(["ServiceIdentification", "ServiceProvider", "OperationsMetadata", "FeatureTypeList", "Filter_Capabilities"],
            root.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("1.1.0", root.Element(Ows10 + "ServiceIdentification")!.Element(Ows10 + "ServiceTypeVersion")!.Value);
        Assert.Equal(["GetCapabilities", "DescribeFeatureType", "GetFeature"],
            root.Element(Ows10 + "OperationsMetadata")!.Elements(Ows10 + "Operation").Select(o => (string?)o.Attribute("name")));
        var type = root.Element(W11 + "FeatureTypeList")!.Elements(W11 + "FeatureType").First();
        Assert.Equal("geomas:communes", type.Element(W11 + "Name")!.Value);
        Assert.Equal("urn:ogc:def:crs:EPSG::2154", type.Element(W11 + "DefaultSRS")!.Value);
        Assert.Equal(3, type.Elements(W11 + "OtherSRS").Count());
        Assert.NotNull(type.Element(Ows10 + "WGS84BoundingBox"));
        XNamespace ogc = "http://www.opengis.net/ogc";
        Assert.Equal("http://www.opengis.net/gml", root.GetNamespaceOfPrefix("gml")?.NamespaceName);
        Assert.Contains("EqualTo", root.Element(ogc + "Filter_Capabilities")!.Descendants(ogc + "ComparisonOperator").Select(o => o.Value));
    }
}
