using System.Net;
using System.Xml.Linq;
using GeoMas.Ogc.Integration.Tests.Interop;

namespace GeoMas.Ogc.Integration.Tests.Wfs;

/// <summary>The /wfs endpoint on the real server (Kestrel, the server's middleware, PostGIS catalog): smoke test 21 and the HTTP envelope.</summary>
public sealed class WfsEndpointEndToEndTests(LiveServerFixture server) : IClassFixture<LiveServerFixture>
{
    private static readonly XNamespace W = "http://www.opengis.net/wfs/2.0";
    private static readonly XNamespace Ows = "http://www.opengis.net/ows/1.1";

    [Fact]
    public async Task Capabilities_list_every_vector_layer_and_declare_basic_wfs()
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync($"{server.BaseUrl}/wfs?SERVICE=WFS&REQUEST=GetCapabilities");
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["geomas:communes", "geomas:parcelles", "geomas:batiments", "geomas:routes", "geomas:plu_zones", "geomas:sentiers"],
            root.Element(W + "FeatureTypeList")!.Elements(W + "FeatureType").Select(t => t.Element(W + "Name")!.Value));
        var basic = root.Element(Ows + "OperationsMetadata")!.Elements(Ows + "Constraint").Single(c => (string?)c.Attribute("name") == "ImplementsBasicWFS");
        Assert.Equal("TRUE", basic.Element(Ows + "DefaultValue")!.Value);
        Assert.Equal($"{server.BaseUrl}/wfs?", root.Descendants(Ows + "Get").First().Attribute(XName.Get("href", "http://www.w3.org/1999/xlink"))!.Value);
    }

    [Fact]
    public async Task Head_answers_the_get_headers_without_a_body()
    {
        using var client = new HttpClient();
        using var get = await client.GetAsync($"{server.BaseUrl}/wfs?SERVICE=WFS&REQUEST=GetCapabilities");
        var body = await get.Content.ReadAsByteArrayAsync();
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"{server.BaseUrl}/wfs?SERVICE=WFS&REQUEST=GetCapabilities"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(body.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_post_describe_feature_type_answers_the_schema_and_a_bad_request_a_400_report()
    {
        using var client = new HttpClient();
        using var schema = await client.PostAsync($"{server.BaseUrl}/wfs", new StringContent(
            """<DescribeFeatureType xmlns="http://www.opengis.net/wfs/2.0" service="WFS" version="2.0.0"><TypeName xmlns:g="http://geomas.org/ogc">g:plu_zones</TypeName></DescribeFeatureType>""",
            System.Text.Encoding.UTF8, "text/xml"));
        Assert.Equal(HttpStatusCode.OK, schema.StatusCode);
        XNamespace xs = "http://www.w3.org/2001/XMLSchema";
        var properties = XDocument.Parse(await schema.Content.ReadAsStringAsync()).Descendants(xs + "sequence").Elements(xs + "element")
            .ToDictionary(e => (string)e.Attribute("name")!, e => (string)e.Attribute("type")!);
        Assert.Equal("gml:MultiSurfacePropertyType", properties["geom"]);
        Assert.Equal("xs:date", properties["valid_from"]);

        using var bad = await client.GetAsync($"{server.BaseUrl}/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=geomas:nope");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var exception = XDocument.Parse(await bad.Content.ReadAsStringAsync()).Root!.Element(Ows + "Exception")!;
        Assert.Equal("InvalidParameterValue", (string?)exception.Attribute("exceptionCode"));
    }
}
