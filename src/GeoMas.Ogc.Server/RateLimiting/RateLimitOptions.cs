namespace GeoMas.Ogc.Server.RateLimiting;

/// <summary>
/// The <c>rateLimits</c> section: token buckets per caller. Anonymous callers share a bucket per client IP (the
/// forwarded one when <c>server.forwardedHeaders</c> trusts the proxy), each API key and each user has its own.
/// Off by default: the embedded configuration serves tests and benchmarks unthrottled.
/// </summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; }

    /// <summary>Per client IP for unauthenticated requests; null = unlimited.</summary>
    public RateLimitPolicyOptions? Anonymous { get; set; }

    /// <summary>Per API key; null = unlimited.</summary>
    public RateLimitPolicyOptions? ApiKey { get; set; }

    /// <summary>Per authenticated user (Basic or JWT); null = unlimited.</summary>
    public RateLimitPolicyOptions? User { get; set; }

    /// <summary>Replaces the key or user limit for the keys and users of a partner (by partner id).</summary>
    public Dictionary<string, RateLimitPolicyOptions> Partners { get; set; } = new(StringComparer.Ordinal);
}
