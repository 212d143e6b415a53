using System.Diagnostics;
using GeoMas.Ogc.Server.Cli;

namespace GeoMas.Ogc.Integration.Tests.Server;

/// <summary><c>geomas check</c>: exit codes and the problems it prints.</summary>
public class CheckCommandTests
{
    private static async Task<(int ExitCode, string Output)> CheckAsync(params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await CheckCommand.RunAsync(CommandLine.Parse(["check", .. args]), output, CancellationToken.None);
        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task The_embedded_configuration_is_valid()
    {
        var (exitCode, output) = await CheckAsync("--config", RepositoryPaths.Config("geomas.json"));

        Assert.True(exitCode == 0, output);
        Assert.Contains("configuration is valid: 9 layers, 2 sources", output);
    }

    [Fact]
    public async Task The_postgis_configuration_is_valid_against_the_database()
    {
        var (exitCode, output) = await CheckAsync(
            "--config", RepositoryPaths.Config("geomas.postgis.json"), "--Sources:main:ConnectionString=" + RepositoryPaths.PostGis);

        Assert.True(exitCode == 0, output);
        Assert.Contains("geomas.json + ", output);
    }

    [Fact]
    public async Task A_wrong_table_name_in_postgis_fails()
    {
        var (exitCode, output) = await CheckAsync(
            "--config", RepositoryPaths.Config("geomas.postgis.json"), "--Sources:main:ConnectionString=" + RepositoryPaths.PostGis,
            "--Layers:1:Table=parcelles_typo");

        Assert.Equal(1, exitCode);
        Assert.Contains("error: layer 'parcelles':", output);
        Assert.Contains("parcelles_typo", output);
        Assert.Contains("1 problem(s) found", output);
    }

    [Fact]
    public async Task A_broken_tile_matrix_set_is_a_problem()
    {
        var directory = Directory.CreateTempSubdirectory("geomas-check-tms-");
        try
        {
            // A config beside its own tilematrixsets/ folder takes that folder instead of the base file's.
            var config = Path.Combine(directory.FullName, "tiles.json");
            await File.WriteAllTextAsync(config, $$"""
                { "extends": {{System.Text.Json.JsonSerializer.Serialize(RepositoryPaths.Config("geomas.json"))}},
                  "sources": { "main": { "path": "{{Path.Combine(RepositoryPaths.Root, "config", "demo", "geomas-demo.gpkg").Replace("\\", "/")}}" },
                               "ortho": { "path": "{{Path.Combine(RepositoryPaths.Root, "config", "demo", "geomas-demo-ortho.tif").Replace("\\", "/")}}" } },
                  "stylesDirectory": "{{Path.Combine(RepositoryPaths.Root, "styles").Replace("\\", "/")}}" }
                """);
            var sets = Directory.CreateDirectory(Path.Combine(directory.FullName, "tilematrixsets"));
            await File.WriteAllTextAsync(Path.Combine(sets.FullName, "Broken.json"),
                """{ "id": "Broken", "crs": "http://www.opengis.net/def/crs/EPSG/0/2154", "tileMatrices": [] }""");

            var (exitCode, output) = await CheckAsync("--config", config);

            Assert.Equal(1, exitCode);
            Assert.Contains("error: Broken.json:", output);
            Assert.Contains("1 problem(s) found", output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_broken_configuration_lists_every_problem()
    {
        var directory = Directory.CreateTempSubdirectory("geomas-check-");
        try
        {
            var config = Path.Combine(directory.FullName, "broken.json");
            // Extends the real file by absolute path, then breaks three things.
            await File.WriteAllTextAsync(config, $$"""
                {
                  "extends": {{System.Text.Json.JsonSerializer.Serialize(RepositoryPaths.Config("geomas.json"))}},
                  "sources": { "main": { "path": "{{Path.Combine(RepositoryPaths.Root, "config", "demo", "geomas-demo.gpkg").Replace("\\", "/")}}" },
                               "ortho": { "path": "{{Path.Combine(RepositoryPaths.Root, "config", "demo", "geomas-demo-ortho.tif").Replace("\\", "/")}}" } },
                  "stylesDirectory": "{{Path.Combine(RepositoryPaths.Root, "styles").Replace("\\", "/")}}",
                  "limits": { "maxWidth": 0 },
                  "layers": [ { "idColumn": "" }, { "source": "elsewhere" } ],
                  "crs": [ 2154, 3857, 4326, 4171, 3942, 3943, 3944, 3945, 3946, 3947, 3948, 3949, 3950, 32631, 32632, 31337 ]
                }
                """);

            var (exitCode, output) = await CheckAsync("--config", config);

            Assert.Equal(1, exitCode);
            Assert.Contains("error: limits.maxWidth = 0 is out of range", output);
            Assert.Contains("error: layer 'communes': idColumn is required", output);
            Assert.Contains("error: layer 'parcelles': source 'elsewhere' is not defined in sources", output);
            Assert.Contains("error: crs: EPSG:31337 is not supported", output);
            Assert.Contains("4 problem(s) found", output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_program_exits_non_zero_on_a_broken_configuration()
    {
        var program = Path.Combine(AppContext.BaseDirectory, "geomas.dll");
        var broken = await RunProgramAsync(program, "check", "--config", RepositoryPaths.Config("geomas.json"), "--Layers:0:Srid=999");
        var fine = await RunProgramAsync(program, "check", "--config", RepositoryPaths.Config("geomas.json"));

        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("layer 'communes': srid 999 is not a supported CRS", broken.Output);
        Assert.True(fine.ExitCode == 0, fine.Output);
    }

    private static async Task<(int ExitCode, string Output)> RunProgramAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        start.ArgumentList.Add(program);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
