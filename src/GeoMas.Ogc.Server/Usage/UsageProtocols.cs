using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Server.Usage;

/// <summary>The protocol a request path belongs to (the URL map of ARCHITECTURE.md); null for what is not metered
/// (health, metrics, admin, static assets).</summary>
public static class UsageProtocols
{
    public const string Wms = "wms";
    public const string Wmts = "wmts";
    public const string Wfs = "wfs";
    public const string Xyz = "xyz";
    public const string OgcApi = "ogcapi";

    public static string? Classify(PathString path)
    {
        if (path.StartsWithSegments("/tiles", StringComparison.OrdinalIgnoreCase))
            return Xyz;
        if (path.StartsWithSegments("/wmts", StringComparison.OrdinalIgnoreCase))
            return Wmts;
        if (path.StartsWithSegments("/wms", StringComparison.OrdinalIgnoreCase))
            return Wms;
        if (path.StartsWithSegments("/wfs", StringComparison.OrdinalIgnoreCase))
            return Wfs;
        if (path.StartsWithSegments("/collections", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/conformance", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || path.Value is "/" or "")
            return OgcApi;
        return null;
    }
}
