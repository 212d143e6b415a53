using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Server.Cli;
using GeoMas.Ogc.Server.Security;
using GeoMas.Ogc.Sources.Rasters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace GeoMas.Ogc.Server.Reload;

public static class ReloadServiceCollectionExtensions
{
    /// <summary>
    /// Configuration reload without restart: the reloader (used by POST /admin/reload), the folder watcher
    /// (<c>reload.watch</c>), a readiness entry that reports a rejected reload, and the reload meter. Call after
    /// AddGeoMasCore (the <see cref="CatalogSnapshotStore"/>) and AddGeoMasSecurity (the <see cref="SecurityStore"/>).
    /// </summary>
    public static IServiceCollection AddGeoMasReload(this IServiceCollection services, IConfiguration configuration, CommandLine commandLine, string configDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(commandLine);
        var options = configuration.GetSection("reload").Get<ReloadOptions>() ?? new ReloadOptions();
        services.AddSingleton(new ReloadSettings(commandLine.ConfigPath, commandLine.HostArgs, configDirectory, options));
        services.AddSingleton<ReloadMetrics>();
        services.AddSingleton(sp => new CatalogReloader(
            sp.GetRequiredService<CatalogSnapshotStore>(),
            sp.GetRequiredService<ReloadSettings>(),
            sp.GetRequiredService<CrsRegistry>(),
            sp.GetRequiredService<IStyleReader>(),
            sp.GetRequiredService<RasterSourceRegistry>,
            sp.GetRequiredService<SecurityStore>(),
            sp.GetRequiredService<ReloadMetrics>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger("GeoMas.Ogc.Server.Reload")));
        services.AddHostedService<ConfigFolderWatcher>();
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "configuration", sp => new ReloadHealthCheck(sp.GetRequiredService<CatalogReloader>(), sp.GetRequiredService<CatalogSnapshotStore>()),
            HealthStatus.Degraded, ["ready"]));
        // Exported on /metrics beside the other meters when metrics are enabled (no provider is built otherwise).
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(ReloadMetrics.MeterName));
        return services;
    }
}
