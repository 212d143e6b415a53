namespace GeoMas.Ogc.Integration.Tests.Server;

/// <summary>One server on the embedded default configuration (config/geomas.json, GeoPackage) for a test class.</summary>
public sealed class EmbeddedServerFixture : IAsyncLifetime
{
    private TestApp? _app;

    internal TestApp App => _app ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
