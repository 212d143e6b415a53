using GeoMas.Ogc.Integration.Tests.Interop;
using GeoMas.Ogc.Integration.Tests.Server;
using GeoMas.Ogc.Server.Cli;

namespace GeoMas.Ogc.Integration.Tests.Rasters.Interop;

/// <summary>
/// The inner 800 m of the demo orthophoto cut into four 2000 × 2000 COGs (<c>gdal_translate -srcwin</c>, COG driver, JPEG as the
/// generator makes them), indexed with <c>geomas index-rasters</c>, and the embedded configuration served on real
/// Kestrel with its <c>ortho</c> source pointed at the index — what <c>GEOMAS_ORTHO=index.json</c> does, given on the
/// command line instead so that other fixtures running meanwhile keep the demo COG. The mosaic is smaller than the
/// demo so that its extent in the capabilities shows it is the one served.
/// </summary>
public sealed class DemoMosaicServerFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("geomas-demo-mosaic-");
    private KestrelTestApp? _server;

    /// <summary>Where the four files meet: pixel (2500, 2500) of the demo, its centre.</summary>
    public const double CornerX = 944500;

    /// <summary>Where the four files meet: pixel (2500, 2500) of the demo, its centre.</summary>
    public const double CornerY = 6389200;

    /// <summary>The mosaic's extent in EPSG:2154: pixels 500 to 4500 of the demo each way.</summary>
    public static readonly double[] Extent = [944100, 6388800, 944900, 6389600];

    public static string Source => RepositoryPaths.Config(Path.Combine("demo", "geomas-demo-ortho.tif"));

    public string BaseUrl => _server?.BaseUrl ?? "";

    public async Task InitializeAsync()
    {
        var tiles = Directory.CreateDirectory(Path.Combine(_folder.FullName, "tiles"));
        foreach (var (column, row) in new[] { (500, 500), (2500, 500), (500, 2500), (2500, 2500) })
        {
            var run = await ExternalTool.RunAsync("gdal_translate",
                ["-q", "-of", "COG", "-co", "COMPRESS=JPEG", "-co", "QUALITY=90", "-co", "BLOCKSIZE=512",
                 "-co", "OVERVIEW_RESAMPLING=AVERAGE", "-srcwin", $"{column}", $"{row}", "2000", "2000",
                 Source, Path.Combine(tiles.FullName, $"ortho_{row}_{column}.tif")]);
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        var index = Path.Combine(_folder.FullName, "index.json");
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await IndexRastersCommand.RunAsync(CommandLine.Parse(["index-rasters", tiles.FullName, "--output", index]), output, errors);
        Assert.True(exit == 0, output + errors.ToString());

        _server = await KestrelTestApp.StartAsync("--config", RepositoryPaths.Config("geomas.json"), $"--Sources:ortho:Path={index}");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        _folder.Delete(recursive: true);
    }
}
