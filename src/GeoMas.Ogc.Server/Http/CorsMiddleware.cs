using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Server.Http;

/// <summary>
/// CORS for every endpoint (TRAP-7, OAM-6): browser map clients (OpenLayers, Leaflet, MapLibre) read maps, tiles
/// and features from other origins. Every response carries Access-Control-Allow-Origin — including errors, since
/// the header is added when the response starts; preflights are answered here; a plain OPTIONS on a known path
/// answers 200 with <c>Allow</c> instead of routing's 405.
/// </summary>
public sealed class CorsMiddleware(RequestDelegate next, string allowOrigin)
{
    private const string Methods = "GET, HEAD, POST, OPTIONS";

    public async Task InvokeAsync(HttpContext context)
    {
        var response = context.Response;
        response.OnStarting(() =>
        {
            response.Headers.AccessControlAllowOrigin = allowOrigin;
            // Lets scripts read e.g. WMS "Warning: 99 Default value used", Content-Crs and Link.
            response.Headers.AccessControlExposeHeaders = "*";
            if (allowOrigin != "*")
                response.Headers.Vary = "Origin";
            return Task.CompletedTask;
        });

        if (!HttpMethods.IsOptions(context.Request.Method))
        {
            await next(context);
            return;
        }

        var request = context.Request;
        if (request.Headers.AccessControlRequestMethod.Count > 0)
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            response.Headers.AccessControlAllowMethods = Methods;
            response.Headers.AccessControlAllowHeaders = request.Headers.AccessControlRequestHeaders.Count > 0
                ? request.Headers.AccessControlRequestHeaders.ToString()
                : "*";
            response.Headers.AccessControlMaxAge = "86400";
            return;
        }

        await next(context);
        // Routing answers an OPTIONS on a GET-only path with 405 and the allowed methods: that path exists.
        if (!response.HasStarted && response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            var allowed = response.Headers.Allow.ToString()
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .ToList();
            if (allowed.Contains("GET", StringComparer.OrdinalIgnoreCase) && !allowed.Contains("HEAD", StringComparer.OrdinalIgnoreCase))
                allowed.Add("HEAD");
            allowed.Add("OPTIONS");
            response.StatusCode = StatusCodes.Status200OK;
            response.Headers.Allow = string.Join(", ", allowed.Distinct(StringComparer.OrdinalIgnoreCase));
            response.ContentLength = 0;
        }
    }
}
