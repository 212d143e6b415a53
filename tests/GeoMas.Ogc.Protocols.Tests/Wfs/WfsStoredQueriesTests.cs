using System.Xml.Linq;

namespace GeoMas.Ogc.Protocols.Tests.Wfs;

/// <summary>ListStoredQueries and DescribeStoredQueries for GetFeatureById (WFS-O3).</summary>
public sealed class WfsStoredQueriesTests
{
    private const string Base = "SERVICE=WFS&VERSION=2.0.0&REQUEST=";
    private const string ById = "http://www.opengis.net/def/query/OGC-WFS/0/GetFeatureById";
    private static readonly XNamespace W = "http://www.opengis.net/wfs/2.0";

    [Fact]
    public async Task List_names_get_feature_by_id_for_every_feature_type_and_is_schema_valid()
    {
        await using var host = await WfsTestHost.StartAsync();
        using var response = await host.KvpAsync(Base + "ListStoredQueries");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        WfsSchemas.AssertNoErrors(WfsSchemas.ValidateWfs20(body));
        var query = Assert.Single(XDocument.Parse(body).Root!.Elements(W + "StoredQuery"));
        Assert.Equal(ById, (string?)query.Attribute("id"));
        Assert.Equal(["geomas:communes", "geomas:parcelles", "geomas:routes", "geomas:plu_zones"], query.Elements(W + "ReturnFeatureType").Select(e => e.Value));
    }

    [Theory]
    [InlineData("", ById)]
    [InlineData("&STOREDQUERY_ID=" + ById, ById)]
    [InlineData("&storedquery_id=urn:ogc:def:query:OGC-WFS::GetFeatureById", "urn:ogc:def:query:OGC-WFS::GetFeatureById")]
    public async Task Describe_answers_one_schema_valid_description_with_the_id_parameter(string parameter, string expectedId)
    {
        await using var host = await WfsTestHost.StartAsync();
        using var response = await host.KvpAsync(Base + "DescribeStoredQueries" + parameter);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        WfsSchemas.AssertNoErrors(WfsSchemas.ValidateWfs20(body));
        var description = Assert.Single(XDocument.Parse(body).Root!.Elements(W + "StoredQueryDescription"));
        Assert.Equal(expectedId, (string?)description.Attribute("id"));
        Assert.Equal("id", (string?)description.Element(W + "Parameter")!.Attribute("name"));
        Assert.Contains("geomas:parcelles", (string?)description.Element(W + "QueryExpressionText")!.Attribute("returnFeatureTypes"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_over_post_xml_reads_stored_query_ids()
    {
        await using var host = await WfsTestHost.StartAsync();
        using var response = await host.PostXmlAsync(
            $"""<wfs:DescribeStoredQueries xmlns:wfs="http://www.opengis.net/wfs/2.0" service="WFS" version="2.0.0"><wfs:StoredQueryId>{ById}</wfs:StoredQueryId></wfs:DescribeStoredQueries>""");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Single(XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements(W + "StoredQueryDescription"));
    }
}
