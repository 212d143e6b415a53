using System.Text.Json;
using GeoMas.Ogc.Core.Catalog.Configuration;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Styling;

namespace GeoMas.Ogc.Core.Tests.Catalog.Configuration;

/// <summary>The repository's config folder, the real geomas.json, and a fake style reader (Core cannot see the SLD reader).</summary>
internal static class TestConfigs
{
    public static CrsRegistry Crs { get; } = new();

    public static string RepositoryRoot { get; } = FindRoot();

    public static string ConfigDirectory => Path.Combine(RepositoryRoot, "config");

    /// <summary>config/geomas.json read with System.Text.Json (camelCase like the configuration binder sees it).</summary>
    public static GeoMasOptions LoadRealConfig()
    {
        var json = File.ReadAllText(Path.Combine(ConfigDirectory, "geomas.json"));
        return JsonSerializer.Deserialize<GeoMasOptions>(json, new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
        })!;
    }

    public static CatalogBuildResult Build(GeoMasOptions options, IStyleReader? reader = null, Func<string, string?>? environment = null) =>
        CatalogBuilder.Build(options, ConfigDirectory, reader ?? new FakeStyleReader(), Crs, environment ?? (_ => null));

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

/// <summary>Returns one style per file (or what a test set for it), throws for files a test marked as broken, counts reads.</summary>
internal sealed class FakeStyleReader : IStyleReader
{
    public Dictionary<string, IReadOnlyList<Style>> StylesByFileName { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> FailuresByFileName { get; } = new(StringComparer.Ordinal);
    public int Reads { get; private set; }

    public IReadOnlyList<Style> Read(string path)
    {
        Reads++;
        var name = Path.GetFileName(path);
        if (FailuresByFileName.TryGetValue(name, out var failure))
            throw new FormatException(failure);
        return StylesByFileName.TryGetValue(name, out var styles)
            ? styles
            : [new Style("default", "Default", "", []), new Style("alt", "", "", [])];
    }
}
