namespace GeoMas.Ogc.Rendering.Tests.Sld;

/// <summary>Finds the repository root (the folder holding GeoMas.Ogc.sln) from the test binaries.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GeoMas.Ogc.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("GeoMas.Ogc.sln not found above " + AppContext.BaseDirectory);
    });

    public static string StylesDirectory => Path.Combine(Root.Value, "styles");

    public static string Style(string fileName) => Path.Combine(StylesDirectory, fileName);
}
