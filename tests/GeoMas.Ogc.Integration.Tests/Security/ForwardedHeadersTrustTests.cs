using GeoMas.Ogc.Integration.Tests.Server;
using System.Net;

namespace GeoMas.Ogc.Integration.Tests.Security;

/// <summary>
/// X-Forwarded-For is believed only from trusted proxies (loopback by default): otherwise any client could pick its
/// own per-IP rate-limit bucket by sending a new address each time. Real Kestrel, so the client address is real.
/// </summary>
public class ForwardedHeadersTrustTests
{
    private static readonly string[] OneRequestPerMinute =
    [
        "--rateLimits:enabled=true",
        "--rateLimits:anonymous:burst=1", "--rateLimits:anonymous:permits=1", "--rateLimits:anonymous:periodSeconds=60",
    ];

    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/collections");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_client_that_is_not_a_trusted_proxy_cannot_choose_its_rate_limit_bucket()
    {
        // Loopback is not trusted here: the test client stands for a client on the Internet.
        await using var app = await KestrelTestApp.StartAsync([.. OneRequestPerMinute, "--server:knownProxies:0=192.0.2.1"]);
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await GetAsync(client, "203.0.113.1"));
        // A new spoofed address each time: still the same caller, still the same (empty) bucket.
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(client, "203.0.113.2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(client, "203.0.113.3"));
    }

    [Fact]
    public async Task A_proxy_on_loopback_is_trusted_by_default_and_its_clients_get_their_own_buckets()
    {
        await using var app = await KestrelTestApp.StartAsync(OneRequestPerMinute);
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await GetAsync(client, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(client, "203.0.113.2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(client, "203.0.113.1"));
    }

    [Fact]
    public async Task A_trusted_network_is_honoured()
    {
        await using var app = await KestrelTestApp.StartAsync([.. OneRequestPerMinute, "--server:knownNetworks:0=127.0.0.0/8"]);
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await GetAsync(client, "198.51.100.7"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(client, "198.51.100.8"));
    }
}
