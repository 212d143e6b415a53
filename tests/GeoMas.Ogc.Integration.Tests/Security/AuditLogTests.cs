using System.Net;
using GeoMas.Ogc.Core.Security;
using GeoMas.Ogc.Integration.Tests.Operations;
using GeoMas.Ogc.Server.Cli;
using GeoMas.Ogc.Server.Hosting;
using GeoMas.Ogc.Server.Protection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Integration.Tests.Security;

/// <summary>
/// Refused requests go to the GeoMas.Audit logger category with principal, client IP, layer and reason: a bad key
/// (401), a hidden layer by every protocol's spelling, a rate-limited key (429). Credentials are never written.
/// </summary>
public sealed class AuditLogTests : IAsyncLifetime
{
    private readonly CapturingLoggerProvider _logs = new();
    private readonly string _tightKey = ApiKeyHasher.NewKey();
    private WebApplication? _app;

    public async Task InitializeAsync()
    {
        var created = await GeoMasApp.CreateAsync(CommandLine.Parse(
        [
            "--security:restrictedLayers:0=parcelles",
            "--security:apiKeys:0:id=tight", "--security:apiKeys:0:hash=" + ApiKeyHasher.Hash(_tightKey), "--security:apiKeys:0:partner=tight",
            "--rateLimits:enabled=true",
            "--rateLimits:partners:tight:burst=1", "--rateLimits:partners:tight:permits=1", "--rateLimits:partners:tight:periodSeconds=60",
        ]), builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Logging.AddProvider(_logs);
        });
        Assert.True(created.App is not null, string.Join("\n", created.Errors));
        _app = created.App;
        await _app.StartAsync();
    }

    private IEnumerable<string> Audit => _logs.MessagesOf(AuditLog.Category);

    [Fact]
    public async Task A_refused_key_is_audited_without_the_key()
    {
        using var client = _app!.GetTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/collections");
        request.Headers.Add("X-Api-Key", "wrong-secret-value");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var line = Assert.Single(Audit, m => m.Contains("Denied 401", StringComparison.Ordinal));
        Assert.Contains("GET /collections", line, StringComparison.Ordinal);
        Assert.Contains("principal=anonymous", line, StringComparison.Ordinal);
        Assert.Contains("credentials refused", line, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-value", string.Join("\n", _logs.Entries.Select(e => e.Message)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/collections/parcelles/items?limit=1")]
    [InlineData("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=communes,parcelles&STYLES=&CRS=EPSG:2154&BBOX=940000,6380000,945000,6385000&WIDTH=64&HEIGHT=64&FORMAT=image/png")]
    [InlineData("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=geomas:parcelles&COUNT=1")]
    [InlineData("/tiles/parcelles/16/33874/23688.png")]
    public async Task A_request_for_a_hidden_layer_is_audited_with_the_layer(string url)
    {
        using var client = _app!.GetTestClient();

        // Each protocol refuses it its own way (unknown layer / collection / type); the audit says why.
        using var response = await client.GetAsync(url);

        // No picture or data of it (WMS 1.3.0 reports exceptions with 200, as XML).
        Assert.False(response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType is "image/png" or "application/geo+json",
            "the hidden layer was served");
        var path = url.Split('?')[0];
        Assert.Contains(Audit, m => m.Contains(path, StringComparison.Ordinal) && m.Contains("layer=parcelles", StringComparison.Ordinal)
                                    && m.Contains("layer not visible to this principal", StringComparison.Ordinal)
                                    && m.Contains("principal=anonymous", StringComparison.Ordinal));
        // A visible layer in the same request is not audited.
        Assert.DoesNotContain(Audit, m => m.Contains("layer=communes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_throttled_key_is_audited_with_its_principal()
    {
        using var client = _app!.GetTestClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", _tightKey);

        HttpStatusCode last = HttpStatusCode.OK;
        for (var i = 0; i < 4 && last != HttpStatusCode.TooManyRequests; i++)
        {
            using var response = await client.GetAsync("/conformance");
            last = response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        Assert.Contains(Audit, m => m.Contains("Denied 429", StringComparison.Ordinal) && m.Contains("principal=key:tight", StringComparison.Ordinal)
                                    && m.Contains("rate limit exceeded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_allowed_request_is_not_audited()
    {
        using var client = _app!.GetTestClient();

        using var response = await client.GetAsync("/collections/communes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(Audit, m => m.Contains("/collections/communes", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
