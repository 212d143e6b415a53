using GeoMas.Ogc.Core.Security;
using GeoMas.Ogc.Integration.Tests.Server;

namespace GeoMas.Ogc.Integration.Tests.Usage;

/// <summary>
/// The embedded default with metering into a temporary folder (or PostgreSQL), admin on, and API keys made here:
/// one per partner (every layer public, so the numbers depend on metering alone), a key without the admin role
/// and an operator key.
/// </summary>
public sealed class MeteredServer : IDisposable
{
    public const string PartnerA = "ca-gap";
    public const string PartnerB = "cc-ouest";

    public string Folder { get; } = Directory.CreateTempSubdirectory("geomas-metering-").FullName;
    public string KeyA { get; } = ApiKeyHasher.NewKey();
    public string KeyB { get; } = ApiKeyHasher.NewKey();
    public string WebKey { get; } = ApiKeyHasher.NewKey();
    public string AdminKey { get; } = ApiKeyHasher.NewKey();

    public MeteredServer()
    {
        File.WriteAllText(Path.Combine(Folder, "security.json"), $$"""
            {
              "apiKeys": [
                { "id": "gap-web", "hash": "{{ApiKeyHasher.Hash(KeyA)}}", "partner": "{{PartnerA}}", "roles": ["web"] },
                { "id": "ouest-web", "hash": "{{ApiKeyHasher.Hash(KeyB)}}", "partner": "{{PartnerB}}", "roles": ["web"] },
                { "id": "public-web", "hash": "{{ApiKeyHasher.Hash(WebKey)}}", "roles": ["web"] },
                { "id": "ops", "hash": "{{ApiKeyHasher.Hash(AdminKey)}}", "roles": ["admin"] }
              ]
            }
            """);
    }

    /// <summary>A server on the metering folder (each call a new process life: what it counted survives it through the store).</summary>
    internal Task<TestApp> StartAsync(params string[] extra) => TestApp.StartAsync(
        [
            "--security:files:0=" + Path.Combine(Folder, "security.json"),
            "--admin:enabled=true",
            "--cache:store=none",
            "--usage:directory=" + Path.Combine(Folder, "usage"),
            "--usage:flushIntervalSeconds=3600",
            .. extra,
        ]);

    public static HttpClient WithKey(HttpClient client, string? key)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (key is not null)
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
