using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Server.RateLimiting;

public static class RateLimitingExtensions
{
    /// <summary>Binds <c>rateLimits</c> and, when enabled, registers ASP.NET Core's limiter with the GeoMas buckets.</summary>
    public static IServiceCollection AddGeoMasRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection("rateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddSingleton(options);
        services.AddSingleton<RateLimitMetrics>();
        if (!options.Enabled)
            return services;
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = RateLimitPartitioner.Create(options);
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                context.RequestServices.GetRequiredService<RateLimitMetrics>().Rejected(RateLimitPartitioner.Classify(context).Class);
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
                await TooManyRequestsResponseWriter.WriteAsync(context, seconds, cancellationToken).ConfigureAwait(false);
            };
        });
        return services;
    }

    /// <summary>The limiter middleware; after the security middleware, which names the caller.</summary>
    public static IApplicationBuilder UseGeoMasRateLimiting(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ApplicationServices.GetRequiredService<RateLimitOptions>().Enabled)
            app.UseRateLimiter();
        return app;
    }
}
