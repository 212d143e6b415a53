using System.Net;
using GeoMas.Ogc.Integration.Tests.Server;

namespace GeoMas.Ogc.Integration.Tests.Xyz;

/// <summary>
/// Anonymous tile requests take the fast path through security (no authentication handler runs) but still reach
/// the rate limiter: with a tight anonymous bucket, cached tiles are refused with 429 and Retry-After.
/// </summary>
public sealed class XyzRateLimitTests : IAsyncLifetime
{
    private TestApp? _app;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(
        "--rateLimits:enabled=true",
        "--rateLimits:anonymous:burst=3", "--rateLimits:anonymous:permits=1", "--rateLimits:anonymous:periodSeconds=600");

    [Fact]
    public async Task Anonymous_cached_tiles_are_rate_limited()
    {
        using var client = _app!.CreateClient();
        const string tile = "/tiles/communes/15/16937/11843.png?123";

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 6 && refused is null; i++)
        {
            var response = await client.GetAsync(tile);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                refused = response;
            else
                response.Dispose();
        }

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.Equal(HttpStatusCode.OK, statuses[0]);
            Assert.InRange(statuses.Count, 4, 5); // a bucket of 3, refilled at most once while the test runs
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Equal("*", refused.Headers.GetValues("Access-Control-Allow-Origin").Single());
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
