using GeoMas.Ogc.Core.Security;
using GeoMas.Ogc.Integration.Tests.Server;

namespace GeoMas.Ogc.Integration.Tests.Operations;

/// <summary>
/// The embedded default with rate limits on: partner "tight" (keys A and A2) gets a bucket of 2 refilled by 2 every
/// 4 s, other keys (B) and anonymous callers get generous buckets. Keys are generated here, never committed.
/// </summary>
public sealed class RateLimitedServerFixture : IAsyncLifetime
{
    public const double TightPeriodSeconds = 4;
    private TestApp? _app;

    public string KeyA { get; } = ApiKeyHasher.NewKey();
    public string KeyA2 { get; } = ApiKeyHasher.NewKey();
    public string KeyB { get; } = ApiKeyHasher.NewKey();

    internal TestApp App => _app ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(
            "--security:apiKeys:0:id=a", "--security:apiKeys:0:hash=" + ApiKeyHasher.Hash(KeyA), "--security:apiKeys:0:partner=tight",
            "--security:apiKeys:1:id=a2", "--security:apiKeys:1:hash=" + ApiKeyHasher.Hash(KeyA2), "--security:apiKeys:1:partner=tight",
            "--security:apiKeys:2:id=b", "--security:apiKeys:2:hash=" + ApiKeyHasher.Hash(KeyB), "--security:apiKeys:2:partner=loose",
            "--rateLimits:enabled=true",
            "--rateLimits:anonymous:burst=1000", "--rateLimits:anonymous:permits=1000",
            "--rateLimits:apiKey:burst=1000", "--rateLimits:apiKey:permits=1000",
            "--rateLimits:partners:tight:burst=2", "--rateLimits:partners:tight:permits=2",
            "--rateLimits:partners:tight:periodSeconds=" + TightPeriodSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public HttpClient Client(string? key)
    {
        var client = App.CreateClient();
        if (key is not null)
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
