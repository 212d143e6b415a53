using System.Text.Json;
using GeoMas.Ogc.Integration.Tests.Server;

namespace GeoMas.Ogc.Integration.Tests.Reload;

/// <summary>
/// A configuration the test may edit: a temporary folder with a geomas.json extending the repository's (absolute
/// data paths) and its own copy of the styles, admin endpoints on, tile cache off.
/// </summary>
internal sealed class ReloadableConfigFixture : IAsyncDisposable
{
    private TestApp? _app;

    public ReloadableConfigFixture(string? baseConfig = null, bool watch = false, string cache = """{ "store": "none" }""")
    {
        Cache = cache;
        Folder = Directory.CreateTempSubdirectory("geomas-reload-").FullName;
        Directory.CreateDirectory(StylesFolder);
        foreach (var style in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "styles")))
            File.Copy(style, Path.Combine(StylesFolder, Path.GetFileName(style)));
        BaseConfig = baseConfig ?? RepositoryPaths.Config("geomas.json");
        Watch = watch;
        WriteConfig("");
    }

    public string Folder { get; }
    public string StylesFolder => Path.Combine(Folder, "styles");
    public string ConfigFile => Path.Combine(Folder, "geomas.json");
    public string BaseConfig { get; }
    public bool Watch { get; }
    public string Cache { get; }

    public TestApp App => _app ?? throw new InvalidOperationException("not started");

    public async Task<TestApp> StartAsync()
    {
        _app = await TestApp.StartAsync("--config", ConfigFile);
        return _app;
    }

    /// <summary>
    /// Writes geomas.json; <paramref name="extra"/> is more top-level JSON members (with a leading comma),
    /// <paramref name="mainSource"/> members of the PostGIS <c>main</c> source (a different pool size, say).
    /// </summary>
    public void WriteConfig(string extra, string mainSource = "")
    {
        var demo = Path.Combine(RepositoryPaths.Root, "config", "demo");
        var sources = Path.GetFileName(BaseConfig) == "geomas.json"
            ? $$"""
              "sources": { "main": { "kind": "geopackage", "path": {{JsonSerializer.Serialize(Path.Combine(demo, "geomas-demo.gpkg"))}} },
                           "ortho": { "path": {{JsonSerializer.Serialize(Path.Combine(demo, "geomas-demo-ortho.tif"))}} } },
              """
            : $$"""
              "sources": { {{(mainSource.Length == 0 ? "" : $"\"main\": {{ {mainSource} }},")}} "ortho": { "path": {{JsonSerializer.Serialize(Path.Combine(demo, "geomas-demo-ortho.tif"))}} } },
              """;
        File.WriteAllText(ConfigFile, $$"""
            {
              "extends": {{JsonSerializer.Serialize(BaseConfig)}},
              {{sources}}
              "stylesDirectory": "styles",
              "cache": {{Cache}},
              "admin": { "enabled": true },
              "reload": { "watch": {{(Watch ? "true" : "false")}}, "debounceMilliseconds": 300, "drainSeconds": 1 }{{extra}}
            }
            """);
    }

    public void EditStyle(string file, string from, string to)
    {
        var path = Path.Combine(StylesFolder, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
