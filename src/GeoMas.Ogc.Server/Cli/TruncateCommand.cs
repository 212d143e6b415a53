using GeoMas.Ogc.Caching.Invalidation;
using GeoMas.Ogc.Caching.Seeding;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Server.Cli;

/// <summary>
/// <c>geomas truncate --layers parcelles [--tms LAMB93] [--zoom 12-18] [area options as seed]</c>: purges the
/// shared store and tells the running servers (Redis pub/sub) to drop the same tiles from memory. Without area and
/// zooms the layer's revision is bumped.
/// </summary>
public static class TruncateCommand
{
    private static readonly string[] Names = ["layers", "tms", "zoom", .. TileJobArguments.AreaOptions];

    public static Task<int> RunAsync(CommandLine commandLine, TextWriter output, CancellationToken cancellationToken) =>
        VerbApp.RunAsync(commandLine, output, Names, [], options =>
        {
            if (options.List("layers").Count == 0)
                throw new FormatException("truncate needs --layers.");
            options.Range("zoom"); // validates the range before the server is built
        }, async (options, app) =>
        {
            var services = app.Services;
            await services.GetRequiredService<IRevisionStore>().RefreshAsync(cancellationToken);
            var catalog = services.GetRequiredService<ICatalogProvider>();
            var area = await TileJobArguments.AreaAsync(options, catalog.Current, services.GetRequiredService<IFeatureSourceProvider>(), cancellationToken);
            var zoom = options.Range("zoom");
            var truncator = new TileTruncator(catalog, services.GetRequiredService<InvalidationCoordinator>(), services.GetRequiredService<CrsRegistry>());
            var plan = await truncator.TruncateAsync(options.List("layers"), area, options.Get("tms"), zoom?.Min, zoom?.Max, cancellationToken);
            await output.WriteLineAsync($"truncated: {plan.Positions.Count} tile position(s) purged, revision bumped for [{string.Join(", ", plan.BumpLayers)}]");
            return 0;
        }, cancellationToken);
}
