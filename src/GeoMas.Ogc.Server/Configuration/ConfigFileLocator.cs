namespace GeoMas.Ogc.Server.Configuration;

/// <summary>
/// Finds the configuration file. <c>dotnet run --project src/GeoMas.Ogc.Server</c> from the repository root runs in
/// the root, tests and published binaries do not: so the default <c>config/geomas.json</c> is looked for in the
/// current folder and its parents, then next to the program and its parents (the container image copies
/// config/ beside the application).
/// </summary>
public static class ConfigFileLocator
{
    public const string DefaultRelativePath = "config/geomas.json";

    /// <summary>The absolute path of the file to load, or null with an explanation.</summary>
    public static string? Resolve(string? requested, out string? error)
    {
        error = null;
        requested ??= Environment.GetEnvironmentVariable("GEOMAS_CONFIG");
        if (string.IsNullOrWhiteSpace(requested))
        {
            var found = FindUpwards(Directory.GetCurrentDirectory(), DefaultRelativePath)
                        ?? FindUpwards(AppContext.BaseDirectory, DefaultRelativePath);
            if (found is null)
                error = $"no {DefaultRelativePath} found above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}; pass --config <file>";
            return found;
        }

        var direct = Path.GetFullPath(requested);
        if (File.Exists(direct))
            return direct;
        if (!Path.IsPathRooted(requested))
        {
            // A path given from the repository root works from anywhere inside the repository or its build output.
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                if (FindUpwards(start, DefaultRelativePath) is { } defaultConfig)
                {
                    var root = Path.GetDirectoryName(Path.GetDirectoryName(defaultConfig))!;
                    var candidate = Path.GetFullPath(Path.Combine(root, requested));
                    if (File.Exists(candidate))
                        return candidate;
                }
            }
        }
        error = $"configuration file '{requested}' not found";
        return null;
    }

    private static string? FindUpwards(string start, string relative)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
