using System.Net;
using GeoMas.Ogc.Integration.Tests.Server;
using static GeoMas.Ogc.Integration.Tests.Wms.WmsResponses;

namespace GeoMas.Ogc.Integration.Tests.Wms;

/// <summary>
/// Limits set on the command line of the real server (the ASP.NET Core override path operators use):
/// a feature cap still draws a map, a render timeout answers an exception report, never a 500.
/// </summary>
public sealed class WmsLimitsEndToEndTests
{
    private const string Buildings = GetMap130 + "&LAYERS=batiments&CRS=EPSG:2154&BBOX=" + WmsGetMapEndToEndTests.GapCentre + "&WIDTH=300&HEIGHT=300&FORMAT=image/png";

    [Fact]
    public async Task A_map_over_max_features_per_map_is_still_drawn_with_the_first_features()
    {
        await using var full = await TestApp.StartAsync();
        await using var capped = await TestApp.StartAsync("--Limits:MaxFeaturesPerMap=10");

        var (_, all, _) = await GetImageAsync(full.CreateClient(), Buildings);
        var (_, ten, _) = await GetImageAsync(capped.CreateClient(), Buildings);

        Assert.Equal((300, 300), (ten.Width, ten.Height));
        static int Ink(RasterImage image) => image.Pixels().Count(p => p != Rgba.White);
        Assert.InRange(Ink(ten), 1, Ink(all) / 5); // ten buildings drawn, about 1 100 in the full map
    }

    [Theory]
    [InlineData("")]
    [InlineData("&EXCEPTIONS=XML")]
    public async Task A_render_over_the_timeout_is_an_exception_report(string exceptions)
    {
        await using var app = await TestApp.StartAsync("--Limits:RenderTimeoutSeconds=0.001");

        var (response, exception) = await GetExceptionAsync(app.CreateClient(),
            GetMap130 + "&LAYERS=plan&CRS=EPSG:2154&BBOX=" + WmsGetMapEndToEndTests.GapCentre + "&WIDTH=1024&HEIGHT=1024&FORMAT=image/png" + exceptions);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("did not finish", exception.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lower_max_width_from_the_command_line_is_enforced_and_advertised()
    {
        await using var app = await TestApp.StartAsync("--Limits:MaxWidth=512");
        var client = app.CreateClient();

        var (_, exception) = await GetExceptionAsync(client, GetMap130 + "&LAYERS=plan&CRS=EPSG:2154&BBOX=" + WmsGetMapEndToEndTests.GapCentre + "&WIDTH=513&HEIGHT=100&FORMAT=image/png");
        var (_, image, _) = await GetImageAsync(client, GetMap130 + "&LAYERS=plan&CRS=EPSG:2154&BBOX=" + WmsGetMapEndToEndTests.GapCentre + "&WIDTH=512&HEIGHT=100&FORMAT=image/png");

        Assert.Equal("WIDTH", exception.Attribute("locator")?.Value);
        Assert.Equal(512, image.Width);
        Assert.Contains("<MaxWidth>512</MaxWidth>", await client.GetStringAsync("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0"), StringComparison.Ordinal);
    }
}
