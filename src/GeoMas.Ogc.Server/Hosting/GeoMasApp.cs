using System.Net;
using GeoMas.Ogc.Server.Admin;
using GeoMas.Ogc.Server.Cli;
using GeoMas.Ogc.Server.Composition;
using GeoMas.Ogc.Server.Configuration;
using GeoMas.Ogc.Server.Health;
using GeoMas.Ogc.Server.Http;
using GeoMas.Ogc.Server.Http.Connections;
using GeoMas.Ogc.Server.Http.IoThread;
using GeoMas.Ogc.Server.Metrics;
using GeoMas.Ogc.Server.Protection;
using GeoMas.Ogc.Server.RateLimiting;
using GeoMas.Ogc.Server.Reload;
using GeoMas.Ogc.Server.Security;
using GeoMas.Ogc.Server.Security.Store;
using GeoMas.Ogc.Server.Usage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GeoMas.Ogc.Server.Hosting;

/// <summary>
/// Builds the whole server: configuration, validated catalog, services, middleware, endpoints. Program and the
/// integration tests use the same method, so the tests exercise the real composition (tests only add
/// <c>UseTestServer</c> through <paramref name="configure"/>).
/// </summary>
public static class GeoMasApp
{
    public static async Task<GeoMasAppResult> CreateAsync(
        CommandLine commandLine, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = commandLine.HostArgs });
        var configDirectory = GeoMasConfiguration.AddGeoMasSources(builder.Configuration, commandLine.ConfigPath, commandLine.HostArgs, out var files, out var error);

        // A logger of the final configuration (console formatter included) for the startup messages.
        using var startupLogs = LoggerFactory.Create(logging =>
        {
            logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
            logging.AddConsole();
        });
        var log = startupLogs.CreateLogger("GeoMas.Ogc.Server.Startup");
        if (configDirectory is null)
        {
            log.LogCritical("Configuration error: {Error}", error);
            return new GeoMasAppResult(null, [error!]);
        }
        log.LogInformation("Configuration files: {Files}", string.Join(", ", files));
        // No Activity and logging scope per request when nothing would write or print them.
        RequestDiagnostics.SkipWhenUnread(builder, startupLogs);
        var server = builder.Configuration.GetSection("Server").Get<ServerOptions>() ?? new ServerOptions();
        // Before the catalog opens the first socket: the runtime sizes its socket event threads once, on first use.
        if (server.InlineScheduling)
            SocketInlineCompletions.UseOneEventThreadPerCore();

        var loaded = await CatalogStartup.LoadAsync(builder.Configuration, configDirectory, null, cancellationToken);
        foreach (var warning in loaded.Warnings)
            log.LogWarning("Catalog warning: {Warning}", warning);
        if (!loaded.Succeeded)
        {
            foreach (var problem in loaded.Errors)
                log.LogCritical("Catalog error: {Error}", problem);
            log.LogCritical("The catalog has {Count} error(s); the server does not start", loaded.Errors.Count);
            return new GeoMasAppResult(null, loaded.Errors);
        }
        var catalog = loaded.Catalog!;
        log.LogInformation("Catalog loaded: {LayerCount} layers, {SourceCount} sources, updateSequence {UpdateSequence}",
            catalog.Snapshot.Layers.Count, catalog.Snapshot.Sources.Count, catalog.Snapshot.UpdateSequence);

        var tileMatrixSets = GeoMas.Ogc.Core.Tiling.TileMatrixSetLoader.LoadDirectory(GeoMasTilingExtensions.FindFolder(files, configDirectory), catalog.Crs);
        if (!tileMatrixSets.Succeeded)
        {
            foreach (var problem in tileMatrixSets.Errors)
                log.LogCritical("Tile matrix set error: {Error}", problem);
            return new GeoMasAppResult(null, tileMatrixSets.Errors);
        }

        var security = await SecurityStartup.LoadAsync(builder.Configuration, configDirectory, catalog, cancellationToken);
        if (security.Store is null)
        {
            foreach (var problem in security.Errors)
                log.LogCritical("Security configuration error: {Error}", problem);
            return new GeoMasAppResult(null, security.Errors);
        }

        ConfigureHost(builder, server);
        builder.Services
            .AddGeoMasCore(catalog)
            .AddGeoMasSources(catalog)
            .AddGeoMasRendering(catalog)
            .AddGeoMasTiling(new GeoMas.Ogc.Core.Tiling.TileMatrixSetCatalog(tileMatrixSets.Sets))
            .AddGeoMasCaching(builder.Configuration.GetSection("cache").Get<GeoMas.Ogc.Core.Catalog.Configuration.CacheOptions>() ?? new(), configDirectory)
            .AddGeoMasInvalidation(builder.Configuration, catalog)
            .AddGeoMasRedisHealth(builder.Configuration)
            .AddGeoMasAdmin(builder.Configuration)
            .AddGeoMasWfs(builder.Configuration)
            .AddGeoMasSecurity(security.Store, configDirectory)
            .AddGeoMasReload(builder.Configuration, commandLine, configDirectory)
            .AddGeoMasCredentialStore(builder.Configuration)
            .AddGeoMasRateLimiting(builder.Configuration)
            .AddGeoMasMetrics(builder.Configuration)
            .AddGeoMasUsage(builder.Configuration, configDirectory);
        builder.Services.AddGeoMasProtection(builder.Configuration);
        if (server.WarmUp)
        {
            builder.Services.AddSingleton<RenderWarmUp>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<RenderWarmUp>());
        }
        builder.Services.AddGeoMasTileFastPath(server);
        configure?.Invoke(builder);

        var app = builder.Build();
        // Resolve the catalog store once so the container owns it (it disposes the sources' pools on shutdown).
        _ = app.Services.GetRequiredService<CatalogSnapshotStore>();
        ConfigurePipeline(app, server);
        return new GeoMasAppResult(app, []);
    }

    private static void ConfigureHost(WebApplicationBuilder builder, ServerOptions server)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["http_ports"]) && string.IsNullOrEmpty(configuration["https_ports"]))
            builder.WebHost.UseUrls(server.DefaultUrls);

        // No "Server: Kestrel" on every response: bytes on each tile, and nothing a client needs.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.ConfigureEndpointDefaults(listen =>
            {
                if (server.InlineScheduling)
                    listen.Use(InlineCompletionsConnection.Middleware);
                // Cached tiles answered from the connection's bytes, before Kestrel's HTTP layer (when it applies).
                listen.UseGeoMasConnectionTileFastPath(server);
            });
        });
        builder.WebHost.UseSockets(sockets =>
        {
            sockets.UnsafePreferInlineScheduling = server.InlineScheduling;
            sockets.WaitForDataBeforeAllocatingBuffer = server.WaitForDataBeforeAllocatingBuffer;
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(Math.Clamp(server.ShutdownTimeoutSeconds, 1, 600)));
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                                 | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedPrefix;
            // A chain of trusted proxies is unwound up to the first address that is not one of them.
            o.ForwardLimit = null;
            if (server.KnownProxies.Count == 0 && server.KnownNetworks.Count == 0)
                return; // The defaults: loopback only (127.0.0.0/8 and ::1).
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in server.KnownProxies)
            {
                if (IPAddress.TryParse(proxy, out var address))
                    o.KnownProxies.Add(address);
            }
            foreach (var network in server.KnownNetworks)
            {
                if (System.Net.IPNetwork.TryParse(network, out var parsed))
                    o.KnownIPNetworks.Add(parsed);
            }
        });
    }

    private static void ConfigurePipeline(WebApplication app, ServerOptions server)
    {
        if (server.ForwardedHeaders)
        {
            var forwarding = new ForwardingHeaders(app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value);
            app.UseWhen(forwarding.CarriedBy, proxied => proxied.UseForwardedHeaders());
        }
        // Anonymous GETs of tiles held in memory are answered here, as the tile endpoint would answer them.
        app.UseGeoMasTileFastPath(server);
        // Everything the fast path did not answer leaves the socket event thread here (inline scheduling).
        if (server.InlineScheduling)
            app.Use(next => context => IoThreadHandOff.Run(context, next));
        // Security headers and the audit of refusals: on every response, refusals included.
        app.UseGeoMasResponseProtection();
        app.UseMiddleware<CorsMiddleware>(server.CorsAllowOrigin);
        app.UseMiddleware<HeadRequestMiddleware>();
        app.UseGeoMasSecurity();
        // After security (the buckets are per key or user), before routing (a refused request costs no endpoint work).
        app.UseGeoMasRateLimiting();
        // Hidden-layer audit, bulk render lane, export gate: they need the principal; throttled requests never queue.
        app.UseGeoMasRequestProtection();
        // After both: metering needs the principal, and refused requests are not usage.
        app.UseGeoMasUsage();
        // Explicit: routing must come after the HEAD rewrite, so that HEAD matches the GET endpoints.
        app.UseRouting();
        app.MapGeoMasEndpoints();
        app.MapGeoMasMetrics();
    }
}
