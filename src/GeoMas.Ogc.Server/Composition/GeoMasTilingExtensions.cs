using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Tiling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GeoMas.Ogc.Server.Composition;

public static class GeoMasTilingExtensions
{
    /// <summary>Folder of OGC 2D-TMS JSON files, next to a configuration file (config/tilematrixsets).</summary>
    public const string FolderName = "tilematrixsets";

    /// <summary>
    /// The tile matrix set folder of a configuration chain: next to the most derived file that has one, so a
    /// configuration elsewhere that <c>extends</c> config/geomas.json inherits its sets (and may override them).
    /// Falls back to <paramref name="configDirectory"/>/tilematrixsets, whose absence the loader reports.
    /// </summary>
    public static string FindFolder(IReadOnlyList<string> configFiles, string configDirectory)
    {
        for (var i = configFiles.Count - 1; i >= 0; i--)
        {
            var candidate = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configFiles[i])) ?? ".", FolderName);
            if (Directory.Exists(candidate))
                return candidate;
        }
        return Path.Combine(configDirectory, FolderName);
    }

    /// <summary>The tile matrix sets (WMTS, XYZ, OGC API Tiles) and the per-layer tile limits cache.</summary>
    public static IServiceCollection AddGeoMasTiling(this IServiceCollection services, TileMatrixSetCatalog tileMatrixSets)
    {
        services.AddSingleton(tileMatrixSets);
        services.TryAddSingleton(sp => new LayerTileLimitsCache(sp.GetRequiredService<CrsRegistry>()));
        return services;
    }
}
