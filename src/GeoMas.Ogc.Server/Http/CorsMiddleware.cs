using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Server.Http;

/// <summary>
/// CORS for every endpoint (TRAP-7, OAM-6): browser map clients (OpenLayers, Leaflet, MapLibre) read maps, tiles
/// and features from other origins. Every response carries Access-Control-Allow-Origin — including errors, since
/// the header is added when the response starts; preflights are answered here; a plain OPTIONS on a known path
/// answers 200 with <c>Allow</c> instead of routing's 405.
/// </summary>
public sealed class CorsMiddleware
{
    private const string Methods = "GET, HEAD, POST, OPTIONS";

    private readonly RequestDelegate _next;
    private readonly Func<object, Task> _addHeaders;

    public CorsMiddleware(RequestDelegate next, string allowOrigin)
    {
        _next = next;
        // One callback for the server's lifetime, given the response as state: no closure per request.
        var headers = new CorsHeaders(allowOrigin);
        _addHeaders = state =>
        {
            headers.Apply((HttpResponse)state);
            return Task.CompletedTask;
        };
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(_addHeaders, context.Response);
        // Not async for the common case: no state machine for a GET that only needs the headers above.
        return HttpMethods.IsOptions(context.Request.Method) ? OptionsAsync(context) : _next(context);
    }

    private async Task OptionsAsync(HttpContext context)
    {
        var response = context.Response;
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

        await _next(context);
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
