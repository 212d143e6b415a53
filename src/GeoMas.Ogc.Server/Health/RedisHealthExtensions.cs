using GeoMas.Ogc.Core.Catalog.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GeoMas.Ogc.Server.Health;

public static class RedisHealthExtensions
{
    /// <summary>
    /// A readiness check "redis" when <c>cache.store</c> is redis (the same connection string as the tile store and
    /// the invalidation bus). Degraded, not unhealthy: the server keeps answering (it renders what it cannot read
    /// from the cache), so a load balancer must not take every instance out at once when Redis fails.
    /// </summary>
    public static IServiceCollection AddGeoMasRedisHealth(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var cache = configuration.GetSection("cache").Get<CacheOptions>() ?? new CacheOptions();
        if (!string.Equals(cache.Store, "redis", StringComparison.OrdinalIgnoreCase))
            return services;
        var redis = EnvironmentExpander.Expand(cache.Redis ?? "${GEOMAS_REDIS:-127.0.0.1:6379}", Environment.GetEnvironmentVariable, out _);
        services.AddSingleton(_ => new RedisHealthCheck(redis));
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "redis", sp => sp.GetRequiredService<RedisHealthCheck>(), HealthStatus.Degraded, ["ready"], TimeSpan.FromSeconds(5)));
        return services;
    }
}
