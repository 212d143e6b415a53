using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace GeoMas.Ogc.Integration.Tests.Operations;

/// <summary>Rate limits on the real composition: 429 + Retry-After in the protocol's error form, one bucket per key, refill.</summary>
public class RateLimitTests(RateLimitedServerFixture server) : IClassFixture<RateLimitedServerFixture>
{
    /// <summary>Requests until the first 429 (a bucket of 2 may be refilled once while the test runs, hence the margin).</summary>
    private static async Task<HttpResponseMessage> ExhaustAsync(HttpClient client, string path)
    {
        for (var i = 0; i < 8; i++)
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                return response;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
        }
        throw new Xunit.Sdk.XunitException("no 429 after 8 requests on a bucket of 2");
    }

    [Fact]
    public async Task A_throttled_key_gets_429_with_Retry_After_while_other_callers_are_served()
    {
        var a = server.Client(server.KeyA);

        using var refused = await ExhaustAsync(a, "/collections");

        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, (int)RateLimitedServerFixture.StiffPeriodSeconds);
        Assert.Equal("application/json", refused.Content.Headers.ContentType?.MediaType);
        using (var json = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
            Assert.Equal("TooManyRequests", json.RootElement.GetProperty("code").GetString());

        // The same key on WMS: refused too (one bucket per key, every protocol), as an OGC exception report.
        using var wms = await a.GetAsync("/wms?SERVICE=WMS&REQUEST=GetCapabilities");
        Assert.Equal(HttpStatusCode.TooManyRequests, wms.StatusCode);
        var report = XDocument.Parse(await wms.Content.ReadAsStringAsync());
        Assert.Equal(XName.Get("ServiceExceptionReport", "http://www.opengis.net/ogc"), report.Root!.Name);

        // Health and metrics are never limited.
        using var live = await a.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var metrics = await a.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("geomas_rate_limit_rejections_total{", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another key and anonymous callers have their own buckets.
        using var b = await server.Client(server.KeyB).GetAsync("/collections");
        Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        using var anonymous = await server.Client(null).GetAsync("/collections");
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_bucket_refills_after_Retry_After()
    {
        var a2 = server.Client(server.KeyA2);
        using var refused = await ExhaustAsync(a2, "/wmts?SERVICE=WMTS&REQUEST=GetCapabilities");
        Assert.Equal(XName.Get("ExceptionReport", "http://www.opengis.net/ows/1.1"), XDocument.Parse(await refused.Content.ReadAsStringAsync()).Root!.Name);
        var retryAfter = refused.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("no Retry-After");

        // The refill comes on the limiter's own timer, so it can be a little late on a loaded machine: ask again
        // from Retry-After on, for up to 10 s more.
        await Task.Delay(retryAfter);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        HttpStatusCode status;
        do
        {
            using var again = await a2.GetAsync("/wmts?SERVICE=WMTS&REQUEST=GetCapabilities");
            status = again.StatusCode;
            if (status != HttpStatusCode.OK)
                await Task.Delay(200);
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, status);
    }
}
