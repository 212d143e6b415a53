using GeoMas.Ogc.Server.Cli;

namespace GeoMas.Ogc.Integration.Tests.Server;

/// <summary>
/// <c>geomas seed</c> and <c>geomas truncate</c> on the embedded default, with a disk store of the test's own: what they
/// print, and their exit codes (0 done, 1 configuration refused, 2 usage).
/// </summary>
public sealed class TileVerbTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("geomas-verbs-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string[] Common => ["--config", RepositoryPaths.Config("geomas.json"), "--cache:diskPath=" + _root];

    private async Task<(int ExitCode, string Output)> SeedAsync(params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await SeedCommand.RunAsync(CommandLine.Parse(["seed", .. Common, .. args]), output, TextWriter.Null, CancellationToken.None);
        return (exitCode, output.ToString());
    }

    private async Task<(int ExitCode, string Output)> TruncateAsync(params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await TruncateCommand.RunAsync(CommandLine.Parse(["truncate", .. Common, .. args]), output, CancellationToken.None);
        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task Seed_renders_the_asked_zooms_into_the_disk_store_and_truncate_drops_them()
    {
        var (seeded, seedOutput) = await SeedAsync("--layers", "communes", "--zoom", "0-2", "--concurrency", "1");
        Assert.True(seeded == 0, seedOutput);
        Assert.Contains("seeded ", seedOutput);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_root, "communes"), "*.png", SearchOption.AllDirectories));

        var (truncated, truncateOutput) = await TruncateAsync("--layers", "communes", "--zoom", "0-2");
        Assert.True(truncated == 0, truncateOutput);
        Assert.Contains("tile position(s) purged", truncateOutput);
        Assert.Empty(Directory.GetFiles(Path.Combine(_root, "communes"), "*.png", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("seed", new[] { "--layers", "communes" }, "seed needs --layers and --zoom")]
    [InlineData("seed", new[] { "--layers", "communes", "--zoom", "2-x" }, "zoom")]
    [InlineData("truncate", new string[0], "truncate needs --layers")]
    [InlineData("truncate", new[] { "--layers", "no_such_layer" }, "no_such_layer")]
    public async Task Usage_errors_exit_2_with_the_reason(string verb, string[] args, string reason)
    {
        var (exitCode, output) = verb == "seed" ? await SeedAsync(args) : await TruncateAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Contains("error: ", output);
        Assert.Contains(reason, output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_refused_configuration_exits_1()
    {
        var (exitCode, _) = await TruncateAsync("--layers", "communes", "--cache:diskMaxAgeDays=-1");

        Assert.Equal(1, exitCode);
    }
}
