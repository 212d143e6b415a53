using System.Security.Cryptography;
using GeoMas.Ogc.Core.Security;
using GeoMas.Ogc.Server.Cli;
using GeoMas.Ogc.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Integration.Tests.Interop;

/// <summary>
/// The real server on Kestrel with PostGIS and security, for external clients that authenticate (QGIS): a Basic user
/// of partner cc-ouest who sees the parcels of Pelleautier (05100) and La Freissinouse (05059) only, and a web API key
/// that opens the PLU zones. Anonymous callers see the public layers. Secrets are generated here, never committed.
/// </summary>
public sealed class SecuredLiveServerFixture : IAsyncLifetime
{
    public const string User = "agent-ouest";
    public static readonly string[] Territory = ["05100", "05059"];

    private WebApplication? _app;

    public string Folder { get; } = Directory.CreateTempSubdirectory("geomas-secured-live-").FullName;
    public string Password { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));
    public string WebKey { get; } = ApiKeyHasher.NewKey();
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var security = Path.Combine(Folder, "security.json");
        await File.WriteAllTextAsync(security, $$"""
            {
              "restrictedLayers": ["parcelles", "batiments", "plu_zones"],
              "apiKeys": [ { "id": "web", "hash": "{{ApiKeyHasher.Hash(WebKey)}}", "roles": ["web"] } ],
              "users": [ { "name": "{{User}}", "passwordHash": "{{PasswordHasher.Hash(Password, 1000)}}", "partner": "cc-ouest", "roles": ["agent"] } ],
              "rules": [
                { "name": "plu for web and agents", "layers": ["plu_zones"], "roles": ["web", "agent"] },
                { "name": "west communes: their parcels", "layers": ["parcelles"], "partners": ["cc-ouest"],
                  "territory": { "layer": "communes", "property": "insee", "values": ["{{Territory[0]}}", "{{Territory[1]}}"] } }
              ]
            }
            """);
        Environment.SetEnvironmentVariable("GEOMAS_PG", RepositoryPaths.PostGis);
        var created = await GeoMasApp.CreateAsync(CommandLine.Parse(
        [
            "--config", RepositoryPaths.Config("geomas.postgis.json"), "--urls", "http://127.0.0.1:0",
            "--security:files:0=" + security, "--security:basic=true",
        ]));
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
        Directory.Delete(Folder, recursive: true);
    }
}
