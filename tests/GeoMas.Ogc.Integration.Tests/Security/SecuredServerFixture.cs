using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GeoMas.Ogc.Core.Security;
using GeoMas.Ogc.Integration.Tests.Server;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GeoMas.Ogc.Integration.Tests.Security;

/// <summary>
/// The embedded default (GeoPackage) with a security setup made by the test: secrets generated here, never committed.
/// Partner A ("ca-gap", JWT agent) sees parcels and buildings of Gap (05061) without the parcel area; partner B
/// ("cc-ouest", Basic agent) sees every parcel attribute on Pelleautier (05100) and La Freissinouse (05059) and no
/// buildings; the public web key adds the PLU; admin sees everything; anonymous sees the public layers only.
/// </summary>
public sealed class SecuredServerFixture : IAsyncLifetime
{
    public const string Issuer = "https://idp.test.example";
    public const string Audience = "geomas";
    public const string PartnerA = "ca-gap";
    public const string PartnerB = "cc-ouest";

    private readonly RSA _signingKey = RSA.Create(2048);
    private TestApp? _app;

    public string Folder { get; } = Directory.CreateTempSubdirectory("geomas-security-").FullName;
    public string WebKey { get; } = ApiKeyHasher.NewKey();
    public string RevokedKey { get; } = ApiKeyHasher.NewKey();
    public string AdminKey { get; } = ApiKeyHasher.NewKey();
    public string BobPassword { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));
    public string SecurityFile => Path.Combine(Folder, "security.json");
    public RSA SigningKey => _signingKey;

    internal TestApp App => _app ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(SecurityFile, SecurityJson(extraRule: null));
        await File.WriteAllTextAsync(Path.Combine(Folder, "jwks.json"), Jwks(_signingKey, "k1"));
        _app = await TestApp.StartAsync(
            "--security:files:0=" + SecurityFile,
            "--security:basic=true",
            "--security:jwt:issuer=" + Issuer,
            "--security:jwt:audience=" + Audience,
            "--security:jwt:jwksFile=" + Path.Combine(Folder, "jwks.json"));
    }

    /// <summary>The security file; <paramref name="extraRule"/> (JSON object) is appended to its rules.</summary>
    public string SecurityJson(string? extraRule) => $$"""
        {
          "restrictedLayers": ["parcelles", "batiments", "plu_zones"],
          "apiKeys": [
            { "id": "web", "hash": "{{ApiKeyHasher.Hash(WebKey)}}", "roles": ["web"] },
            { "id": "old", "hash": "{{ApiKeyHasher.Hash(RevokedKey)}}", "roles": ["web"], "revoked": true },
            { "id": "ops", "hash": "{{ApiKeyHasher.Hash(AdminKey)}}", "roles": ["admin"] }
          ],
          "users": [
            { "name": "bob", "passwordHash": "{{PasswordHasher.Hash(BobPassword, 1000)}}", "partner": "{{PartnerB}}", "roles": ["agent"] }
          ],
          "rules": [
            { "name": "plu for web and agents", "layers": ["plu_zones"], "roles": ["web", "agent"] },
            { "name": "A: cadastre of Gap", "layers": ["parcelles"], "partners": ["{{PartnerA}}"],
              "territory": { "layer": "communes", "property": "insee", "values": ["05061"] },
              "attributes": ["id", "commune", "section", "numero"] },
            { "name": "A: buildings of Gap", "layers": ["batiments"], "partners": ["{{PartnerA}}"],
              "territory": { "layer": "communes", "property": "insee", "values": ["05061"] } },
            { "name": "B: parcels of its communes", "layers": ["parcelles"], "partners": ["{{PartnerB}}"],
              "territory": { "layer": "communes", "property": "insee", "values": ["05100", "05059"] } },
            { "name": "admin", "layers": ["*"], "roles": ["admin"] }{{(extraRule is null ? "" : ",\n    " + extraRule)}}
          ]
        }
        """;

    public HttpClient Client(Principal principal)
    {
        var client = App.CreateClient();
        switch (principal)
        {
            case Principal.PublicKey:
                client.DefaultRequestHeaders.Add("X-Api-Key", WebKey);
                break;
            case Principal.PartnerA:
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(PartnerA, ["agent"]));
                break;
            case Principal.PartnerB:
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                    Convert.ToBase64String(Encoding.UTF8.GetBytes("bob:" + BobPassword)));
                break;
            case Principal.Admin:
                client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
                break;
        }
        return client;
    }

    /// <summary>A token of the test identity provider; every part can be spoiled by the token tests.</summary>
    public string Token(string partner, string[] roles, string issuer = Issuer, string audience = Audience,
        DateTime? expires = null, SigningCredentials? credentials = null, string subject = "agent-a")
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (expires ?? now.AddMinutes(10)).AddMinutes(-20),
            NotBefore = (expires ?? now.AddMinutes(10)).AddMinutes(-20),
            Expires = expires ?? now.AddMinutes(10),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["partner"] = partner, ["roles"] = roles },
            SigningCredentials = credentials ?? new SigningCredentials(new RsaSecurityKey(_signingKey) { KeyId = "k1" }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private static string Jwks(RSA key, string kid)
    {
        var parameters = key.ExportParameters(false);
        return JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new { kty = "RSA", kid, use = "sig", alg = "RS256", n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
            },
        });
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        _signingKey.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}

public enum Principal { Anonymous, PublicKey, PartnerA, PartnerB, Admin }
