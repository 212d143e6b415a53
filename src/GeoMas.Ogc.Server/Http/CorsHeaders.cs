using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Server.Http;

/// <summary>
/// The CORS headers of every response (<see cref="CorsMiddleware"/>), in one place for the middleware and the
/// cached-tile fast path, which answers before it. Values are the configured strings, so setting them allocates nothing.
/// </summary>
public sealed class CorsHeaders(string allowOrigin)
{
    // A single allowed origin (not "*") makes the answer depend on the request's Origin: caches must key on it.
    private readonly bool _vary = allowOrigin != "*";

    public void Apply(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers.AccessControlAllowOrigin = allowOrigin;
        // Lets scripts read e.g. WMS "Warning: 99 Default value used", Content-Crs and Link.
        headers.AccessControlExposeHeaders = "*";
        if (_vary)
            headers.Vary = "Origin";
    }
}
