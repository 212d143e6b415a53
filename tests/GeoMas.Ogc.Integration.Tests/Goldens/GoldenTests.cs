using GeoMas.Ogc.Integration.Tests.Server;
using GeoMas.Ogc.Integration.Tests.Wms;

namespace GeoMas.Ogc.Integration.Tests.Goldens;

/// <summary>
/// Rendering goldens: each case of cases.txt rendered by the real server and compared with its reference PNG
/// within <see cref="ImageTolerance.Goldens"/>. The same references serve the GeoPackage and the PostGIS server
/// (the data is identical), which proves both sources draw the same maps.
/// On a mismatch, tests/out/goldens/&lt;source&gt;/&lt;name&gt;.actual.png and .diff.png (differing pixels in magenta)
/// show what changed.
/// To regenerate the references after a deliberate rendering change, set GEOMAS_UPDATE_GOLDENS=1 and run the
/// GeoPackage class only: <c>GEOMAS_UPDATE_GOLDENS=1 dotnet test tests/GeoMas.Ogc.Integration.Tests --filter
/// FullyQualifiedName~GoldenGeoPackageTests</c>; then look at every image in Goldens/expected before committing.
/// </summary>
public abstract class GoldenTests(HttpClient client, string source, bool writesReferences)
{
    private static bool Updating => Environment.GetEnvironmentVariable("GEOMAS_UPDATE_GOLDENS") == "1";

    public static TheoryData<string> Cases => GoldenCase.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Renders_like_the_reference(string name)
    {
        var golden = GoldenCase.Named(name);
        var (_, actual, bytes) = await WmsResponses.GetImageAsync(client, golden.Url);

        if (Updating && writesReferences)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden.ExpectedPath)!);
            await File.WriteAllBytesAsync(golden.ExpectedPath, bytes);
            return;
        }
        Assert.True(File.Exists(golden.ExpectedPath),
            $"no reference {golden.ExpectedPath}: run with GEOMAS_UPDATE_GOLDENS=1 (see {nameof(GoldenTests)})");

        var comparison = ImageComparer.Compare(RasterImage.Load(golden.ExpectedPath), actual, ImageTolerance.Goldens);
        if (!comparison.Passed)
        {
            var outFolder = Path.Combine(GoldenCase.OutFolder, source);
            actual.SavePng(Path.Combine(outFolder, name + ".actual.png"));
            comparison.Diff?.SavePng(Path.Combine(outFolder, name + ".diff.png"));
            Assert.Fail($"{name} ({source}) differs from its reference: {comparison}; see {outFolder}");
        }
    }
}

/// <summary>The goldens on the embedded GeoPackage: the server that writes the references.</summary>
public sealed class GoldenGeoPackageTests(EmbeddedServerFixture server)
    : GoldenTests(server.App.CreateClient(), "geopackage", writesReferences: true), IClassFixture<EmbeddedServerFixture>;

/// <summary>The same goldens on PostGIS: compared with the GeoPackage references, never written.</summary>
public sealed class GoldenPostGisTests(PostGisServerFixture server)
    : GoldenTests(server.App.CreateClient(), "postgis", writesReferences: false), IClassFixture<PostGisServerFixture>;
