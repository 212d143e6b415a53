using System.Security.Cryptography;
using GeoMas.Ogc.Core.Security;
using GeoMas.Ogc.Integration.Tests.Server;

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

    private KestrelTestApp? _server;

    public string Folder { get; } = Directory.CreateTempSubdirectory("geomas-secured-live-").FullName;
    public string Password { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));
    public string WebKey { get; } = ApiKeyHasher.NewKey();
    public string BaseUrl => _server?.BaseUrl ?? "";

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
        _server = await KestrelTestApp.StartAsync(
            "--config", RepositoryPaths.Config("geomas.postgis.json"), "--security:files:0=" + security, "--security:basic=true");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
