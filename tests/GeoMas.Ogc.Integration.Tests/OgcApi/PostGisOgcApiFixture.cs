using GeoMas.Ogc.Integration.Tests.Server;

namespace GeoMas.Ogc.Integration.Tests.OgcApi;

/// <summary>One in-memory server on config/geomas.postgis.json (the shared PostGIS dataset loaded by tests/run).</summary>
public sealed class PostGisOgcApiFixture : IAsyncLifetime
{
    private TestApp? _app;

    internal TestApp App => _app ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(
        "--config", RepositoryPaths.Config("geomas.postgis.json"), "--Sources:main:ConnectionString=" + RepositoryPaths.PostGis);

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
