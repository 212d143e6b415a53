using System.Threading.RateLimiting;
using GeoMas.Ogc.Server.Security;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Server.RateLimiting;

/// <summary>
/// Splits requests into token buckets: one per API key, one per user, one per client IP for anonymous callers.
/// Runs after the security middleware (it reads the principal that middleware set). Health probes and /metrics are
/// never limited: a throttled probe would take a healthy instance out of the load balancer.
/// </summary>
public static class RateLimitPartitioner
{
    public static PartitionedRateLimiter<HttpContext> Create(RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return PartitionedRateLimiter.Create<HttpContext, RateLimitPartitionKey>(context =>
        {
            if (IsExempt(context.Request.Path))
                return RateLimitPartition.GetNoLimiter(RateLimitPartitionKey.Exempt);
            var key = Classify(context);
            var policy = PolicyFor(options, key.Class, context.User.FindFirst(SecurityClaims.Partner)?.Value);
            if (policy is null)
                return RateLimitPartition.GetNoLimiter(key);
            return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, policy.Burst),
                TokensPerPeriod = Math.Max(1, policy.Permits),
                ReplenishmentPeriod = TimeSpan.FromSeconds(Math.Max(0.001, policy.PeriodSeconds)),
                AutoReplenishment = true,
                // No queue: a waiting request holds a connection and the client would rather be told when to retry.
                QueueLimit = 0,
            });
        });
    }

    /// <summary>Paths outside every limit.</summary>
    public static bool IsExempt(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase);

    /// <summary>The bucket of a request: the GeoMas principal id ("key:…", "user:…", "jwt:…") or the client IP.</summary>
    public static RateLimitPartitionKey Classify(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.User.FindFirst(SecurityClaims.Id)?.Value;
        if (string.IsNullOrEmpty(id))
            return new RateLimitPartitionKey(RateLimitClass.Anonymous, "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"));
        return new RateLimitPartitionKey(id.StartsWith("key:", StringComparison.Ordinal) ? RateLimitClass.ApiKey : RateLimitClass.User, id);
    }

    /// <summary>The partner's override if it has one, else the class's limit (null = unlimited).</summary>
    public static RateLimitPolicyOptions? PolicyFor(RateLimitOptions options, RateLimitClass limitClass, string? partner)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (limitClass != RateLimitClass.Anonymous && partner is not null && options.Partners.TryGetValue(partner, out var partnerPolicy))
            return partnerPolicy;
        return limitClass switch
        {
            RateLimitClass.ApiKey => options.ApiKey,
            RateLimitClass.User => options.User,
            _ => options.Anonymous,
        };
    }
}
