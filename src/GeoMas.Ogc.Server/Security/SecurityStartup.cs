using GeoMas.Ogc.Server.Hosting;
using Microsoft.Extensions.Configuration;

namespace GeoMas.Ogc.Server.Security;

/// <summary>Loads the <c>security</c> section against the loaded catalog; the server refuses to start on errors.</summary>
public static class SecurityStartup
{
    public static async Task<(SecurityStore? Store, IReadOnlyList<string> Errors)> LoadAsync(
        IConfiguration configuration, string configDirectory, LoadedCatalog catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(catalog);
        var section = configuration.GetSection("security");
        if (!section.Exists())
            return (new SecurityStore(SecurityState.Open, new SecurityOptions(), null), []);
        SecurityOptions options;
        try
        {
            options = section.Get<SecurityOptions>() ?? new SecurityOptions();
        }
        catch (InvalidOperationException ex)
        {
            return (null, [$"security: {ex.Message}"]);
        }
        var loader = new SecurityLoader(catalog.Snapshot, catalog.Sources, catalog.Crs, configDirectory);
        var (state, errors) = await loader.LoadAsync(options, cancellationToken).ConfigureAwait(false);
        if (state is null)
            return (null, errors);
        return (new SecurityStore(state, options, loader), []);
    }
}
