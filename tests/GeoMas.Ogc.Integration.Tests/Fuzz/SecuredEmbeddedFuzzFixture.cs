using System.Security.Cryptography;
using System.Text;
using GeoMas.Ogc.Core.Security;
using GeoMas.Ogc.Integration.Tests.Server;

namespace GeoMas.Ogc.Integration.Tests.Fuzz;

/// <summary>
/// The embedded default (GeoPackage) with security (an admin key, a Basic user limited to two communes' parcels) and
/// the admin endpoints on, over a throwaway disk tile cache: the fuzz reaches the authentication handlers and /admin.
/// Secrets are generated here, never committed.
/// </summary>
public sealed class SecuredEmbeddedFuzzFixture : IAsyncLifetime
{
    private TestApp? _app;

    public string Folder { get; } = Directory.CreateTempSubdirectory("geomas-fuzz-").FullName;
    public string AdminKey { get; } = ApiKeyHasher.NewKey();
    public string Password { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));

    public HttpClient Client => (_app ?? throw new InvalidOperationException("not started")).CreateClient();

    public IReadOnlyList<KeyValuePair<string, string>> AdminHeaders => [new("X-Api-Key", AdminKey)];

    public IReadOnlyList<KeyValuePair<string, string>> PartnerHeaders =>
        [new("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("fuzzer:" + Password)))];

    public async Task InitializeAsync()
    {
        var security = Path.Combine(Folder, "security.json");
        await File.WriteAllTextAsync(security, $$"""
            {
              "restrictedLayers": ["parcelles", "batiments", "plu_zones"],
              "apiKeys": [ { "id": "ops", "hash": "{{ApiKeyHasher.Hash(AdminKey)}}", "roles": ["admin"] } ],
              "users": [ { "name": "fuzzer", "passwordHash": "{{PasswordHasher.Hash(Password, 1000)}}", "partner": "cc-ouest", "roles": ["agent"] } ],
              "rules": [
                { "name": "plu for agents", "layers": ["plu_zones"], "roles": ["agent"] },
                { "name": "parcels of two communes", "layers": ["parcelles"], "partners": ["cc-ouest"],
                  "territory": { "layer": "communes", "property": "insee", "values": ["05100", "05059"] }, "attributes": ["id", "commune", "section", "numero"] },
                { "name": "admin", "layers": ["*"], "roles": ["admin"] }
              ]
            }
            """);
        _app = await TestApp.StartAsync(
            "--security:files:0=" + security,
            "--security:basic=true",
            "--admin:enabled=true",
            "--cache:diskPath=" + Path.Combine(Folder, "tiles"));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
