using GeoMas.Ogc.Core.Catalog.Configuration;
using GeoMas.Ogc.Server.Usage.Export;
using GeoMas.Ogc.Server.Usage.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GeoMas.Ogc.Server.Usage;

public static class UsageExtensions
{
    /// <summary>Binds <c>usage</c>; when enabled, registers the aggregator, the store (PostgreSQL or files) and the flusher.</summary>
    public static IServiceCollection AddGeoMasUsage(this IServiceCollection services, IConfiguration configuration, string configDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection("usage").Get<UsageOptions>() ?? new UsageOptions();
        services.AddSingleton(options);
        if (!options.Enabled)
            return services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new UsageAggregator(options.MaxKeys));
        services.AddSingleton<UsageMeter>();
        services.AddSingleton(CreateStore(options, configDirectory));
        services.AddSingleton<UsageFlusher>();
        services.AddHostedService<UsageFlushService>();
        return services;
    }

    /// <summary>The store the options name: PostgreSQL when a connection string is set, otherwise the folder of files.</summary>
    public static IUsageStore CreateStore(UsageOptions options, string configDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            var connectionString = EnvironmentExpander.Expand(options.ConnectionString, Environment.GetEnvironmentVariable, out var missing);
            if (missing.Count > 0)
                throw new InvalidOperationException($"usage.connectionString uses ${{{missing[0]}}}, which is not set.");
            return new PostgresUsageStore(connectionString, options.Schema, options.Table, options.BatchSize);
        }
        var directory = string.IsNullOrWhiteSpace(options.Directory)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "geomas", "usage")
            : Path.GetFullPath(options.Directory, configDirectory);
        return new FileUsageStore(directory);
    }

    /// <summary>The metering middleware: after security (it needs the principal) and rate limiting (refusals are not usage).</summary>
    public static IApplicationBuilder UseGeoMasUsage(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.ApplicationServices.GetRequiredService<UsageOptions>().Enabled ? app.UseMiddleware<UsageMiddleware>() : app;
    }

    /// <summary>
    /// <c>GET usage</c> (counters) and <c>GET usage/clients</c> (distinct clients per application and day) on the
    /// admin group: <c>?from=YYYY-MM-DD&amp;to=YYYY-MM-DD&amp;groupBy=partner,layer&amp;f=csv|json</c>. The in-memory
    /// counts are flushed first, so an export includes the requests made just before it.
    /// </summary>
    public static RouteGroupBuilder MapGeoMasUsage(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (!admin.ServiceProvider().GetRequiredService<UsageOptions>().Enabled)
            return admin;
        admin.MapGet("/usage", (HttpContext context) => ExportAsync(context, clients: false));
        admin.MapGet("/usage/clients", (HttpContext context) => ExportAsync(context, clients: true));
        return admin;
    }

    private static IServiceProvider ServiceProvider(this RouteGroupBuilder group) => ((IEndpointRouteBuilder)group).ServiceProvider;

    private static async Task ExportAsync(HttpContext context, bool clients)
    {
        var services = context.RequestServices;
        var query = context.Request.Query;
        UsageQuery usage;
        try
        {
            usage = UsageQuery.Parse(query["from"], query["to"], query["groupBy"], query["f"], clients,
                DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
        }
        catch (FormatException ex)
        {
            await Results.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }
        var flusher = services.GetRequiredService<UsageFlusher>();
        await flusher.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        var rows = await UsageReport.BuildAsync(flusher.Store, usage, context.RequestAborted).ConfigureAwait(false);
        context.Response.ContentType = UsageExportWriter.ContentType(usage);
        context.Response.Headers.CacheControl = "no-store";
        await UsageExportWriter.WriteAsync(context.Response.Body, usage, rows, context.RequestAborted).ConfigureAwait(false);
    }
}
