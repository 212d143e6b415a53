namespace GeoMas.Ogc.Server.Protection;

/// <summary><c>protection.securityHeaders</c>: headers added to every response (an empty value leaves a header out).</summary>
public sealed class SecurityHeadersOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Sent on every response: no browser guesses a type (an XML error report is never run as HTML).</summary>
    public string ContentTypeOptions { get; set; } = "nosniff";

    /// <summary>Sent on every response. Only the origin leaves in a Referer, so no query (bbox, filter) leaks to other sites.</summary>
    public string ReferrerPolicy { get; set; } = "strict-origin-when-cross-origin";

    /// <summary>X-Frame-Options of HTML pages (older browsers; the CSP's frame-ancestors is the modern form).</summary>
    public string FrameOptions { get; set; } = "DENY";

    /// <summary>
    /// Content-Security-Policy of HTML pages. The OGC API pages load only this server's stylesheet, Leaflet and map
    /// script from /assets, the base map tiles and the GeoJSON they draw: everything is 'self' (Leaflet's tiles and
    /// marker images are images of this origin; it styles elements through the DOM, which style-src does not govern).
    /// </summary>
    public string ContentSecurityPolicy { get; set; } =
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Strict-Transport-Security max-age in seconds on HTTPS requests (as seen through trusted proxies); 0 = never sent.</summary>
    public int HstsMaxAgeSeconds { get; set; }

    public bool HstsIncludeSubDomains { get; set; }
}
