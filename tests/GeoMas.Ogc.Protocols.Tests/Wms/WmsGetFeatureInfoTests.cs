using System.Text.Json;
using System.Xml.Linq;
using GeoMas.Ogc.Protocols.Tests.Support;

namespace GeoMas.Ogc.Protocols.Tests.Wms;

/// <summary>GetFeatureInfo (WMS-F1..F6) and GetLegendGraphic.</summary>
public sealed class WmsGetFeatureInfoTests
{
    private const string Base = "VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=communes,ortho&QUERY_LAYERS=communes&STYLES=&CRS=EPSG:2154&BBOX=940000,6384000,950000,6394000&WIDTH=400&HEIGHT=300&I=200&J=150";

    [Theory]
    [InlineData("VERSION=1.3.0&CRS=EPSG:2154&I=12&J=34")]
    [InlineData("VERSION=1.1.1&SRS=EPSG:2154&X=12&Y=34")]
    [InlineData("VERSION=1.1.1&SRS=EPSG:2154&I=12&J=34")]
    public async Task Pixel_is_i_j_in_130_and_x_y_in_111(string variant)
    {
        await using var host = await WmsTestHost.StartAsync();
        using var response = await host.GetAsync("REQUEST=GetFeatureInfo&LAYERS=communes&QUERY_LAYERS=communes&STYLES=&BBOX=940000,6384000,950000,6394000&WIDTH=400&HEIGHT=300&INFO_FORMAT=text/plain&" + variant);
        var request = Assert.Single(host.FeatureInfo.Requests);
        Assert.Equal((12d, 34d), (request.I, request.J));
        Assert.Equal(2154, request.Srid);
        Assert.Equal(2154, request.OutputSrid);
        Assert.Equal(4, request.TolerancePixels);
        Assert.Equal(["communes"], request.QueryLayers.Select(l => l.Id));
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("&FEATURE_COUNT=2", 2)]
    [InlineData("&feature_count=500", 50)]
    public async Task Feature_count_defaults_to_one_and_is_capped(string extra, int expected)
    {
        await using var host = await WmsTestHost.StartAsync();
        using var response = await host.GetAsync(Base + "&INFO_FORMAT=application/json" + extra);
        Assert.Equal(expected, Assert.Single(host.FeatureInfo.Requests).FeatureCount);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Math.Min(3, expected), json.RootElement.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task More_features_means_more_bytes()
    {
        await using var host = await WmsTestHost.StartAsync();
        var one = await host.GetStringAsync(Base + "&INFO_FORMAT=text/plain");
        var two = await host.GetStringAsync(Base + "&INFO_FORMAT=text/plain&FEATURE_COUNT=2");
        Assert.True(two.Length > one.Length);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/html")]
    [InlineData("application/json")]
    [InlineData("application/vnd.ogc.gml")]
    [InlineData("application/vnd.ogc.gml/3.1.1")]
    public async Task Each_info_format_comes_back_with_its_content_type(string format)
    {
        await using var host = await WmsTestHost.StartAsync();
        using var response = await host.GetAsync(Base + "&FEATURE_COUNT=3&INFO_FORMAT=" + Uri.EscapeDataString(format));
        // Raw header: "application/vnd.ogc.gml/3.1.1" (GeoServer's name) is not RFC media-type syntax, so .NET will not parse it.
        Assert.StartsWith(format + ";", response.Content.Headers.GetValues("Content-Type").Single(), StringComparison.Ordinal);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("1234.5", body, StringComparison.Ordinal);
        if (format.Contains("gml", StringComparison.Ordinal))
            Assert.Equal(3, XDocument.Parse(body).Root!.Elements(XName.Get("featureMember", "http://www.opengis.net/gml")).Count());
    }

    [Fact]
    public async Task Json_is_a_feature_collection_with_layer_qualified_ids()
    {
        await using var host = await WmsTestHost.StartAsync();
        using var json = JsonDocument.Parse(await host.GetStringAsync(Base + "&INFO_FORMAT=application/json&FEATURE_COUNT=2"));
        var root = json.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        Assert.Equal("urn:ogc:def:crs:EPSG::2154", root.GetProperty("crs").GetProperty("properties").GetProperty("name").GetString());
        var feature = root.GetProperty("features")[0];
        Assert.Equal("communes.1", feature.GetProperty("id").GetString());
        Assert.Equal("Point", feature.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(945000, feature.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble());
        Assert.Equal("Nom <1> & co", feature.GetProperty("properties").GetProperty("nom").GetString());
        Assert.Equal(1234.5, feature.GetProperty("properties").GetProperty("surface").GetDouble());
    }

    [Fact]
    public async Task Html_escapes_attribute_text()
    {
        await using var host = await WmsTestHost.StartAsync();
        var html = await host.GetStringAsync(Base + "&INFO_FORMAT=text/html");
        Assert.Contains("Nom &lt;1&gt; &amp; co", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gml3_writes_lat_lon_for_epsg_4326_and_gml2_lon_lat()
    {
        await using var host = await WmsTestHost.StartAsync();
        const string query = "VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=communes&QUERY_LAYERS=communes&STYLES=&CRS=EPSG:4326&BBOX=44.5,6.0,44.7,6.2&WIDTH=400&HEIGHT=300&I=1&J=1";
        var gml3 = await host.GetStringAsync(query + "&INFO_FORMAT=application/vnd.ogc.gml/3.1.1");
        var gml2 = await host.GetStringAsync(query + "&INFO_FORMAT=application/vnd.ogc.gml");
        Assert.Contains("<gml:pos>44.6 6.1</gml:pos>", gml3, StringComparison.Ordinal);
        Assert.Contains("srsName=\"urn:ogc:def:crs:EPSG::4326\"", gml3, StringComparison.Ordinal);
        Assert.Contains("<gml:coordinates>6.1,44.6</gml:coordinates>", gml2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Groups_and_several_query_layers_expand_to_queryable_members()
    {
        await using var host = await WmsTestHost.StartAsync();
        using var response = await host.GetAsync(Base.Replace("QUERY_LAYERS=communes", "QUERY_LAYERS=fond_plan,parcelles,routes", StringComparison.Ordinal) + "&INFO_FORMAT=text/plain");
        Assert.Equal(["routes", "communes", "parcelles"], Assert.Single(host.FeatureInfo.Requests).QueryLayers.Select(l => l.Id));
    }

    [Fact]
    public async Task Time_default_is_announced_on_feature_info_too()
    {
        await using var host = await WmsTestHost.StartAsync();
        using var response = await host.GetAsync(Base.Replace("QUERY_LAYERS=communes", "QUERY_LAYERS=plu_zones", StringComparison.Ordinal).Replace("LAYERS=communes,ortho", "LAYERS=plu_zones", StringComparison.Ordinal) + "&INFO_FORMAT=text/plain");
        Assert.Equal("99 Default value used: time=2023-01-10 ISO8601", response.Headers.GetValues("Warning").Single());
    }

    [Fact]
    public async Task Legend_image_and_json()
    {
        await using var host = await WmsTestHost.StartAsync();
        using var image = await host.GetAsync("SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=communes&STYLE=labels&FORMAT=image/png&WIDTH=30&HEIGHT=10");
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal((130, 42), FakePng.ReadSize(await image.Content.ReadAsByteArrayAsync()));

        using var json = JsonDocument.Parse(await host.GetStringAsync("SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=communes&STYLE=labels&FORMAT=application/json"));
        var legend = json.RootElement.GetProperty("Legend")[0];
        Assert.Equal("communes", legend.GetProperty("layerName").GetString());
        var rules = legend.GetProperty("rules");
        Assert.Equal(3, rules.GetArrayLength());
        Assert.Equal("#C86432", rules[0].GetProperty("symbolizers")[0].GetProperty("Polygon").GetProperty("fill").GetString());

        using var oneRule = JsonDocument.Parse(await host.GetStringAsync("SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=communes&STYLE=labels&RULE=r2&FORMAT=application/json"));
        Assert.Equal("r2", oneRule.RootElement.GetProperty("Legend")[0].GetProperty("rules")[0].GetProperty("name").GetString());
    }
}
