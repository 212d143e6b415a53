using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace GeoMas.Ogc.Server.Security;

/// <summary>
/// Signing keys for the JWT bearer handler from a JWKS document (the identity provider's URL, or a file), cached for
/// ten minutes; a token signed by an unknown key id asks for a refresh (at most one every 30 s), so a key rotation
/// at the provider is picked up without a restart.
/// </summary>
public sealed class JwksConfigurationManager(Func<CancellationToken, Task<string>> fetch, string issuer, TimeProvider? time = null)
    : IConfigurationManager<OpenIdConnectConfiguration>
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MinimumRefresh = TimeSpan.FromSeconds(30);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private OpenIdConnectConfiguration? _configuration;
    private DateTimeOffset _fetched = DateTimeOffset.MinValue;
    private bool _refreshRequested;

    public static JwksConfigurationManager FromUrl(HttpClient http, string url, string issuer) =>
        new(token => http.GetStringAsync(new Uri(url), token), issuer);

    public static JwksConfigurationManager FromFile(string path, string issuer) =>
        new(token => File.ReadAllTextAsync(path, token), issuer);

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var now = _time.GetUtcNow();
        if (_configuration is { } cached && now - _fetched < Lifetime && !(_refreshRequested && now - _fetched >= MinimumRefresh))
            return cached;
        await _gate.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            now = _time.GetUtcNow();
            if (_configuration is { } again && now - _fetched < Lifetime && !(_refreshRequested && now - _fetched >= MinimumRefresh))
                return again;
            var keys = new JsonWebKeySet(await fetch(cancel).ConfigureAwait(false));
            var configuration = new OpenIdConnectConfiguration { Issuer = issuer, JsonWebKeySet = keys };
            foreach (var key in keys.GetSigningKeys())
                configuration.SigningKeys.Add(key);
            _configuration = configuration;
            _fetched = now;
            _refreshRequested = false;
            return configuration;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void RequestRefresh() => _refreshRequested = true;
}
