using System.Diagnostics;
using System.Globalization;

namespace GeoMas.Ogc.Sources.Tests.Rasters.Cog;

/// <summary>
/// Runs make-fixtures.sh once (GDAL from Debian: gdal_translate, gdalwarp, gdaladdo, gdalinfo) into a temp folder:
/// GeoTIFFs in every layout the reader supports, and GDAL's own decoding of each level as raw RGB(A).
/// </summary>
public sealed class CogFixtures : IDisposable
{
    public CogFixtures()
    {
        Directory = Path.Combine(Path.GetTempPath(), "geomas-cog-" + Guid.NewGuid().ToString("N"));
        var root = FindRepositoryRoot();
        var script = Path.Combine(root, "tests", "GeoMas.Ogc.Sources.Tests", "Rasters", "Cog", "make-fixtures.sh");
        var ortho = Path.Combine(root, "config", "demo", "geomas-demo-ortho.tif");
        DemoOrtho = ortho;
        var start = new ProcessStartInfo("bash", [script, ortho, Directory]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdoutTask.Result;
        if (process.ExitCode != 0)
            throw new InvalidOperationException("make-fixtures.sh failed (GDAL command-line tools are required): " + stderr);
        foreach (var line in File.ReadAllLines(Path.Combine(Directory, "fixtures.txt")))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Fixtures[parts[0]] = new CogFixture(parts[0], parts[1], parts[2] == "lossy", int.Parse(parts[3], CultureInfo.InvariantCulture), Directory);
        }
    }

    public string Directory { get; }

    public string DemoOrtho { get; }

    public Dictionary<string, CogFixture> Fixtures { get; } = [];

    public string PathOf(string name) => Path.Combine(Directory, name + ".tif");

    public static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GeoMas.Ogc.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("GeoMas.Ogc.sln not found above the test binaries.");
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>One fixture: its file, how GDAL's reference bands are laid out, whether it is lossy, and its level count.</summary>
public sealed record CogFixture(string Name, string Bands, bool Lossy, int Levels, string Directory)
{
    public string TiffPath => Path.Combine(Directory, Name + ".tif");

    public string JsonPath => Path.Combine(Directory, Name + ".json");

    public int ReferenceBands => Bands is "alpha" or "mask" ? 4 : 3;

    public byte[] Reference(int level) => File.ReadAllBytes(Path.Combine(Directory, FormattableString.Invariant($"{Name}.L{level}.raw")));
}

[CollectionDefinition(Name)]
public sealed class CogFixturesCollection : ICollectionFixture<CogFixtures>
{
    public const string Name = "cog-fixtures";
}
