using GeoMas.Ogc.Caching.Invalidation;
using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Sources.PostGis.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Server.Composition;

/// <summary>
/// Installs the change triggers when asked (<c>invalidation.installTriggers</c>), then runs one PostGIS listener per
/// PostGIS source into the <see cref="InvalidationCoordinator"/> for the life of the server. Failing to install is
/// logged, not fatal: the server still serves, tiles just are not invalidated by data changes of that source.
/// </summary>
internal sealed class InvalidationHostedService(IServiceProvider services, CatalogSnapshot catalog, InvalidationOptions options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loggers = services.GetRequiredService<ILoggerFactory>();
        var log = loggers.CreateLogger("GeoMas.Ogc.Caching.Invalidation");
        var coordinator = services.GetRequiredService<InvalidationCoordinator>();
        var feeds = new List<IDataChangeFeed>();
        foreach (var source in catalog.Sources.Values.Where(s => s.Kind == SourceKind.PostGis))
        {
            if (options.InstallTriggers)
            {
                try
                {
                    var tables = await ChangeTriggerInstaller.RunAsync(source, catalog.Layers, remove: false, stoppingToken).ConfigureAwait(false);
                    log.LogInformation("Change triggers installed on {Tables}", string.Join(", ", tables));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogError("Could not install the change triggers of source {Source}: {Error}", source.Id, ex.Message);
                }
            }
            feeds.Add(new PostGisChangeListener(source.Id, source.Connection, loggers.CreateLogger<PostGisChangeListener>()));
        }
        await coordinator.RunAsync(feeds, stoppingToken).ConfigureAwait(false);
    }
}
