using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Tiling;
using GeoMas.Ogc.Server.Composition;
using GeoMas.Ogc.Server.Configuration;
using GeoMas.Ogc.Server.Hosting;
using Microsoft.Extensions.Configuration;

namespace GeoMas.Ogc.Server.Cli;

/// <summary>
/// <c>geomas check</c>: loads the catalog exactly as <c>serve</c> does — configuration, style files, then tables,
/// columns and SRIDs in the databases — and prints every problem. An unreachable source is a problem here even
/// when <c>startup.requireSources</c> lets the server start degraded.
/// </summary>
public static class CheckCommand
{
    public static async Task<int> RunAsync(CommandLine commandLine, TextWriter output, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationManager();
        var configDirectory = GeoMasConfiguration.AddGeoMasSources(configuration, commandLine.ConfigPath, commandLine.HostArgs, out var files, out var error);
        if (configDirectory is null)
        {
            await output.WriteLineAsync($"error: {error}");
            return 1;
        }
        await output.WriteLineAsync($"checking {string.Join(" + ", files)}");

        var result = await CatalogStartup.LoadAsync(configuration, configDirectory, requireSources: true, cancellationToken);
        // The tile matrix sets stop `serve` when broken, so `check` judges them too.
        var tileMatrixSets = TileMatrixSetLoader.LoadDirectory(
            GeoMasTilingExtensions.FindFolder(files, configDirectory), result.Catalog?.Crs ?? new CrsRegistry());
        var problems = result.Errors.Concat(tileMatrixSets.Errors).ToList();
        foreach (var warning in result.Warnings)
            await output.WriteLineAsync($"warning: {warning}");
        foreach (var problem in problems)
            await output.WriteLineAsync($"error: {problem}");
        if (!result.Succeeded || problems.Count > 0)
        {
            await output.WriteLineAsync($"{problems.Count} problem(s) found");
            if (result.Catalog is not null)
            {
                await result.Catalog.Sources.DisposeAsync();
                await result.Catalog.Rasters.DisposeAsync();
            }
            return 1;
        }

        var snapshot = result.Catalog!.Snapshot;
        foreach (var layer in snapshot.Layers)
        {
            var extent = layer.GeographicExtent;
            await output.WriteLineAsync(FormattableString.Invariant(
                $"ok: {layer.Id} ({layer.Kind}, {layer.Styles.Count} style(s), lon/lat {extent.MinX:0.####} {extent.MinY:0.####} {extent.MaxX:0.####} {extent.MaxY:0.####})"));
        }
        await output.WriteLineAsync($"ok: tile matrix sets {string.Join(", ", tileMatrixSets.Sets.Select(t => t.Id))}");
        await output.WriteLineAsync($"configuration is valid: {snapshot.Layers.Count} layers, {snapshot.Sources.Count} sources, updateSequence {snapshot.UpdateSequence}");
        await result.Catalog.Sources.DisposeAsync();
        await result.Catalog.Rasters.DisposeAsync();
        return 0;
    }
}
