namespace GeoMas.Ogc.Server.Protection;

/// <summary>
/// <c>protection.requests</c>: sizes Kestrel accepts before any GeoMas code runs. Beyond them Kestrel answers 413
/// (body), 414 (request line) or 431 (headers) itself. The WFS XML body has its own, smaller cap (wfs.maxRequestBodyBytes).
/// </summary>
public sealed class RequestLimitsOptions
{
    /// <summary>Largest request body in bytes (a WFS POST, an admin job); OGC requests are small.</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Longest request line (method, URL, version) in bytes: long enough for a CQL2 filter or a WMS SLD_BODY-free GetMap.</summary>
    public int MaxRequestLineBytes { get; set; } = 16 * 1024;

    /// <summary>Total size of the request headers in bytes.</summary>
    public int MaxHeadersBytes { get; set; } = 32 * 1024;

    public int MaxHeaderCount { get; set; } = 100;
}
