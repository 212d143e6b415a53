using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Server.Protection;

/// <summary>
/// Adds the security headers of <see cref="SecurityHeadersOptions"/> (<see cref="ResponseSecurityHeaders"/>) when
/// each response starts. First in the pipeline, so refusals carry them too.
/// </summary>
public sealed class SecurityHeadersMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ResponseSecurityHeaders _headers;
    private readonly Func<object, Task> _addHeaders;

    public SecurityHeadersMiddleware(RequestDelegate next, SecurityHeadersOptions options)
    {
        _next = next;
        _headers = new ResponseSecurityHeaders(options);
        // One callback for the server's lifetime, given the context as state: no closure per request.
        _addHeaders = state =>
        {
            _headers.Apply((HttpContext)state);
            return Task.CompletedTask;
        };
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_headers.Enabled)
            context.Response.OnStarting(_addHeaders, context);
        return _next(context);
    }
}
