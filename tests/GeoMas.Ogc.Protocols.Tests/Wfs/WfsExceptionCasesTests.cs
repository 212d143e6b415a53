using System.Xml.Linq;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Protocols.Tests.Support;
using GeoMas.Ogc.Protocols.Wfs;

namespace GeoMas.Ogc.Protocols.Tests.Wfs;

/// <summary>
/// Every line of Cases/errors.txt is a request that must produce one OWS 1.1 ExceptionReport with that HTTP status,
/// exceptionCode and locator; plus the POST bodies the reader must refuse (DTD, external entities, size, nesting).
/// </summary>
public sealed class WfsExceptionCasesTests
{
    private static readonly XNamespace Ows = "http://www.opengis.net/ows/1.1";

    public static TheoryData<int, string, string, string> Cases()
    {
        var data = new TheoryData<int, string, string, string>();
        foreach (var line in File.ReadLines(SchemaFiles.TestFile("Wfs/Cases/errors.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var parts = line.Split('|', 4, StringSplitOptions.TrimEntries);
            data.Add(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts[1], parts[2], parts[3]);
        }
        return data;
    }

    private static async Task AssertReport(HttpResponseMessage response, int status, string code, string? locator, string version = "2.0.0")
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var root = XDocument.Parse(body).Root!;
        XNamespace ns = version == "1.1.0" ? "http://www.opengis.net/ows" : Ows;
        Assert.Equal(ns + "ExceptionReport", root.Name);
        if (version == "2.0.0")
            WfsSchemas.AssertNoErrors(WfsSchemas.ValidateOws11Exception(body));
        var exception = Assert.Single(root.Elements(ns + "Exception"));
        Assert.Equal(code, (string?)exception.Attribute("exceptionCode"));
        if (locator is not null)
            Assert.Equal(locator, (string?)exception.Attribute("locator"), StringComparer.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrWhiteSpace(exception.Element(ns + "ExceptionText")?.Value));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Request_answers_the_expected_exception_report(int status, string code, string locator, string query)
    {
        await using var host = await WfsTestHost.StartAsync();
        using var response = await host.KvpAsync(query);
        await AssertReport(response, status, code, locator == "-" ? null : locator, query.Contains("VERSION=1.1.0", StringComparison.Ordinal) ? "1.1.0" : "2.0.0");
    }

    public static TheoryData<string> RefusedBodies() =>
    [
        // XXE: an external entity pointing at a local file.
        """<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><GetCapabilities xmlns="http://www.opengis.net/wfs/2.0" service="WFS">&x;</GetCapabilities>""",
        // Billion laughs: internal entities expanding exponentially.
        """<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><GetCapabilities xmlns="http://www.opengis.net/wfs/2.0" service="WFS">&c;</GetCapabilities>""",
        // Not well-formed.
        """<GetCapabilities xmlns="http://www.opengis.net/wfs/2.0" service="WFS"><unclosed></GetCapabilities>""",
        // Not a WFS request element.
        """<GetMap xmlns="http://www.opengis.net/wms" service="WMS"/>""",
        // Nested far deeper than any WFS request.
        """<GetFeature xmlns="http://www.opengis.net/wfs/2.0" service="WFS" version="2.0.0">""" + string.Concat(Enumerable.Repeat("<a>", 200)) + string.Concat(Enumerable.Repeat("</a>", 200)) + "</GetFeature>",
    ];

    [Theory]
    [MemberData(nameof(RefusedBodies))]
    public async Task Unsafe_or_broken_xml_bodies_are_operation_parsing_failed(string body)
    {
        await using var host = await WfsTestHost.StartAsync();
        using var response = await host.PostXmlAsync(body);
        await AssertReport(response, 400, "OperationParsingFailed", "request");
        Assert.DoesNotContain("root:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_configured_limit_is_refused()
    {
        await using var host = await WfsTestHost.StartAsync(options: new WfsOptions { MaxRequestBodyBytes = 1024 });
        var padding = new string(' ', 2048);
        using var response = await host.PostXmlAsync($"""<GetCapabilities xmlns="http://www.opengis.net/wfs/2.0" service="WFS">{padding}</GetCapabilities>""");
        await AssertReport(response, 400, "OperationParsingFailed", "request");
    }

    [Fact]
    public async Task An_empty_post_is_a_missing_request()
    {
        await using var host = await WfsTestHost.StartAsync();
        using var response = await host.PostXmlAsync("");
        await AssertReport(response, 400, "MissingParameterValue", "request");
    }

    [Fact]
    public async Task Unsupported_xml_operations_are_operation_not_supported()
    {
        await using var host = await WfsTestHost.StartAsync();
        using var response = await host.PostXmlAsync("""<wfs:Transaction xmlns:wfs="http://www.opengis.net/wfs/2.0" service="WFS" version="2.0.0"/>""");
        await AssertReport(response, 501, "OperationNotSupported", "Transaction");
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_no_applicable_code_report_not_an_empty_500()
    {
        var broken = await WfsTestHost.StartWithCatalogAsync(new ThrowingCatalog());
        await using (broken)
        {
            using var response = await broken.KvpAsync("SERVICE=WFS&REQUEST=GetCapabilities");
            await AssertReport(response, 500, "NoApplicableCode", null);
            Assert.DoesNotContain("catalog exploded", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("OperationProcessingFailed", Core.Errors.ErrorKind.InvalidParameter, 403)]
    [InlineData("NotFound", Core.Errors.ErrorKind.NotFound, 404)]
    [InlineData("OptionNotSupported", Core.Errors.ErrorKind.InvalidParameter, 501)]
    [InlineData("NoApplicableCode", Core.Errors.ErrorKind.Unavailable, 503)]
    [InlineData("InvalidParameterValue", Core.Errors.ErrorKind.LimitExceeded, 400)]
    public void Status_follows_the_code_then_the_kind(string code, Core.Errors.ErrorKind kind, int status) =>
        Assert.Equal(status, WfsErrorResponder.StatusOf(new Core.Errors.ServiceException(kind, code, "m")));

    private sealed class ThrowingCatalog : ICatalogProvider
    {
        public CatalogSnapshot Current => throw new InvalidOperationException("catalog exploded");
    }
}
