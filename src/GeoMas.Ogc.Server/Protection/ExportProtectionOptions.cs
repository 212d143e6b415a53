namespace GeoMas.Ogc.Server.Protection;

/// <summary>
/// <c>protection.exports</c>: feature responses (WFS GetFeature / GetPropertyValue, OGC API items pages and
/// downloads) hold a database connection and stream for as long as the client reads, so they are capped apart from
/// renders.
/// </summary>
public sealed class ExportProtectionOptions
{
    /// <summary>Feature responses streaming at once; 0 = no cap.</summary>
    public int MaxConcurrent { get; set; } = 16;

    /// <summary>Feature requests waiting for a slot, at most; beyond it 503 + Retry-After at once.</summary>
    public int MaxQueued { get; set; } = 64;

    /// <summary>Longest wait for a slot before 503 + Retry-After.</summary>
    public double QueueTimeoutSeconds { get; set; } = 10;

    /// <summary>Feature responses one client (key, user or anonymous IP) may run or queue at once; beyond it 429. 0 = no cap.</summary>
    public int MaxPerClient { get; set; } = 4;

    /// <summary>Seconds advertised in Retry-After when refusing.</summary>
    public int RetryAfterSeconds { get; set; } = 5;
}
