using System.Net;
using System.Security.Cryptography;
using System.Text;
using GeoMas.Ogc.Core.Catalog.Configuration;
using GeoMas.Ogc.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Server.Admin;

/// <summary>
/// The guard of <c>/admin</c> (the security middleware leaves /admin alone, so it authenticates here):
/// <list type="number">
/// <item>a caller from another host is refused (403) unless <c>admin.allowRemote</c>;</item>
/// <item><c>Authorization: Bearer &lt;admin.token&gt;</c> is accepted (compared in constant time);</item>
/// <item>credentials of the security section (API key, Basic, JWT) are checked: wrong ones are 401, right ones
/// without <c>admin.requireRole</c> are 403, with it accepted;</item>
/// <item>no credentials: accepted from loopback only while no admin credential exists at all (no token, no key or
/// user with the role, no identity provider) — the fresh install, where the operator is on the machine; otherwise
/// 401 with the challenge.</item>
/// </list>
/// </summary>
public sealed class AdminAccess(AdminOptions options, SecurityStore security, ILogger<AdminAccess> log)
{
    private readonly byte[]? _token = ExpandToken(options.Token);

    public async Task<IResult?> CheckAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var remote = context.Connection.RemoteIpAddress;
        // No remote address: an in-process test server, which is local by construction.
        var local = remote is null || IPAddress.IsLoopback(remote);
        if (!local && !options.AllowRemote)
            return Deny(context, StatusCodes.Status403Forbidden, "The admin endpoints answer loopback callers only (admin.allowRemote).");

        if (_token is not null && BearerOf(context.Request) is { } bearer
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(bearer)), _token))
            return null;

        var result = await context.AuthenticateAsync(SecuritySchemes.Policy).ConfigureAwait(false);
        if (result.Failure is { } failure)
            return await ChallengeAsync(context, failure.Message).ConfigureAwait(false);
        if (result.Succeeded)
        {
            context.User = result.Principal;
            return result.Principal.HasClaim(SecurityClaims.Role, options.RequireRole)
                ? null
                : Deny(context, StatusCodes.Status403Forbidden, $"The admin endpoints require the role '{options.RequireRole}'.");
        }
        if (local && !AdminCredentialsExist())
            return null;
        return await ChallengeAsync(context, "The admin endpoints require credentials.").ConfigureAwait(false);
    }

    /// <summary>Whether anyone could authenticate as an administrator: then anonymous callers never are one.</summary>
    public bool AdminCredentialsExist()
    {
        var state = security.Current;
        return _token is not null
            || state.Options.Jwt is not null
            || state.ApiKeys.Any(k => !k.Revoked && k.Roles.Contains(options.RequireRole, StringComparer.Ordinal))
            || state.Users.Values.Any(u => !u.Disabled && u.Roles.Contains(options.RequireRole, StringComparer.Ordinal));
    }

    private IResult Deny(HttpContext context, int status, string message)
    {
        // Audit: who tried, without their credentials.
        log.LogWarning("Denied admin {Method} {Path} from {Remote} ({Status}): {Reason}", context.Request.Method, context.Request.Path,
            context.Connection.RemoteIpAddress, status, message);
        return Results.Problem(message, statusCode: status);
    }

    private async Task<IResult> ChallengeAsync(HttpContext context, string message)
    {
        Deny(context, StatusCodes.Status401Unauthorized, message);
        await context.ChallengeAsync(SecuritySchemes.Policy).ConfigureAwait(false);
        return Results.Problem(message, statusCode: StatusCodes.Status401Unauthorized);
    }

    private static string? BearerOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    /// <summary>The token's digest (fixed length, so the comparison leaks nothing about its length either).</summary>
    private static byte[]? ExpandToken(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
            return null;
        var value = EnvironmentExpander.Expand(token, Environment.GetEnvironmentVariable, out var missing);
        if (missing.Count > 0)
            throw new InvalidOperationException($"admin.token uses ${{{missing[0]}}}, which is not set.");
        if (value.Length == 0)
            throw new InvalidOperationException("admin.token is empty.");
        return SHA256.HashData(Encoding.UTF8.GetBytes(value));
    }
}
