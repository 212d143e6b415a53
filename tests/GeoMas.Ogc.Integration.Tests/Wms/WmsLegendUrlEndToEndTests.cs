using System.Globalization;
using System.Xml.Linq;
using GeoMas.Ogc.Integration.Tests.Server;

namespace GeoMas.Ogc.Integration.Tests.Wms;

/// <summary>WMS-L6 on the real capabilities: every LegendURL answers the advertised MIME type and pixel size.</summary>
public abstract class WmsLegendUrlEndToEndTests(HttpClient client)
{
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    [Theory]
    [InlineData("1.3.0")]
    [InlineData("1.1.1")]
    public async Task Every_legend_url_returns_the_advertised_format_and_size(string version)
    {
        var capabilities = XDocument.Parse(await client.GetStringAsync("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=" + version));
        var legends = capabilities.Descendants().Where(e => e.Name.LocalName == "LegendURL").ToList();

        // Every style of every layer has one (communes and batiments have two styles, plu_zones too).
        Assert.True(legends.Count >= 9, $"{legends.Count} LegendURLs");
        foreach (var legend in legends)
        {
            var format = legend.Elements().Single(e => e.Name.LocalName == "Format").Value;
            var href = legend.Elements().Single(e => e.Name.LocalName == "OnlineResource").Attribute(XLink + "href")!.Value;
            var width = int.Parse(legend.Attribute("width")!.Value, CultureInfo.InvariantCulture);
            var height = int.Parse(legend.Attribute("height")!.Value, CultureInfo.InvariantCulture);

            // The capabilities carry absolute URLs of the test host: ask the same path and query.
            var (_, image, _) = await WmsResponses.GetImageAsync(client, new Uri(href).PathAndQuery, format);

            Assert.True((width, height) == (image.Width, image.Height), $"{href}: {image.Width}×{image.Height}, advertised {width}×{height}");
            Assert.True(image.Pixels().Distinct().Count() > 2, href + " is blank");
        }
    }
}

public sealed class WmsLegendUrlGeoPackageTests(EmbeddedServerFixture server)
    : WmsLegendUrlEndToEndTests(server.App.CreateClient()), IClassFixture<EmbeddedServerFixture>;

public sealed class WmsLegendUrlPostGisTests(PostGisServerFixture server)
    : WmsLegendUrlEndToEndTests(server.App.CreateClient()), IClassFixture<PostGisServerFixture>;
