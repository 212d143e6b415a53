using System.Security.Cryptography;
using System.Text.Json;
using GeoMas.Ogc.Server.Security;
using Microsoft.IdentityModel.Tokens;

namespace GeoMas.Ogc.Integration.Tests.Security;

/// <summary>The identity provider's keys are cached, and a rotation is picked up through a rate-limited refresh.</summary>
public class JwksConfigurationManagerTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static string Jwks(string kid)
    {
        using var rsa = RSA.Create(2048);
        var p = rsa.ExportParameters(false);
        return JsonSerializer.Serialize(new { keys = new[] { new { kty = "RSA", kid, use = "sig", n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } });
    }

    [Fact]
    public async Task Keys_are_cached_and_a_requested_refresh_fetches_again_at_most_every_30_seconds()
    {
        var clock = new ManualClock();
        var fetches = 0;
        var current = "k1";
        var manager = new JwksConfigurationManager(_ =>
        {
            fetches++;
            return Task.FromResult(Jwks(current));
        }, "https://idp", clock);

        var first = await manager.GetConfigurationAsync(CancellationToken.None);
        await manager.GetConfigurationAsync(CancellationToken.None);
        Assert.Equal(1, fetches);
        Assert.Equal("k1", first.SigningKeys.Single().KeyId);
        Assert.Equal("https://idp", first.Issuer);

        current = "k2";
        manager.RequestRefresh();
        clock.Now += TimeSpan.FromSeconds(5);
        await manager.GetConfigurationAsync(CancellationToken.None);
        Assert.Equal(1, fetches);

        clock.Now += TimeSpan.FromSeconds(30);
        var rotated = await manager.GetConfigurationAsync(CancellationToken.None);
        Assert.Equal(2, fetches);
        Assert.Equal("k2", rotated.SigningKeys.Single().KeyId);

        clock.Now += TimeSpan.FromMinutes(11);
        await manager.GetConfigurationAsync(CancellationToken.None);
        Assert.Equal(3, fetches);
    }
}
