using System.Diagnostics;
using System.Text;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Protocols.Wfs;

namespace GeoMas.Ogc.Protocols.Tests.Wfs;

/// <summary>
/// Found by the endpoint fuzz: a POST body of 50 000 nested fes:Not elements (950 KB, under the body limit) kept the
/// server busy beyond the fuzz's 30 s limit. The depth cap must refuse such a document quickly.
/// </summary>
public sealed class WfsDeepDocumentTests
{
    [Theory]
    [InlineData(1_000)]
    [InlineData(50_000)]
    public void A_deeply_nested_request_document_is_refused_quickly(int depth)
    {
        var xml = new StringBuilder("<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:fes=\"http://www.opengis.net/fes/2.0\"><wfs:Query typeNames=\"geomas:parcelles\"><fes:Filter>");
        xml.Insert(xml.Length, "<fes:Not>", depth).Append("<fes:PropertyIsNull><fes:ValueReference>id</fes:ValueReference></fes:PropertyIsNull>");
        xml.Insert(xml.Length, "</fes:Not>", depth).Append("</fes:Filter></wfs:Query></wfs:GetFeature>");
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<ServiceException>(() => WfsRequestReader.ParseXml(System.Text.Encoding.UTF8.GetBytes(xml.ToString()), WfsOptions.Default));

        Assert.Equal("OperationParsingFailed", error.Code);
        // Milliseconds when refused at the depth limit; a parser that recursed through 50,000 levels would not be here.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }
}
