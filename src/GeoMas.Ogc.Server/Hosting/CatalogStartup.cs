using GeoMas.Ogc.Core.Catalog.Configuration;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Rendering.Sld;
using GeoMas.Ogc.Sources;
using GeoMas.Ogc.Sources.Rasters;
using Microsoft.Extensions.Configuration;

namespace GeoMas.Ogc.Server.Hosting;

/// <summary>
/// Binds, builds and loads the catalog: shared by <c>serve</c> (refuses to start on errors) and <c>check</c>
/// (prints them), so both verbs judge a configuration the same way.
/// </summary>
public static class CatalogStartup
{
    public static async Task<CatalogStartupResult> LoadAsync(
        IConfiguration configuration, string configDirectory, bool? requireSources, CancellationToken cancellationToken)
    {
        GeoMasOptions options;
        try
        {
            options = configuration.Get<GeoMasOptions>() ?? new GeoMasOptions();
        }
        catch (InvalidOperationException ex)
        {
            // The binder stops at the first value of the wrong type ("abc" for a number); its message names the key.
            return new CatalogStartupResult(null, [$"configuration: {ex.Message} {ex.InnerException?.Message}".TrimEnd()], []);
        }

        var crs = new CrsRegistry();
        var styleReader = new SldStyleReader();
        var built = CatalogBuilder.Build(options, configDirectory, styleReader, crs);
        if (!built.Succeeded)
            return new CatalogStartupResult(null, built.Errors, []);
        var draft = built.Snapshot!;

        SourceRegistry registry;
        try
        {
            registry = new SourceRegistry(draft.Sources.Values, crs);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException)
        {
            return new CatalogStartupResult(null, [$"sources: {ex.Message}"], []);
        }

        // Local raster files, folders and indexes are opened now, so that check reports a missing or unreadable file
        // and raster layers without a configured extent take their source's. Cascaded sources open in the container.
        var (rasters, rasterErrors) = RasterSourceRegistry.Open(draft, [new LocalRasterSourceFactory(CogFiles.Open)], crs, skipUnhandled: true);
        if (rasters is null)
        {
            await registry.DisposeAsync().ConfigureAwait(false);
            return new CatalogStartupResult(null, rasterErrors, []);
        }
        draft = rasters.WithSourceExtents(draft);

        var loaded = await CatalogLoader.LoadAsync(
            draft, registry, registry.All, crs, requireSources ?? options.Startup.RequireSources, cancellationToken).ConfigureAwait(false);
        if (!loaded.Succeeded)
        {
            await registry.DisposeAsync().ConfigureAwait(false);
            await rasters.DisposeAsync().ConfigureAwait(false);
            return new CatalogStartupResult(null, loaded.Errors, loaded.Warnings);
        }
        return new CatalogStartupResult(new LoadedCatalog(loaded.Snapshot!, registry, crs, styleReader) { Rasters = rasters }, [], loaded.Warnings);
    }
}
