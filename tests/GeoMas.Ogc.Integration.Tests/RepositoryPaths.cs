namespace GeoMas.Ogc.Integration.Tests;

/// <summary>Paths of the repository the tests run from, and the PostGIS connection string of the test environment.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Config(string name) => Path.Combine(Root, "config", name);

    /// <summary>tests/run exports GEOMAS_PG; the default is the documented local database.</summary>
    public static string PostGis =>
        Environment.GetEnvironmentVariable("GEOMAS_PG") is { Length: > 0 } pg ? pg : "Host=127.0.0.1;Database=geomas;Username=geomas;Password=geomas";

    /// <summary>A PostgreSQL connection string to a port nothing listens on.</summary>
    public const string ClosedPort = "Host=127.0.0.1;Port=1;Database=geomas;Username=geomas;Password=geomas;Timeout=3";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "config", "geomas.json")))
                return dir.FullName;
        }
        throw new InvalidOperationException("config/geomas.json not found above " + AppContext.BaseDirectory);
    }
}
