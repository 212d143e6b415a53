using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Server.Configuration;
using GeoMas.Ogc.Server.Hosting;
using GeoMas.Ogc.Sources.PostGis.ChangeTracking;
using Microsoft.Extensions.Configuration;

namespace GeoMas.Ogc.Server.Cli;

/// <summary>
/// <c>geomas install-triggers [--remove]</c>: installs (idempotently) or removes the change-capture triggers on every
/// table a PostGIS layer reads, for databases where the server's own role may not run DDL at start.
/// </summary>
public static class InstallTriggersCommand
{
    public static async Task<int> RunAsync(CommandLine commandLine, TextWriter output, CancellationToken cancellationToken)
    {
        var options = VerbOptions.Take(commandLine.HostArgs, [], ["remove"]);
        var configuration = new ConfigurationManager();
        var configDirectory = GeoMasConfiguration.AddGeoMasSources(configuration, commandLine.ConfigPath, options.Rest, out _, out var error);
        if (configDirectory is null)
        {
            await output.WriteLineAsync($"error: {error}");
            return 1;
        }
        var loaded = await CatalogStartup.LoadAsync(configuration, configDirectory, requireSources: true, cancellationToken);
        if (!loaded.Succeeded)
        {
            foreach (var problem in loaded.Errors)
                await output.WriteLineAsync($"error: {problem}");
            return 1;
        }
        var snapshot = loaded.Catalog!.Snapshot;
        await using var sources = loaded.Catalog.Sources;
        var postgis = snapshot.Sources.Values.Where(s => s.Kind == SourceKind.PostGis).ToList();
        if (postgis.Count == 0)
        {
            await output.WriteLineAsync("no PostGIS source in this configuration: nothing to do");
            return 0;
        }
        foreach (var source in postgis)
        {
            var tables = await ChangeTriggerInstaller.RunAsync(source, snapshot.Layers, options.Flag("remove"), cancellationToken);
            await output.WriteLineAsync($"{(options.Flag("remove") ? "removed from" : "installed on")} source {source.Id}: {string.Join(", ", tables)}");
        }
        return 0;
    }
}
