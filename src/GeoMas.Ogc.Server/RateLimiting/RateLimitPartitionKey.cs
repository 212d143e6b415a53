namespace GeoMas.Ogc.Server.RateLimiting;

/// <summary>A token bucket's identity: the caller class and the key, user or client IP it counts.</summary>
public readonly record struct RateLimitPartitionKey(RateLimitClass Class, string Id)
{
    /// <summary>The shared no-limit partition of the exempt paths.</summary>
    public static RateLimitPartitionKey Exempt { get; } = new(RateLimitClass.Anonymous, "exempt");
}
