using Microsoft.AspNetCore.Http;
using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.Ows;

/// <summary>
/// The absolute URL clients must use to reach the server (TRAP-10): the configured
/// <see cref="ServiceMetadata.PublicBaseUrl"/> when set, else rebuilt from the request, honouring a reverse
/// proxy's X-Forwarded-Proto / -Host / -Port / -Prefix. Never ends with '/'.
/// </summary>
public static class PublicBaseUrl
{
    public static string Resolve(HttpRequest request, ServiceMetadata service)
    {
        if (!string.IsNullOrWhiteSpace(service.PublicBaseUrl))
            return service.PublicBaseUrl.Trim().TrimEnd('/');

        var headers = request.Headers;
        var scheme = First(headers["X-Forwarded-Proto"]) is { } proto && (proto.Equals("http", StringComparison.OrdinalIgnoreCase) || proto.Equals("https", StringComparison.OrdinalIgnoreCase))
            ? proto.ToLowerInvariant()
            : request.Scheme;
        var host = First(headers["X-Forwarded-Host"]) is { } forwardedHost && IsPlausibleHost(forwardedHost)
            ? forwardedHost
            : request.Host.HasValue ? request.Host.Value : "localhost";
        if (First(headers["X-Forwarded-Port"]) is { } port && ushort.TryParse(port, out var portNumber) && !HasPort(host)
            && !(scheme == "https" && portNumber == 443) && !(scheme == "http" && portNumber == 80))
        {
            host = host + ":" + port;
        }
        var prefix = First(headers["X-Forwarded-Prefix"]) is { } forwardedPrefix && forwardedPrefix.StartsWith('/')
            ? forwardedPrefix.TrimEnd('/')
            : request.PathBase.Value ?? "";
        return $"{scheme}://{host}{prefix}";
    }

    // Proxies append to these headers: the first entry is the one the client saw.
    private static string? First(Microsoft.Extensions.Primitives.StringValues values)
    {
        var raw = values.Count > 0 ? values[0] : null;
        if (string.IsNullOrWhiteSpace(raw))
            return null;
        var comma = raw.IndexOf(',');
        return (comma >= 0 ? raw[..comma] : raw).Trim();
    }

    // A host[:port] only: no path, user info or spaces that would let a header rewrite the advertised URLs.
    private static bool IsPlausibleHost(string host) =>
        host.Length is > 0 and < 256 && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']' or '_');

    private static bool HasPort(string host) => host.LastIndexOf(':') > host.LastIndexOf(']');
}
