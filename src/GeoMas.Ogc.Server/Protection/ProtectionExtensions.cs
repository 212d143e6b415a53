using GeoMas.Ogc.Core.Rendering;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Server.Protection;

public static class ProtectionExtensions
{
    /// <summary>
    /// Binds <c>protection</c>: the render lanes' waits (read by the <see cref="RenderGate"/>), the export gate, the
    /// bulk client detector, the audit log, the security headers and Kestrel's request size limits.
    /// </summary>
    public static IServiceCollection AddGeoMasProtection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection("protection").Get<ProtectionOptions>() ?? new ProtectionOptions();
        services.AddSingleton(options);
        services.AddSingleton(options.Exports);
        services.AddSingleton(options.SecurityHeaders);
        services.AddSingleton(new RenderLaneOptions
        {
            QueueTimeout = TimeSpan.FromSeconds(Math.Max(0.001, options.Renders.QueueTimeoutSeconds)),
            BulkConcurrentRenders = options.Renders.BulkConcurrentRenders,
            BulkQueuedRenders = options.Renders.BulkQueuedRenders,
            BulkQueueTimeout = TimeSpan.FromSeconds(Math.Max(0.001, options.Renders.BulkQueueTimeoutSeconds)),
        });
        services.AddSingleton(new BulkClientDetector(options.BulkClients));
        services.AddSingleton<ExportGate>();
        services.AddSingleton<AuditLog>();
        var requests = options.Requests;
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = requests.MaxBodyBytes;
            kestrel.Limits.MaxRequestLineSize = requests.MaxRequestLineBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = requests.MaxHeadersBytes;
            kestrel.Limits.MaxRequestHeaderCount = requests.MaxHeaderCount;
        });
        return services;
    }

    /// <summary>First in the pipeline: security headers and the audit of refusals apply to every response.</summary>
    public static IApplicationBuilder UseGeoMasResponseProtection(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeadersMiddleware>().UseMiddleware<AuditMiddleware>();

    /// <summary>After security and rate limiting: hidden-layer audit, bulk lane, export gate.</summary>
    public static IApplicationBuilder UseGeoMasRequestProtection(this IApplicationBuilder app) =>
        app.UseMiddleware<HiddenLayerAuditMiddleware>().UseMiddleware<BulkClientMiddleware>().UseMiddleware<ExportGateMiddleware>();
}
