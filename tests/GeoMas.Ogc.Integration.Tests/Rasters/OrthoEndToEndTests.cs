using System.Net;
using System.Xml.Linq;
using GeoMas.Ogc.Integration.Tests.Server;

namespace GeoMas.Ogc.Integration.Tests.Rasters;

/// <summary>
/// The demo orthophoto (layer <c>ortho</c>, and under the vectors of <c>fond_plan</c>) through WMS, WMTS and XYZ on the
/// embedded default configuration. Images are kept in tests/out/rasters.
/// </summary>
public sealed class OrthoEndToEndTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    // The inner 600 m of the 1 km demo orthophoto (944000..945000, 6388700..6389700) in each CRS.
    [Theory]
    [InlineData("EPSG:2154", "944200,6388900,944800,6389500", "2154")]
    [InlineData("EPSG:3857", "676400,5552050,677100,5552650", "3857")]
    [InlineData("EPSG:4326", "44.5565,6.0770,44.5615,6.0830", "4326")] // WMS 1.3.0: latitude first
    public async Task GetMap_of_ortho_is_a_full_jpeg_in_every_crs(string crs, string bbox, string name)
    {
        var url = $"/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=ortho&STYLES=&CRS={crs}&BBOX={bbox}&WIDTH=512&HEIGHT=512&FORMAT=image/jpeg";
        using var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        using var bitmap = OrthoImages.Decode(await response.Content.ReadAsByteArrayAsync(), $"wms-ortho-{name}.jpg");
        Assert.Equal(512, bitmap.Width);
        OrthoImages.AssertCovered(bitmap);
    }

    [Fact]
    public async Task The_same_ground_looks_the_same_in_every_crs()
    {
        async Task<(double R, double G, double B, double White)> StatsAsync(string crs, string bbox)
        {
            var url = $"/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=ortho&STYLES=&CRS={crs}&BBOX={bbox}&WIDTH=256&HEIGHT=256&FORMAT=image/png";
            using var bitmap = OrthoImages.Decode(await _client.GetByteArrayAsync(url));
            return OrthoImages.Stats(bitmap);
        }
        var lambert = await StatsAsync("EPSG:2154", "944200,6388900,944800,6389500");
        var mercator = await StatsAsync("EPSG:3857", "676315,5551950,677188,5552760"); // the same square, projected
        Assert.InRange(mercator.R - lambert.R, -6, 6);
        Assert.InRange(mercator.G - lambert.G, -6, 6);
        Assert.InRange(mercator.B - lambert.B, -6, 6);
    }

    [Fact]
    public async Task Fond_plan_draws_vectors_over_the_orthophoto()
    {
        const string Map = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&STYLES=&CRS=EPSG:2154&BBOX=944200,6388900,944712,6389412&WIDTH=512&HEIGHT=512&FORMAT=image/png&LAYERS=";
        using var ortho = OrthoImages.Decode(await _client.GetByteArrayAsync(Map + "ortho"), "wms-ortho-under.png");
        using var group = OrthoImages.Decode(await _client.GetByteArrayAsync(Map + "fond_plan"), "wms-fond_plan.png");
        OrthoImages.AssertCovered(group, maxWhite: 0.3);
        // Roads and trails cover part of the photo: some pixels differ, most are the photo itself.
        var differing = 0;
        for (var y = 0; y < 512; y += 2)
            for (var x = 0; x < 512; x += 2)
                if (ortho.GetPixel(x, y) != group.GetPixel(x, y))
                    differing++;
        var share = differing / (256.0 * 256.0);
        Assert.InRange(share, 0.03, 0.6);
    }

    [Fact]
    public async Task Ortho_is_published_not_queryable_and_opaque_and_feature_info_says_so()
    {
        var capabilities = XDocument.Parse(await _client.GetStringAsync("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities"));
        XNamespace wms = "http://www.opengis.net/wms";
        var layer = capabilities.Descendants(wms + "Layer").Single(l => (string?)l.Element(wms + "Name") == "ortho");
        Assert.Equal("0", (string?)layer.Attribute("queryable") ?? "0");
        Assert.Equal("1", (string?)layer.Attribute("opaque"));

        using var info = await _client.GetAsync("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=ortho&QUERY_LAYERS=ortho&STYLES=&CRS=EPSG:2154&BBOX=944000,6388700,945000,6389700&WIDTH=100&HEIGHT=100&I=50&J=50&INFO_FORMAT=application/json&FORMAT=image/png");
        var body = await info.Content.ReadAsStringAsync();
        Assert.Contains("LayerNotQueryable", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/wmts/1.0.0/ortho/default/WebMercatorQuad/17/47376/67749.jpg", "image/jpeg", "wmts-ortho-3857.jpg")]
    [InlineData("/wmts/1.0.0/ortho/default/LAMB93/17/13697/2305.jpg", "image/jpeg", "wmts-ortho-lamb93.jpg")]
    [InlineData("/wmts/1.0.0/fond_plan/default/WebMercatorQuad/16/23688/33874.jpg", "image/jpeg", "wmts-fond_plan-3857.jpg")]
    [InlineData("/tiles/ortho/17/67749/47376.jpg", "image/jpeg", "xyz-ortho.jpg")]
    [InlineData("/tiles/fond_plan/16/33874/23688.png", "image/png", "xyz-fond_plan.png")]
    public async Task Tiles_of_ortho_and_fond_plan_are_full_images(string url, string mime, string keepAs)
    {
        using var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mime, response.Content.Headers.ContentType!.MediaType);
        using var bitmap = OrthoImages.Decode(await response.Content.ReadAsByteArrayAsync(), keepAs);
        Assert.Equal(256, bitmap.Width);
        OrthoImages.AssertCovered(bitmap, maxWhite: url.Contains("fond_plan", StringComparison.Ordinal) ? 0.3 : 0.05);
    }
}
