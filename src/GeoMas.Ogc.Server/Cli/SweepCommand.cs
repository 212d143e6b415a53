using System.Globalization;
using GeoMas.Ogc.Caching.Stores;
using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Catalog.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GeoMas.Ogc.Server.Cli;

/// <summary>
/// <c>geomas sweep [--max-age-days N] [--max-megabytes M]</c>: the disk store's sweep (<see cref="DiskCacheSweeper"/>)
/// now, instead of at the server's next interval, with the configured bounds (<c>cache.diskMaxAgeDays</c>,
/// <c>cache.diskMaxMegabytes</c>) unless the options say otherwise; 0 lifts a bound. Prints what it found and deleted.
/// </summary>
public static class SweepCommand
{
    private static readonly string[] Names = ["max-age-days", "max-megabytes"];

    public static Task<int> RunAsync(CommandLine commandLine, TextWriter output, CancellationToken cancellationToken) =>
        VerbApp.RunAsync(commandLine, output, Names, [], CheckBounds, async (options, app) =>
        {
            if (app.Services.GetService<ITileStore>() is not DiskTileStore disk)
            {
                await output.WriteLineAsync("error: the tile store is not on disk (cache.store); Redis drops old tiles by its TTL and eviction");
                return 2;
            }
            var cache = app.Configuration.GetSection("cache").Get<CacheOptions>() ?? new CacheOptions();
            var sweeper = new DiskCacheSweeper(disk.Root, DiskSweepOptions.From(
                options.Int("max-age-days") ?? cache.DiskMaxAgeDays, options.Int("max-megabytes") ?? cache.DiskMaxMegabytes));
            var result = await Task.Run(() => sweeper.Sweep(cancellationToken), cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"swept {disk.Root}: {result.Files} tile(s), {result.Bytes} bytes; deleted {result.DeletedFiles} tile(s), {result.DeletedBytes} bytes, {result.DeletedTemporaries} temporary file(s), {result.DeletedFolders} empty folder(s)"));
            return 0;
        }, cancellationToken);

    private static void CheckBounds(VerbOptions options)
    {
        if (options.Int("max-age-days") < 0 || options.Int("max-megabytes") < 0)
            throw new FormatException("--max-age-days and --max-megabytes take 0 or more.");
    }
}
