using GeoMas.Ogc.Caching;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Server.RateLimiting;
using GeoMas.Ogc.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace GeoMas.Ogc.Server.Metrics;

public static class MetricsExtensions
{
    /// <summary>
    /// The meters exported on /metrics: ASP.NET Core's own (http.server.request.duration, active requests, Kestrel
    /// connections, rate limiting), the tile cache, the renderer, the GeoMas rate limiter, the cached-tile fast path and
    /// Npgsql's pool.
    /// </summary>
    public static readonly IReadOnlyList<string> ExportedMeters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.RateLimiting",
        "Npgsql",
        CachingMetrics.MeterName,
        RenderMetrics.MeterName,
        RateLimitMetrics.MeterName,
        FastPathMetrics.MeterName,
    ];

    /// <summary>
    /// Binds <c>metrics</c>, times the renderer and, when enabled, starts the OpenTelemetry meter provider with the
    /// Prometheus exporter. Call after AddGeoMasRendering (it decorates the registered <see cref="IMapRenderer"/>).
    /// </summary>
    public static IServiceCollection AddGeoMasMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection("metrics").Get<MetricsOptions>() ?? new MetricsOptions();
        services.AddSingleton(options);
        services.AddSingleton<RenderMetrics>();
        services.AddSingleton<FastPathMetrics>();
        DecorateRenderer(services);
        if (!options.Enabled)
            return services;
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter([.. ExportedMeters])
            // No response cache: a scrape reflects the requests made just before it (Prometheus scrapes every 15 s anyway).
            .AddPrometheusExporter(exporter => exporter.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    /// <summary>Maps /metrics (outside the rate limiter), guarded by <see cref="MetricsOptions.RequireRole"/> when set.</summary>
    public static IEndpointRouteBuilder MapGeoMasMetrics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<MetricsOptions>();
        if (!options.Enabled)
            return endpoints;
        var scrape = endpoints.MapPrometheusScrapingEndpoint("/metrics");
        if (!string.IsNullOrEmpty(options.RequireRole))
        {
            var role = options.RequireRole;
            scrape.Add(endpoint =>
            {
                var inner = endpoint.RequestDelegate!;
                endpoint.RequestDelegate = context => GuardAsync(context, role, inner);
            });
        }
        return endpoints;
    }

    private static async Task GuardAsync(HttpContext context, string role, RequestDelegate inner)
    {
        if (context.User.HasClaim(SecurityClaims.Role, role))
        {
            await inner(context).ConfigureAwait(false);
            return;
        }
        if (string.IsNullOrEmpty(context.User.FindFirst(SecurityClaims.Id)?.Value))
        {
            // Anonymous: the challenge tells the scraper which credentials to send.
            await context.ChallengeAsync(SecuritySchemes.Policy).ConfigureAwait(false);
            await UnauthorizedResponseWriter.WriteAsync(context, "The metrics endpoint requires credentials.").ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("The metrics endpoint requires the role " + role + ".", context.RequestAborted).ConfigureAwait(false);
    }

    private static void DecorateRenderer(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IMapRenderer))
            ?? throw new InvalidOperationException("AddGeoMasMetrics must follow AddGeoMasRendering (no IMapRenderer to time).");
        services.Remove(registered);
        services.Add(new ServiceDescriptor(typeof(IMapRenderer), sp =>
            new MeteredMapRenderer(Create(sp, registered), sp.GetRequiredService<RenderMetrics>()), registered.Lifetime));
    }

    private static IMapRenderer Create(IServiceProvider services, ServiceDescriptor descriptor) => descriptor switch
    {
        { ImplementationInstance: IMapRenderer instance } => instance,
        { ImplementationFactory: { } factory } => (IMapRenderer)factory(services),
        { ImplementationType: { } type } => (IMapRenderer)ActivatorUtilities.CreateInstance(services, type),
        _ => throw new InvalidOperationException("Unsupported IMapRenderer registration."),
    };
}
