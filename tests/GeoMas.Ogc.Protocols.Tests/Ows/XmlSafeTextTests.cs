using System.Xml.Linq;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Protocols.Ows;
using GeoMas.Ogc.Protocols.Tests.Wfs;
using GeoMas.Ogc.Protocols.Wfs;
using GeoMas.Ogc.Protocols.Wms;

namespace GeoMas.Ogc.Protocols.Tests.Ows;

/// <summary>
/// Exception reports echo the client's input; found by the endpoint fuzz: a NUL in SERVICE, VERSION or SRSNAME made
/// the XmlWriter throw while writing the report, so a bad request became a failed response instead of a 400.
/// </summary>
public sealed class XmlSafeTextTests
{
    // A NUL, a C0 control, a lone high surrogate, then a valid pair (kept).
    private const string Hostile = "EPSG:5\u0000 \u0001 \uD800x 😀";

    [Fact]
    public void Characters_xml_cannot_hold_become_replacement_characters_and_valid_pairs_stay()
    {
        Assert.Equal("EPSG:5\uFFFD \uFFFD \uFFFDx 😀", XmlSafeText.Clean(Hostile));
        Assert.Same("plain", XmlSafeText.Clean("plain"));
    }

    public static TheoryData<string> Writers => new() { "wfs20", "wfs11", "ows", "wms130", "wms111" };

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task Every_exception_report_writer_writes_well_formed_xml_for_hostile_input(string writer)
    {
        var error = ServiceException.Invalid("srs\u0000name", "srsName=" + Hostile + " is not supported.");
        using var output = new MemoryStream();

        await (writer switch
        {
            "wfs20" => WfsExceptionReportWriter.WriteAsync(output, error, "2.0.0"),
            "wfs11" => WfsExceptionReportWriter.WriteAsync(output, error, "1.1.0"),
            "ows" => OwsExceptionReportWriter.WriteAsync(output, error, "1.0.0"),
            "wms130" => WmsExceptionWriter130.WriteAsync(output, error),
            _ => WmsExceptionWriter111.WriteAsync(output, error),
        });

        var document = XDocument.Parse(System.Text.Encoding.UTF8.GetString(output.ToArray()));
        Assert.Contains("srsName=EPSG:5\uFFFD", document.Root!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wfs_request_with_a_nul_in_service_is_a_400_exception_report()
    {
        await using var host = await WfsTestHost.StartAsync();

        using var response = await host.KvpAsync("SERVICE=%00&VERSION=1.1.0&REQUEST=DescribeFeatureType&TYPENAME=geomas:sentiers");

        Assert.Equal(400, (int)response.StatusCode);
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("ExceptionReport", root.Name.LocalName);
    }
}
