using GeoMas.Ogc.Server.Cli;

namespace GeoMas.Ogc.Integration.Tests.Server;

/// <summary><c>geomas sweep</c> on the embedded default's disk store, pointed at a folder of the test's own.</summary>
public sealed class SweepCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("geomas-sweep-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<(int ExitCode, string Output)> SweepAsync(params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await SweepCommand.RunAsync(
            CommandLine.Parse(["sweep", "--config", RepositoryPaths.Config("geomas.json"), "--cache:diskPath=" + _root, .. args]), output, CancellationToken.None);
        return (exitCode, output.ToString());
    }

    private string Tile(string relative, int daysAgo)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new byte[1000]);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddDays(-daysAgo));
        File.SetLastAccessTimeUtc(path, DateTime.UtcNow.AddDays(-daysAgo));
        return path;
    }

    [Fact]
    public async Task Tiles_unused_for_the_configured_age_are_deleted_now()
    {
        var old = Tile("plan/WebMercatorQuad/16/1/1/a.png", daysAgo: 40);
        var recent = Tile("plan/WebMercatorQuad/16/1/2/b.png", daysAgo: 3);

        var (exitCode, output) = await SweepAsync();

        Assert.True(exitCode == 0, output);
        Assert.Contains("2 tile(s), 2000 bytes; deleted 1 tile(s), 1000 bytes", output);
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
    }

    [Fact]
    public async Task The_options_override_the_configuration_and_zero_lifts_a_bound()
    {
        var old = Tile("plan/WebMercatorQuad/16/1/1/a.png", daysAgo: 40);
        var recent = Tile("plan/WebMercatorQuad/16/1/2/b.png", daysAgo: 3);

        var (kept, keptOutput) = await SweepAsync("--max-age-days", "0");
        Assert.True(kept == 0, keptOutput);
        Assert.True(File.Exists(old));

        var (swept, sweptOutput) = await SweepAsync("--max-age-days", "2");
        Assert.True(swept == 0, sweptOutput);
        Assert.False(File.Exists(old));
        Assert.False(File.Exists(recent));
    }

    [Fact]
    public async Task Bad_options_and_a_store_not_on_disk_are_usage_errors()
    {
        var (badNumber, badNumberOutput) = await SweepAsync("--max-age-days", "thirty");
        Assert.Equal(2, badNumber);
        Assert.Contains("--max-age-days expects an integer", badNumberOutput);

        var (negative, negativeOutput) = await SweepAsync("--max-megabytes", "-5");
        Assert.Equal(2, negative);
        Assert.Contains("0 or more", negativeOutput);

        var (noDisk, noDiskOutput) = await SweepAsync("--cache:store=none");
        Assert.Equal(2, noDisk);
        Assert.Contains("not on disk", noDiskOutput);
    }
}
