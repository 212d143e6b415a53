using System.Net;
using GeoMas.Ogc.Integration.Tests.Server;

namespace GeoMas.Ogc.Integration.Tests.Security;

/// <summary>Security headers on the real composition: on everything, HTML-only ones on HTML pages, HSTS only over HTTPS when configured.</summary>
public class SecurityHeadersTests
{
    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content) : null;

    [Fact]
    public async Task Every_response_gets_nosniff_and_a_referrer_policy_and_html_pages_also_a_csp_and_frame_options()
    {
        await using var app = await TestApp.StartAsync("--security:apiKeys:0:id=k", "--security:apiKeys:0:hash=" + GeoMas.Ogc.Core.Security.ApiKeyHasher.Hash(GeoMas.Ogc.Core.Security.ApiKeyHasher.NewKey()));
        using var client = app.CreateClient();

        using var json = await client.GetAsync("/collections");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("nosniff", Header(json, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(json, "Referrer-Policy"));
        Assert.Null(Header(json, "Content-Security-Policy"));
        Assert.Null(Header(json, "Strict-Transport-Security"));

        using var html = await client.GetAsync("/collections/communes/items?f=html&limit=2");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var csp = Header(html, "Content-Security-Policy");
        Assert.NotNull(csp);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Header(html, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(html, "X-Content-Type-Options"));

        using var tile = await client.GetAsync("/tiles/communes/10/529/370.png");
        Assert.Equal("nosniff", Header(tile, "X-Content-Type-Options"));

        // Refusals before routing carry them too.
        using var refused = new HttpRequestMessage(HttpMethod.Get, "/collections");
        refused.Headers.Add("X-Api-Key", "not-a-key");
        using var unauthorized = await client.SendAsync(refused);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("nosniff", Header(unauthorized, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task Hsts_is_sent_only_on_https_requests_when_configured()
    {
        await using var app = await TestApp.StartAsync("--protection:securityHeaders:hstsMaxAgeSeconds=31536000", "--protection:securityHeaders:hstsIncludeSubDomains=true");
        using var client = app.CreateClient();

        using var plain = await client.GetAsync("/collections");
        Assert.Null(Header(plain, "Strict-Transport-Security"));

        // TestServer has no client address, so the forwarded headers middleware believes the proxy's X-Forwarded-Proto.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/collections");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var secure = await client.SendAsync(request);
        Assert.Equal("max-age=31536000; includeSubDomains", Header(secure, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Headers_can_be_switched_off()
    {
        await using var app = await TestApp.StartAsync("--protection:securityHeaders:enabled=false");
        using var client = app.CreateClient();

        using var html = await client.GetAsync("/collections?f=html");

        Assert.Null(Header(html, "X-Content-Type-Options"));
        Assert.Null(Header(html, "Content-Security-Policy"));
    }
}
