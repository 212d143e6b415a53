using GeoMas.Ogc.Server.Cli;
using GeoMas.Ogc.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Integration.Tests.Cascade;

/// <summary>The upstream of the cascade tests: another GeoMas (embedded default configuration) on real Kestrel, loopback.</summary>
public sealed class UpstreamServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public HttpClient Client { get; } = new();

    public async Task InitializeAsync()
    {
        var created = await GeoMasApp.CreateAsync(CommandLine.Parse(["--urls", "http://127.0.0.1:0"]));
        Assert.True(created.App is not null, "the upstream refused to start:\n" + string.Join("\n", created.Errors));
        _app = created.App;
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
