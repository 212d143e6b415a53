using Microsoft.Extensions.Configuration;

namespace GeoMas.Ogc.Server.Configuration;

/// <summary>
/// Layers the configuration the ASP.NET Core way: the config file chain (base first), then environment variables,
/// then the command line — so <c>Limits__MaxWidth=2048</c> or <c>--Limits:MaxWidth=2048</c> override the files.
/// </summary>
public static class GeoMasConfiguration
{
    /// <summary>Adds the files and the overrides; returns the folder relative paths resolve against, or null with an error.</summary>
    public static string? AddGeoMasSources(IConfigurationBuilder configuration, string? requestedPath, string[] hostArgs, out IReadOnlyList<string> files, out string? error)
    {
        files = [];
        var path = ConfigFileLocator.Resolve(requestedPath, out error);
        if (path is null)
            return null;
        files = ConfigFileChain.Resolve(path, out error);
        if (error is not null)
            return null;
        foreach (var file in files)
            configuration.AddJsonFile(file, optional: false, reloadOnChange: false);
        // Added again after the files: the host added them before, and the later source wins.
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(hostArgs);
        // Relative paths resolve against the folder of the file named on the command line (the chain shares it).
        return Path.GetDirectoryName(path);
    }
}
