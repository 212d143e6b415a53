using System.Globalization;
using GeoMas.Ogc.Caching.Invalidation;
using GeoMas.Ogc.Caching.Metatiles;
using GeoMas.Ogc.Caching.Seeding;
using GeoMas.Ogc.Caching.Stores;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Tiling;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Server.Cli;

/// <summary>
/// <c>geomas seed --layers plan --zoom 0-16 [--tms WebMercatorQuad] [--epci 200067742 | --commune 05061 |
/// --departement 05 | --bbox minx,miny,maxx,maxy [--bbox-crs EPSG:4326]] [--concurrency N] [--format image/png]
/// [--style default] [--restart]</c>: renders through the server's own tile service and cache (same configuration,
/// same keys), progress on stderr, resumable.
/// </summary>
public static class SeedCommand
{
    private static readonly string[] Names = ["layers", "tms", "zoom", "concurrency", "format", "style", "state-dir", .. TileJobArguments.AreaOptions];

    public static Task<int> RunAsync(CommandLine commandLine, TextWriter output, TextWriter progress, CancellationToken cancellationToken) =>
        VerbApp.RunAsync(commandLine, output, Names, ["restart"], options =>
        {
            if (options.List("layers").Count == 0 || options.Range("zoom") is null)
                throw new FormatException("seed needs --layers and --zoom.");
        }, (options, app) => SeedAsync(options, app.Services, output, progress, cancellationToken), cancellationToken);

    private static async Task<int> SeedAsync(VerbOptions options, IServiceProvider services, TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        try
        {
            // Seeded tiles must carry the revisions the servers use now, or nobody would ever read them.
            await services.GetRequiredService<IRevisionStore>().RefreshAsync(cancellationToken);
            var catalog = services.GetRequiredService<ICatalogProvider>();
            var area = await TileJobArguments.AreaAsync(options, catalog.Current, services.GetRequiredService<IFeatureSourceProvider>(), cancellationToken);
            var (min, max) = options.Range("zoom")!.Value;
            var job = new SeedJob
            {
                Layers = options.List("layers"),
                TileMatrixSet = options.Get("tms") ?? "WebMercatorQuad",
                MinZoom = min,
                MaxZoom = max,
                Area = area,
                Style = options.Get("style") ?? "default",
                Format = options.Get("format") ?? "image/png",
                Concurrency = options.Int("concurrency") ?? Environment.ProcessorCount,
            };
            var seeder = new TileSeeder(catalog, services.GetRequiredService<TileMatrixSetCatalog>(), services.GetRequiredService<CrsRegistry>(),
                services.GetRequiredService<ITileService>(), services.GetRequiredService<MetatileOptions>());
            var stateDirectory = options.Get("state-dir")
                ?? (services.GetService<ITileStore>() as DiskTileStore)?.Root
                ?? Path.Combine(Directory.GetCurrentDirectory(), "tilecache");
            Directory.CreateDirectory(stateDirectory);
            var state = SeedState.Load(Path.Combine(stateDirectory, $".seed-{job.Fingerprint()}.json"));
            if (options.Flag("restart"))
                state.Delete();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"seeding {string.Join(", ", job.Layers)} in {job.TileMatrixSet} z{job.MinZoom}-{job.MaxZoom} over {area?.Description ?? "each layer's extent"}, {job.Concurrency} at a time; resume file {state.Path}"));

            var result = await seeder.RunAsync(job, state, progress, interactive: !Console.IsErrorRedirected, cancellationToken);
            if (result.Failed == 0)
                state.Delete();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"seeded {result.Tiles} tiles ({result.Metatiles} metatile requests, {result.Failed} failed) in {result.Elapsed.TotalSeconds:0.0} s: {result.TilesPerSecond:0.0} tiles/s"));
            return result.Failed == 0 ? 0 : 1;
        }
        catch (OperationCanceledException)
        {
            await output.WriteLineAsync("\ninterrupted; run the same command again to resume");
            return 130;
        }
    }
}
