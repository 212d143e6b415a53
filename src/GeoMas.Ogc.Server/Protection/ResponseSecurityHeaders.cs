using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Server.Protection;

/// <summary>
/// The security headers of <see cref="SecurityHeadersOptions"/>: nosniff and the referrer policy on everything; the
/// CSP and X-Frame-Options on HTML pages (the only documents a browser renders and frames); HSTS on HTTPS requests
/// when configured. Applied by <see cref="SecurityHeadersMiddleware"/> as each response starts, and by the
/// cached-tile fast path, which answers before it.
/// </summary>
public sealed class ResponseSecurityHeaders
{
    private readonly SecurityHeadersOptions _options;
    private readonly string? _hsts;

    public ResponseSecurityHeaders(SecurityHeadersOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.HstsMaxAgeSeconds > 0)
        {
            _hsts = "max-age=" + options.HstsMaxAgeSeconds.ToString(CultureInfo.InvariantCulture)
                    + (options.HstsIncludeSubDomains ? "; includeSubDomains" : "");
        }
    }

    public bool Enabled => _options.Enabled;

    /// <summary>Adds the headers for the response as it is now (its Content-Type decides the HTML-only ones).</summary>
    public void Apply(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
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
    }

    private static bool IsHtml(string? contentType) =>
        contentType is not null && contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);
}
