using GeoMas.Ogc.Integration.Tests.Server;

namespace GeoMas.Ogc.Integration.Tests.Cascade;

/// <summary>The upstream of the cascade tests: another GeoMas (embedded default configuration) on real Kestrel, loopback.</summary>
public sealed class UpstreamServerFixture : IAsyncLifetime
{
    private KestrelTestApp? _server;

    public string BaseUrl => _server?.BaseUrl ?? "";

    public HttpClient Client { get; } = new();

    public async Task InitializeAsync() => _server = await KestrelTestApp.StartAsync();

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
