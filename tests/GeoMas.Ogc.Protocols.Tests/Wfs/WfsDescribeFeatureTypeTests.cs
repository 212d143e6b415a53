using System.Xml.Linq;

namespace GeoMas.Ogc.Protocols.Tests.Wfs;

/// <summary>DescribeFeatureType: a GML application schema that compiles and that features validate against (WFS-O2).</summary>
public sealed class WfsDescribeFeatureTypeTests
{
    private const string Dft = "SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType";
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    private static async Task<(HttpResponseMessage Response, string Body)> Get(WfsTestHost host, string query)
    {
        var response = await host.KvpAsync(query);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, string> PropertyTypes(XElement schema, string type) =>
        schema.Elements(Xs + "complexType").Single(t => (string?)t.Attribute("name") == type + "Type")
            .Descendants(Xs + "element").ToDictionary(e => (string)e.Attribute("name")!, e => (string)e.Attribute("type")!);

    [Fact]
    public async Task Without_type_names_every_feature_type_is_described_in_one_compiling_schema()
    {
        await using var host = await WfsTestHost.StartAsync();
        var (response, body) = await Get(host, Dft);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/gml+xml", response.Content.Headers.ContentType?.MediaType);
        var (set, errors) = WfsSchemas.CompileApplicationSchema(body);
        Assert.Empty(errors);
        Assert.NotNull(set);
        var schema = XDocument.Parse(body).Root!;
        Assert.Equal("http://geomas.org/ogc", (string?)schema.Attribute("targetNamespace"));
        Assert.Equal("http://www.opengis.net/gml/3.2", (string?)schema.Element(Xs + "import")!.Attribute("namespace"));
        var elements = schema.Elements(Xs + "element").ToList();
        Assert.Equal(["communes", "parcelles", "routes", "plu_zones"], elements.Select(e => (string?)e.Attribute("name")));
        Assert.All(elements, e => Assert.Equal("gml:AbstractFeature", (string?)e.Attribute("substitutionGroup")));
    }

    [Fact]
    public async Task Properties_map_attribute_types_and_the_geometry_kind_to_multi_gml_types()
    {
        await using var host = await WfsTestHost.StartAsync();
        var (_, body) = await Get(host, Dft);
        var schema = XDocument.Parse(body).Root!;

        Assert.Equal(new Dictionary<string, string> { ["geom"] = "gml:MultiSurfacePropertyType", ["nom"] = "xs:string", ["surface"] = "xs:double" },
            PropertyTypes(schema, "parcelles"));
        Assert.Equal("gml:MultiCurvePropertyType", PropertyTypes(schema, "routes")["geom"]);
        Assert.All(schema.Descendants(Xs + "sequence").Elements(Xs + "element"), e =>
        {
            Assert.Equal("0", (string?)e.Attribute("minOccurs"));
            Assert.Equal("true", (string?)e.Attribute("nillable"));
        });
    }

    [Fact]
    public async Task A_feature_written_as_get_feature_will_write_it_validates_against_the_schema()
    {
        await using var host = await WfsTestHost.StartAsync();
        var (_, body) = await Get(host, Dft + "&TYPENAMES=geomas:routes");
        var (set, errors) = WfsSchemas.CompileApplicationSchema(body);
        Assert.Empty(errors);

        const string feature = """
            <geomas:routes xmlns:geomas="http://geomas.org/ogc" xmlns:gml="http://www.opengis.net/gml/3.2" gml:id="routes.1">
              <geomas:geom><gml:MultiCurve gml:id="routes.1.geom" srsName="urn:ogc:def:crs:EPSG::2154"><gml:curveMember>
                <gml:LineString gml:id="routes.1.geom.0"><gml:posList>944000 6388700 945000 6389700</gml:posList></gml:LineString>
              </gml:curveMember></gml:MultiCurve></geomas:geom>
              <geomas:nom>Route de Gap</geomas:nom>
              <geomas:surface>12.5</geomas:surface>
            </geomas:routes>
            """;
        WfsSchemas.AssertNoErrors(WfsSchemas.Validate(feature, set!));
        Assert.NotEmpty(WfsSchemas.Validate(feature.Replace("<geomas:surface>12.5</geomas:surface>", "<geomas:surface>wide</geomas:surface>", StringComparison.Ordinal), set!));
        const string outOfOrder = """
            <geomas:routes xmlns:geomas="http://geomas.org/ogc" xmlns:gml="http://www.opengis.net/gml/3.2" gml:id="routes.2">
              <geomas:nom>Route de Gap</geomas:nom>
              <geomas:geom><gml:MultiCurve gml:id="routes.2.geom"><gml:curveMember>
                <gml:LineString gml:id="routes.2.geom.0"><gml:posList>944000 6388700 945000 6389700</gml:posList></gml:LineString>
              </gml:curveMember></gml:MultiCurve></geomas:geom>
            </geomas:routes>
            """;
        Assert.NotEmpty(WfsSchemas.Validate(outOfOrder, set!));
    }

    [Theory]
    [InlineData("TYPENAMES=geomas:routes", new[] { "routes" })]
    [InlineData("typenames=routes,parcelles", new[] { "routes", "parcelles" })]
    [InlineData("TYPENAME=geomas:plu_zones", new[] { "plu_zones" })]
    [InlineData("TYPENAMES=g:communes&NAMESPACES=xmlns(g,http://geomas.org/ogc)", new[] { "communes" })]
    [InlineData("TYPENAMES=%7Bhttp://geomas.org/ogc%7Droutes", new[] { "routes" })]
    [InlineData("TYPENAMES=routes,geomas:routes", new[] { "routes" })]
    public async Task Type_names_select_the_described_types(string parameter, string[] expected)
    {
        await using var host = await WfsTestHost.StartAsync();
        var (response, body) = await Get(host, Dft + "&" + parameter);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(expected, XDocument.Parse(body).Root!.Elements(Xs + "element").Select(e => (string?)e.Attribute("name")));
    }

    [Theory]
    [InlineData("OUTPUTFORMAT=text/xml;%20subtype%3Dgml/3.2", "text/xml", true)]
    [InlineData("OUTPUTFORMAT=application/gml%2Bxml;%20version%3D3.2", "application/gml+xml", true)]
    [InlineData("OUTPUTFORMAT=text/xml;%20subtype%3Dgml/3.1.1", "text/xml", false)]
    [InlineData("OUTPUTFORMAT=XMLSCHEMA", "text/xml", false)]
    public async Task Output_format_picks_gml_3_2_or_3_1_1(string parameter, string mediaType, bool gml32)
    {
        await using var host = await WfsTestHost.StartAsync();
        var (response, body) = await Get(host, Dft + "&" + parameter);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var schema = XDocument.Parse(body).Root!;
        Assert.Equal(gml32 ? "http://www.opengis.net/gml/3.2" : "http://www.opengis.net/gml", (string?)schema.Element(Xs + "import")!.Attribute("namespace"));
        WfsSchemas.AssertNoErrors(WfsSchemas.CompileApplicationSchema(body).Errors);
    }

    [Fact]
    public async Task Version_1_1_0_describes_gml_3_1_1_features()
    {
        await using var host = await WfsTestHost.StartAsync();
        var (response, body) = await Get(host, "SERVICE=WFS&VERSION=1.1.0&REQUEST=DescribeFeatureType&TYPENAME=geomas:parcelles");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/xml; subtype=\"gml/3.1.1\"; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var (_, errors) = WfsSchemas.CompileApplicationSchema(body);
        Assert.Empty(errors);
        var element = Assert.Single(XDocument.Parse(body).Root!.Elements(Xs + "element"));
        Assert.Equal("gml:_Feature", (string?)element.Attribute("substitutionGroup"));
    }

    [Fact]
    public async Task Post_xml_type_names_resolve_prefixes_from_the_document()
    {
        await using var host = await WfsTestHost.StartAsync();
        using var response = await host.PostXmlAsync(
            """
            <DescribeFeatureType xmlns="http://www.opengis.net/wfs/2.0" service="WFS" version="2.0.0" xmlns:x="http://geomas.org/ogc">
              <TypeName>x:routes</TypeName><TypeName>x:communes</TypeName>
            </DescribeFeatureType>
            """);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(["routes", "communes"],
            XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements(Xs + "element").Select(e => (string?)e.Attribute("name")));
    }

    [Fact]
    public void Schema_compiler_rejects_a_type_that_extends_nothing_known()
    {
        var (_, errors) = WfsSchemas.CompileApplicationSchema(
            """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x"><xs:element name="a" type="xs:nope"/></xs:schema>""");
        Assert.NotEmpty(errors);
    }
}
