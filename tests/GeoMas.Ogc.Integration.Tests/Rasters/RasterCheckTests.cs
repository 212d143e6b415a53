using GeoMas.Ogc.Server.Cli;

namespace GeoMas.Ogc.Integration.Tests.Rasters;

/// <summary><c>geomas check</c> opens raster sources: a missing or unreadable file is a problem; a folder of COGs is a mosaic.</summary>
public sealed class RasterCheckTests
{
    private static async Task<(int ExitCode, string Output)> CheckAsync(params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await CheckCommand.RunAsync(CommandLine.Parse(["check", "--config", RepositoryPaths.Config("geomas.json"), .. args]), output, CancellationToken.None);
        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task A_missing_orthophoto_is_reported()
    {
        var (exitCode, output) = await CheckAsync("--Sources:ortho:Path=demo/missing-ortho.tif");

        Assert.Equal(1, exitCode);
        Assert.Contains("missing-ortho.tif", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_tiff_is_reported_against_its_layer()
    {
        var (exitCode, output) = await CheckAsync("--Sources:ortho:Path=demo/manifest.json");

        Assert.Equal(1, exitCode);
        Assert.Contains("error: layer 'ortho'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_of_cogs_is_a_valid_mosaic_and_gives_the_layer_its_extent()
    {
        var folder = Directory.CreateTempSubdirectory("geomas-check-mosaic-");
        try
        {
            File.Copy(RepositoryPaths.Config(Path.Combine("demo", "geomas-demo-ortho.tif")), Path.Combine(folder.FullName, "a.tif"));
            var (exitCode, output) = await CheckAsync($"--Sources:ortho:Path={folder.FullName}");

            Assert.True(exitCode == 0, output);
            // The demo orthophoto's lon/lat extent (944000..945000, 6388700..6389700 in Lambert-93).
            Assert.Contains("ok: ortho (Raster, 2 style(s), lon/lat 6.0", output, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
