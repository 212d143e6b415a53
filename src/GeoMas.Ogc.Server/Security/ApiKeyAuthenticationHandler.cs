using System.Text.Encodings.Web;
using GeoMas.Ogc.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GeoMas.Ogc.Server.Security;

/// <summary>
/// API keys from the <c>X-Api-Key</c> header or the <c>apikey</c> query parameter (web maps and Geotrek cannot set
/// headers on tile URLs). No key is "no result" (anonymous); an unknown or revoked key, or an Authorization header of
/// a scheme the server does not speak, is a failure, never a silent downgrade to anonymous.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SecurityStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
            return Task.FromResult(AuthenticateResult.Fail("Unsupported Authorization scheme (use Bearer, Basic or an API key)."));

        string? key = Request.Headers[SecuritySchemes.ApiKeyHeader].ToString();
        if (string.IsNullOrEmpty(key))
        {
            foreach (var (name, value) in Request.Query)
            {
                if (name.Equals(SecuritySchemes.ApiKeyQuery, StringComparison.OrdinalIgnoreCase))
                    key = value.ToString();
            }
        }
        if (string.IsNullOrEmpty(key))
            return Task.FromResult(AuthenticateResult.NoResult());

        var digest = ApiKeyHasher.Digest(key);
        ApiKeyEntry? found = null;
        // Every stored digest is compared, in constant time each, so the time taken says nothing about which matched.
        foreach (var entry in store.Current.ApiKeys)
        {
            if (ApiKeyHasher.Matches(digest, entry.Digest))
                found = entry;
        }
        if (found is null)
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        if (found.Revoked)
            return Task.FromResult(AuthenticateResult.Fail("Revoked API key."));
        var principal = SecurityClaims.Create(Scheme.Name, "key:" + found.Id, found.Partner, found.Roles);
        if (found.Bulk)
            ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new System.Security.Claims.Claim(SecurityClaims.Bulk, "true"));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = $"ApiKey realm=\"{store.Current.Options.Realm}\", header=\"{SecuritySchemes.ApiKeyHeader}\"";
        return Task.CompletedTask;
    }
}
