using System.Text.Json;
using System.Xml.Linq;
using GeoMas.Ogc.Integration.Tests.Server;

namespace GeoMas.Ogc.Integration.Tests.Wms;

/// <summary>GetFeatureInfo through the real server on real data, in every INFO_FORMAT the capabilities advertise.</summary>
public abstract class WmsGetFeatureInfoEndToEndTests(HttpClient client)
{
    /// <summary>Pixel (200, 200) of a 500×500 map of Gap centre (2 m pixels) is over parcel 05061000DS0074.</summary>
    private const string OverParcel =
        "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=parcelles&QUERY_LAYERS=parcelles&STYLES=&CRS=EPSG:2154"
        + "&BBOX=944000,6388700,945000,6389700&WIDTH=500&HEIGHT=500&I=200&J=200";

    /// <summary>A 100 m pixel at the centre of Gap, where several streets lie within the pixel tolerance.</summary>
    private const string OverStreets =
        "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=routes&QUERY_LAYERS=routes&STYLES=&CRS=EPSG:2154"
        + "&BBOX=940000,6385000,950000,6395000&WIDTH=100&HEIGHT=100&I=45&J=45&INFO_FORMAT=application/json";

    public static TheoryData<string, string> InfoFormats => new()
    {
        { "text/plain", "text/plain" },
        { "text/html", "text/html" },
        { "application/json", "application/json" },
        { "application/vnd.ogc.gml", "application/vnd.ogc.gml" },
        { "application/vnd.ogc.gml/3.1.1", "application/vnd.ogc.gml/3.1.1" },
    };

    [Fact]
    public async Task The_theory_covers_every_advertised_info_format()
    {
        var capabilities = XDocument.Parse(await client.GetStringAsync("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0"));
        var advertised = capabilities.Descendants().Single(e => e.Name.LocalName == "GetFeatureInfo")
            .Elements().Where(e => e.Name.LocalName == "Format").Select(e => e.Value);

        Assert.Equal(advertised.Order(), InfoFormats.Select(row => (string)row[0]).Order());
    }

    [Theory]
    [MemberData(nameof(InfoFormats))]
    public async Task Each_info_format_names_the_parcel_under_the_pixel(string infoFormat, string contentType)
    {
        using var response = await client.GetAsync(OverParcel + "&INFO_FORMAT=" + Uri.EscapeDataString(infoFormat));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, body);
        // "application/vnd.ogc.gml/3.1.1" (MapServer's and GeoServer's name) is not a valid RFC 9110 media type, so
        // HttpClient cannot parse it: compare the header as sent.
        var sent = string.Join(",", response.Content.Headers.NonValidated["Content-Type"]);
        Assert.Equal(contentType, sent.Split(';')[0].Trim());
        Assert.Contains("05061000DS0074", body, StringComparison.Ordinal);
        Assert.DoesNotContain("05061000DS0075", body, StringComparison.Ordinal); // the neighbour is not under the pixel
        switch (infoFormat)
        {
            case "application/json":
                using (var json = JsonDocument.Parse(body))
                {
                    var feature = Assert.Single(json.RootElement.GetProperty("features").EnumerateArray());
                    Assert.Equal("parcelles.05061000DS0074", feature.GetProperty("id").GetString());
                    Assert.Equal(74, feature.GetProperty("properties").GetProperty("numero").GetInt32());
                    Assert.Equal("DS", feature.GetProperty("properties").GetProperty("section").GetString());
                }
                break;
            case "application/vnd.ogc.gml" or "application/vnd.ogc.gml/3.1.1":
                Assert.NotNull(XDocument.Parse(body).Root); // well-formed
                break;
        }
    }

    [Fact]
    public async Task Feature_count_bounds_the_features_per_layer()
    {
        var byDefault = await client.GetStringAsync(OverStreets);
        var one = await client.GetStringAsync(OverStreets + "&FEATURE_COUNT=1");
        var three = await client.GetStringAsync(OverStreets + "&FEATURE_COUNT=3");

        Assert.Equal(1, Count(byDefault));
        Assert.Equal(1, Count(one));
        Assert.Equal(3, Count(three));
        Assert.True(byDefault.Length < three.Length && one.Length < three.Length); // WMS-F5
    }

    [Fact]
    public async Task Time_selects_the_plu_zone_in_force()
    {
        const string url = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=plu_zones&QUERY_LAYERS=plu_zones&STYLES=&CRS=EPSG:2154"
            + "&BBOX=944000,6388700,945000,6389700&WIDTH=500&HEIGHT=500&I=200&J=200&INFO_FORMAT=application/json&FEATURE_COUNT=10";

        var today = await client.GetStringAsync(url);
        var in2010 = await client.GetStringAsync(url + "&TIME=2010-06-01");
        var both = await client.GetStringAsync(url + "&TIME=2010-06-01/2022-12-31");

        Assert.Equal(["05061_PLU_20210611"], Idurba(today));
        Assert.Equal(["05061_PLU_20070127"], Idurba(in2010));
        Assert.Equal(["05061_PLU_20070127", "05061_PLU_20210611"], Idurba(both).Order());
    }

    private static int Count(string geoJson)
    {
        using var json = JsonDocument.Parse(geoJson);
        return json.RootElement.GetProperty("features").GetArrayLength();
    }

    private static string[] Idurba(string geoJson)
    {
        using var json = JsonDocument.Parse(geoJson);
        return json.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("idurba").GetString()!).ToArray();
    }
}

public sealed class WmsGetFeatureInfoGeoPackageTests(EmbeddedServerFixture server)
    : WmsGetFeatureInfoEndToEndTests(server.App.CreateClient()), IClassFixture<EmbeddedServerFixture>;

public sealed class WmsGetFeatureInfoPostGisTests(PostGisServerFixture server)
    : WmsGetFeatureInfoEndToEndTests(server.App.CreateClient()), IClassFixture<PostGisServerFixture>;
