using System.Xml.Linq;
using GeoMas.Ogc.Protocols.Tests.Support;

namespace GeoMas.Ogc.Protocols.Tests.Wmts;

/// <summary>Every line of Cases/exceptions.txt is a request that must answer one OWS 1.1 exception with that status, code and locator.</summary>
public sealed class WmtsExceptionCasesTests
{
    private static readonly XNamespace Ows = "http://www.opengis.net/ows/1.1";

    public static TheoryData<int, string, string, string> Cases()
    {
        var data = new TheoryData<int, string, string, string>();
        foreach (var line in File.ReadLines(SchemaFiles.TestFile("Wmts/Cases/exceptions.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var parts = line.Split('|', 4, StringSplitOptions.TrimEntries);
            data.Add(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts[1], parts[2], parts[3]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Request_answers_the_expected_exception_report(int status, string code, string locator, string request)
    {
        await using var host = await WmtsTestHost.StartAsync();
        using var response = await host.GetAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(WmtsSchemas.ValidateException(body));
        var exception = Assert.Single(XDocument.Parse(body).Root!.Elements(Ows + "Exception"));
        Assert.Equal(code, (string?)exception.Attribute("exceptionCode"));
        Assert.Equal(locator == "-" ? null : locator, (string?)exception.Attribute("locator"));
        Assert.Empty(host.Tiles.Requests); // nothing is rendered for a refused request
    }

    [Fact]
    public async Task A_layer_without_queryable_members_refuses_feature_info_with_501()
    {
        var catalog = WmtsTestHost.Catalog();
        var layers = catalog.Layers.Select(l => l.Id == "routes" ? l with { Queryable = false } : l).ToArray();
        await using var host = await WmtsTestHost.StartAsync(new Core.Catalog.CatalogSnapshot(
            catalog.Service, catalog.Sources, layers, catalog.Limits, catalog.SupportedSrids, catalog.UpdateSequence));

        using var response = await host.KvpAsync("SERVICE=WMTS&REQUEST=GetFeatureInfo&VERSION=1.0.0&LAYER=routes&STYLE=default&FORMAT=image/png"
            + "&TileMatrixSet=WebMercatorQuad&TileMatrix=12&TileRow=1480&TileCol=2116&I=1&J=1&InfoFormat=text/plain");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(501, (int)response.StatusCode);
        Assert.Empty(WmtsSchemas.ValidateException(body));
        var exception = XDocument.Parse(body).Root!.Element(Ows + "Exception")!;
        Assert.Equal("OperationNotSupported", (string?)exception.Attribute("exceptionCode"));
        Assert.Equal("GetFeatureInfo", (string?)exception.Attribute("locator"));
        Assert.Empty(host.FeatureInfo.Requests);
    }

    [Fact]
    public void Exception_validator_rejects_a_report_without_version()
    {
        const string xml = """<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1"><ows:Exception exceptionCode="x"/></ows:ExceptionReport>""";
        Assert.NotEmpty(WmtsSchemas.ValidateException(xml));
    }
}
