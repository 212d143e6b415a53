using System.Text;
using System.Text.Encodings.Web;
using GeoMas.Ogc.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GeoMas.Ogc.Server.Security;

/// <summary>HTTP Basic against the configured users (PBKDF2 hashes), for QGIS; only when <c>security.basic</c> is on.</summary>
public sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SecurityStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    // Verifying a dummy hash for unknown users keeps their answer as slow as a wrong password's.
    private static readonly string DummyHash = PasswordHasher.Hash("not a password");

    // QGIS sends Basic credentials with every tile: a PBKDF2 run (tens of ms by design) per request would dominate.
    // Successful checks are remembered for a few minutes, keyed by a digest of (stored hash, name, password), so a
    // changed password or a reload with a new hash misses; failures are never cached.
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(5);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> Verified = new(StringComparer.Ordinal);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var state = store.Current;
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());
        if (!state.Options.Basic)
            return Task.FromResult(AuthenticateResult.Fail("HTTP Basic authentication is not enabled."));

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return Task.FromResult(AuthenticateResult.Fail("Malformed Basic credentials."));
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
            return Task.FromResult(AuthenticateResult.Fail("Malformed Basic credentials."));
        var name = decoded[..colon];
        var password = decoded[(colon + 1)..];

        var user = state.Users.GetValueOrDefault(name);
        var valid = (user is not null && IsRemembered(user, password)) || PasswordHasher.Verify(password, user?.PasswordHash ?? DummyHash);
        if (valid && user is not null)
            RememberVerified(user, password);
        if (user is null || !valid || user.Disabled)
            return Task.FromResult(AuthenticateResult.Fail("Invalid user name or password."));
        var principal = SecurityClaims.Create(Scheme.Name, "user:" + user.Name, user.Partner, user.Roles);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = $"Basic realm=\"{store.Current.Options.Realm}\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }

    private static string RememberKey(UserEntry user, string password) => Convert.ToHexString(
        System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(user.PasswordHash + "\n" + user.Name + "\n" + password)));

    private static bool IsRemembered(UserEntry user, string password) =>
        Verified.TryGetValue(RememberKey(user, password), out var until) && until > DateTimeOffset.UtcNow;

    private static void RememberVerified(UserEntry user, string password)
    {
        if (Verified.Count > 10_000)
            Verified.Clear();
        Verified[RememberKey(user, password)] = DateTimeOffset.UtcNow + Remember;
    }
}
