using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Server.Protection;

/// <summary>
/// Adds the security headers of <see cref="SecurityHeadersOptions"/> when each response starts: nosniff and the
/// referrer policy on everything; the CSP and X-Frame-Options on HTML pages (the only documents a browser renders
/// and frames); HSTS on HTTPS requests when configured. First in the pipeline, so refusals carry them too.
/// </summary>
public sealed class SecurityHeadersMiddleware
{
    private readonly RequestDelegate _next;
    private readonly SecurityHeadersOptions _options;
    private readonly string? _hsts;
    private readonly Func<object, Task> _addHeaders;

    public SecurityHeadersMiddleware(RequestDelegate next, SecurityHeadersOptions options)
    {
        _next = next;
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.HstsMaxAgeSeconds > 0)
        {
            _hsts = "max-age=" + options.HstsMaxAgeSeconds.ToString(CultureInfo.InvariantCulture)
                    + (options.HstsIncludeSubDomains ? "; includeSubDomains" : "");
        }
        // One callback for the server's lifetime, given the context as state: no closure per request.
        _addHeaders = AddHeaders;
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_options.Enabled)
            context.Response.OnStarting(_addHeaders, context);
        return _next(context);
    }

    private Task AddHeaders(object state)
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        if (_options.ContentTypeOptions.Length > 0)
            headers.XContentTypeOptions = _options.ContentTypeOptions;
        if (_options.ReferrerPolicy.Length > 0)
            headers["Referrer-Policy"] = _options.ReferrerPolicy;
        if (IsHtml(context.Response.ContentType))
        {
            if (_options.ContentSecurityPolicy.Length > 0)
                headers.ContentSecurityPolicy = _options.ContentSecurityPolicy;
            if (_options.FrameOptions.Length > 0)
                headers.XFrameOptions = _options.FrameOptions;
        }
        // Request.IsHttps reflects X-Forwarded-Proto only from trusted proxies (server.knownProxies).
        if (_hsts is not null && context.Request.IsHttps)
            headers.StrictTransportSecurity = _hsts;
        return Task.CompletedTask;
    }

    private static bool IsHtml(string? contentType) =>
        contentType is not null && contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);
}
