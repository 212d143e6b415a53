using GeoMas.Ogc.Integration.Tests.Server;
using System.Net;
using System.Text;

namespace GeoMas.Ogc.Integration.Tests.Operations;

/// <summary>
/// Request size limits on real Kestrel (TestServer does not enforce them): an over-long URL is 414, over-large
/// headers 431, a body over protection.requests.maxBodyBytes 413, a WFS XML body over wfs.maxRequestBodyBytes an
/// OWS exception — never a 500.
/// </summary>
public sealed class RequestLimitsTests : IAsyncLifetime
{
    private KestrelTestApp? _app;

    public async Task InitializeAsync() => _app = await KestrelTestApp.StartAsync(
        "--protection:requests:maxBodyBytes=65536", "--protection:requests:maxRequestLineBytes=4096",
        "--protection:requests:maxHeadersBytes=8192", "--wfs:maxRequestBodyBytes=16384");

    [Fact]
    public async Task An_over_long_url_is_414()
    {
        using var client = _app!.CreateClient();
        using var response = await client.GetAsync("/wms?SERVICE=WMS&REQUEST=GetMap&LAYERS=" + new string('a', 5000));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);

        using var fine = await client.GetAsync("/wms?SERVICE=WMS&REQUEST=GetCapabilities&X=" + new string('a', 3000));
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    [Fact]
    public async Task Over_large_headers_are_431()
    {
        using var client = _app!.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/collections");
        request.Headers.Add("X-Padding", new string('p', 9000));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_server_limit_is_413(bool chunked)
    {
        // Its own server, with the WFS limit above the server's: which limit a body over both meets first depends on
        // how fast its chunks arrive, and the WFS one is an OWS exception (the next test).
        await using var app = await KestrelTestApp.StartAsync("--protection:requests:maxBodyBytes=65536", "--wfs:maxRequestBodyBytes=1000000");
        using var client = app.CreateClient();
        var xml = "<?xml version=\"1.0\"?><!-- " + new string('x', 100_000) + " --><GetCapabilities service=\"WFS\"/>";
        using var content = new StringContent(xml, Encoding.UTF8, "text/xml");
        if (chunked)
            content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/wfs") { Content = content };
        if (chunked)
            request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_wfs_body_over_the_wfs_limit_is_an_ows_exception_not_a_500()
    {
        using var client = _app!.CreateClient();
        var xml = "<?xml version=\"1.0\"?><wfs:GetFeature service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\"><!-- "
                  + new string('x', 30_000) + " --><wfs:Query typeNames=\"communes\"/></wfs:GetFeature>";

        using var response = await client.PostAsync("/wfs", new StringContent(xml, Encoding.UTF8, "text/xml"));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Contains("ExceptionReport", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
