using GeoMas.Ogc.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Server.Security;

/// <summary>
/// Authenticates every request once (policy scheme), answers wrong credentials with 401 and a challenge (never
/// falling back to anonymous), and publishes the principal through <see cref="AccessContext"/> for the scoped
/// catalog. Responses to identified callers become <c>Cache-Control: private</c> (no-store when they set no policy) so
/// no HTTP cache hands one partner's map to another or to the public. /admin runs on the whole catalog (its own guard: loopback unless admin.allowRemote).
/// </summary>
public sealed class SecurityMiddleware(RequestDelegate next, ILogger<SecurityMiddleware> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (!CarriesCredentials(context.Request))
        {
            // Anonymous, as the handlers would conclude (API key scheme: no key is "no result"), without resolving a
            // handler, building an AuthenticateResult or parsing the query: most tile and map requests carry nothing.
            AccessContext.Current = AccessPrincipal.Anonymous;
            await next(context).ConfigureAwait(false);
            return;
        }

        var result = await context.AuthenticateAsync(SecuritySchemes.Policy).ConfigureAwait(false);
        if (result.Failure is { } failure)
        {
            // Audit: who tried what, without the credentials themselves.
            log.LogWarning("Denied {Method} {Path} from {Remote}: {Reason}", context.Request.Method, context.Request.Path,
                context.Connection.RemoteIpAddress, failure.Message);
            await context.ChallengeAsync(SecuritySchemes.Policy).ConfigureAwait(false);
            await UnauthorizedResponseWriter.WriteAsync(context, failure.Message).ConfigureAwait(false);
            return;
        }

        var principal = AccessPrincipal.Anonymous;
        if (result.Succeeded)
        {
            context.User = result.Principal;
            principal = SecurityClaims.ToAccessPrincipal(result.Principal);
        }
        if (!principal.IsAnonymous)
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.CacheControl = PrivateCacheControl(headers.CacheControl.ToString());
                headers.Append("Vary", "Authorization, X-Api-Key");
                return Task.CompletedTask;
            });
        }
        StripApiKeyParameter(context.Request);
        AccessContext.Current = principal;
        await next(context).ConfigureAwait(false);
    }

    /// <summary>
    /// The Cache-Control of a response to an identified caller. A response that set its own policy (tiles: a max-age)
    /// keeps it, made private. A response that set none (capabilities, collections, features) is not stored at all:
    /// "private" alone lets a client's cache answer a later anonymous request for the same URL from the
    /// authenticated answer (QGIS's network cache did: an anonymous OGC API layer opened from a cached description
    /// of a collection the public may not see).
    /// </summary>
    public static string PrivateCacheControl(string cacheControl)
    {
        if (string.IsNullOrWhiteSpace(cacheControl))
            return "private, no-store";
        cacheControl = cacheControl.Replace("public", "private", StringComparison.OrdinalIgnoreCase);
        if (cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase) || cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase))
            return cacheControl;
        return "private, " + cacheControl;
    }

    /// <summary>
    /// True when the request may carry credentials: an Authorization or X-Api-Key header, or a query string that
    /// could name the apikey parameter. Conservative on purpose: any percent-escape in the query (a name could be
    /// spelt <c>%61pikey</c>) sends the request through the authentication handlers, which decide exactly.
    /// </summary>
    public static bool CarriesCredentials(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HeadersCarryCredentials(request) || QueryMayCarryCredentials(request.QueryString.Value);
    }

    /// <summary>The header half of <see cref="CarriesCredentials"/>: an Authorization or X-Api-Key header.</summary>
    public static bool HeadersCarryCredentials(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.Headers;
        return headers.Authorization.Count > 0 || headers[SecuritySchemes.ApiKeyHeader].Count > 0;
    }

    /// <summary>The query half of <see cref="CarriesCredentials"/>, on the raw query string (<c>?…</c>, or null).</summary>
    public static bool QueryMayCarryCredentials(string? query) =>
        !string.IsNullOrEmpty(query)
        && (query.Contains(SecuritySchemes.ApiKeyQuery, StringComparison.OrdinalIgnoreCase) || query.Contains('%'));

    /// <summary>
    /// The key has done its work: protocols that reject unknown parameters (OGC API) must not see it, and no
    /// document may echo it into its links.
    /// </summary>
    private static void StripApiKeyParameter(HttpRequest request)
    {
        if (!request.QueryString.HasValue)
            return;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.QueryString.Value);
        if (!query.Keys.Any(k => k.Equals(SecuritySchemes.ApiKeyQuery, StringComparison.OrdinalIgnoreCase)))
            return;
        var kept = query.Where(p => !p.Key.Equals(SecuritySchemes.ApiKeyQuery, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        request.QueryString = QueryString.Create(kept);
    }
}
