using GeoMas.Ogc.Server.Cli;
using GeoMas.Ogc.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Integration.Tests.Interop;

/// <summary>
/// The real server on real Kestrel, on a free loopback port, serving the shared PostGIS dataset
/// (config/geomas.postgis.json): external clients (GDAL, OWSLib, QGIS) talk to it over HTTP like a user's would.
/// </summary>
public sealed class LiveServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("GEOMAS_PG", RepositoryPaths.PostGis);
        var created = await GeoMasApp.CreateAsync(CommandLine.Parse(
            ["--config", RepositoryPaths.Config("geomas.postgis.json"), "--urls", "http://127.0.0.1:0"]));
        Assert.True(created.App is not null, "the server refused to start:\n" + string.Join("\n", created.Errors));
        _app = created.App;
        await _app.StartAsync();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.Single().TrimEnd('/');
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
