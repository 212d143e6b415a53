using System.Xml.Linq;
using GeoMas.Ogc.Protocols.Tests.Support;

namespace GeoMas.Ogc.Protocols.Tests.Wms;

/// <summary>Every line of Cases/exceptions.txt is a request that must produce one exception with that code and locator.</summary>
public sealed class WmsExceptionCasesTests
{
    private static readonly XNamespace Ogc = "http://www.opengis.net/ogc";

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(SchemaFiles.TestFile("Wms/Cases/exceptions.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var parts = line.Split('|', 3, StringSplitOptions.TrimEntries);
            data.Add(parts[0], parts[1], parts[2]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Request_answers_the_expected_service_exception(string code, string locator, string query)
    {
        await using var host = await WmsTestHost.StartAsync();
        using var response = await host.GetAsync(query);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        var is111 = query.Contains("VERSION=1.1.1", StringComparison.Ordinal);
        var document = XDocument.Parse(body);
        if (is111)
        {
            Assert.Equal("application/vnd.ogc.se_xml", response.Content.Headers.ContentType?.MediaType);
            Assert.Empty(SchemaFiles.ValidateWithDtd(body));
            var exception = Assert.Single(document.Root!.Elements("ServiceException"));
            Assert.Equal(code, (string?)exception.Attribute("code"));
        }
        else
        {
            Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
            Assert.Empty(SchemaFiles.ValidateExceptions130(body));
            var exception = Assert.Single(document.Root!.Elements(Ogc + "ServiceException"));
            Assert.Equal(code, (string?)exception.Attribute("code"));
            Assert.Equal(locator == "-" ? null : locator, (string?)exception.Attribute("locator"));
        }
    }
}
