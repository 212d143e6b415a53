using GeoMas.Ogc.Integration.Tests.Server;

namespace GeoMas.Ogc.Integration.Tests.Interop;

/// <summary>
/// The real server on real Kestrel, on a free loopback port, serving the shared PostGIS dataset
/// (config/geomas.postgis.json): external clients (GDAL, OWSLib, QGIS) talk to it over HTTP like a user's would.
/// </summary>
public sealed class LiveServerFixture : IAsyncLifetime
{
    private KestrelTestApp? _server;

    public string BaseUrl => _server?.BaseUrl ?? "";

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("GEOMAS_PG", RepositoryPaths.PostGis);
        _server = await KestrelTestApp.StartAsync("--config", RepositoryPaths.Config("geomas.postgis.json"));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
