using GeoMas.Ogc.Core.Security;
using GeoMas.Ogc.Integration.Tests.Server;

namespace GeoMas.Ogc.Integration.Tests.Operations;

/// <summary>
/// The embedded default with rate limits on: partner "stiff" (key A) gets a bucket of 2 refilled every 60 s, so that
/// it stays empty while a test looks at it; partner "tight" (key A2) gets a bucket of 2 refilled by 2 every 4 s, to
/// see it refill; other keys (B) and anonymous callers get generous buckets. Keys are generated here, never committed.
/// </summary>
public sealed class RateLimitedServerFixture : IAsyncLifetime
{
    public const double StiffPeriodSeconds = 60;
    public const double TightPeriodSeconds = 4;
    private TestApp? _app;

    public string KeyA { get; } = ApiKeyHasher.NewKey();
    public string KeyA2 { get; } = ApiKeyHasher.NewKey();
    public string KeyB { get; } = ApiKeyHasher.NewKey();

    internal TestApp App => _app ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(
            "--security:apiKeys:0:id=a", "--security:apiKeys:0:hash=" + ApiKeyHasher.Hash(KeyA), "--security:apiKeys:0:partner=stiff",
            "--security:apiKeys:1:id=a2", "--security:apiKeys:1:hash=" + ApiKeyHasher.Hash(KeyA2), "--security:apiKeys:1:partner=tight",
            "--security:apiKeys:2:id=b", "--security:apiKeys:2:hash=" + ApiKeyHasher.Hash(KeyB), "--security:apiKeys:2:partner=loose",
            "--rateLimits:enabled=true",
            "--rateLimits:anonymous:burst=1000", "--rateLimits:anonymous:permits=1000",
            "--rateLimits:apiKey:burst=1000", "--rateLimits:apiKey:permits=1000",
            "--rateLimits:partners:stiff:burst=2", "--rateLimits:partners:stiff:permits=2",
            "--rateLimits:partners:stiff:periodSeconds=" + StiffPeriodSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
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
