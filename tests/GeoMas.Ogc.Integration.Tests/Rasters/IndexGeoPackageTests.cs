using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Integration.Tests.Interop;
using GeoMas.Ogc.Server.Cli;
using GeoMas.Ogc.Sources.Rasters;
using GeoMas.Ogc.Sources.Rasters.Mosaics;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Integration.Tests.Rasters;

/// <summary>
/// <c>geomas index-rasters --output index.gpkg</c>: the footprint index as a GeoPackage table. GDAL opens it as a
/// polygon layer, it holds exactly what the JSON index holds, its spatial query returns the files a box overlaps,
/// and a raster source pointed at it is the same mosaic as one pointed at the JSON index.
/// </summary>
public sealed class IndexGeoPackageTests : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("geomas-index-gpkg-");
    private string Json => Path.Combine(_folder.FullName, "index.json");
    private string GeoPackage => Path.Combine(_folder.FullName, "index.gpkg");

    // Four 1024 px files (0.2 m) from pixel (1000, 1000) of the demo: x 944200..944609.6, y 6389290.4..6389500 (top row).
    private const double West = 944200, North = 6389500, Middle = 944200 + 1024 * 0.2, Across = 6389500 - 1024 * 0.2;

    public async Task InitializeAsync()
    {
        var demo = RepositoryPaths.Config(Path.Combine("demo", "geomas-demo-ortho.tif"));
        var tiles = Directory.CreateDirectory(Path.Combine(_folder.FullName, "tiles"));
        foreach (var (column, row) in new[] { (0, 0), (1024, 0), (0, 1024), (1024, 1024) })
        {
            var run = await ExternalTool.RunAsync("gdal_translate", ["-q", "-of", "COG", "-co", "COMPRESS=DEFLATE",
                "-srcwin", $"{1000 + column}", $"{1000 + row}", "1024", "1024", demo, Path.Combine(tiles.FullName, $"part_{row}_{column}.tif")]);
            Assert.True(run.ExitCode == 0, run.ToString());
        }
        foreach (var output in new[] { Json, GeoPackage })
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var exit = await IndexRastersCommand.RunAsync(CommandLine.Parse(["index-rasters", tiles.FullName, "--output", output]), stdout, stderr);
            Assert.True(exit == 0, stdout + stderr.ToString());
            Assert.Contains("indexed 4 file(s)", stdout.ToString(), StringComparison.Ordinal);
        }
    }

    public Task DisposeAsync()
    {
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Ogrinfo_reads_a_polygon_layer_of_four_footprints_in_lambert_93()
    {
        var run = await ExternalTool.RunAsync("ogrinfo", ["-so", GeoPackage, IndexGeoPackage.TableName]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Geometry: Polygon", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Feature Count: 4", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Extent: (944200.000000, 6389090.400000) - (944609.600000, 6389500.000000)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("ID[\"EPSG\",2154]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("location: String", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_geopackage_holds_what_the_json_index_holds()
    {
        var json = MosaicIndex.Read(Json);
        var geoPackage = IndexGeoPackage.Read(GeoPackage);

        Assert.Equal(json.Srid, geoPackage.Srid);
        Assert.Equal(json.Tiles, geoPackage.Tiles);
        Assert.Equal(json.Info, geoPackage.Info);
        Assert.True(geoPackage.IsOpaque);
    }

    [Theory]
    [InlineData(West + 1, North - 1, new[] { "part_0_0.tif" })]              // inside the north-west file
    [InlineData(Middle, Across, new[] { "part_0_0.tif", "part_0_1024.tif", "part_1024_0.tif", "part_1024_1024.tif" })] // the corner
    [InlineData(Middle + 50, Across + 50, new[] { "part_0_1024.tif" })]      // north-east file only
    [InlineData(West - 100, North + 100, new string[0])]                     // outside
    public void The_spatial_query_returns_the_files_a_box_overlaps(double x, double y, string[] expected)
    {
        var box = new Envelope(x - 0.5, x + 0.5, y - 0.5, y + 0.5);

        var files = IndexGeoPackage.Query(GeoPackage, box).Select(t => Path.GetFileName(t.Path)).Order(StringComparer.Ordinal);

        Assert.Equal(expected, files);
    }

    [Fact]
    public void A_box_that_only_touches_a_file_edge_does_not_select_it()
    {
        // Ends exactly on the vertical seam: the east files share an edge with it, no area.
        var box = new Envelope(Middle - 10, Middle, Across + 10, Across + 20);

        Assert.Equal(["part_0_0.tif"], IndexGeoPackage.Query(GeoPackage, box).Select(t => Path.GetFileName(t.Path)));
    }

    [Fact]
    public async Task A_raster_source_on_the_geopackage_reads_the_same_pixels_as_on_the_json_index()
    {
        var factory = new LocalRasterSourceFactory(CogFiles.Open);
        using var fromJson = (MosaicRasterSource)factory.OpenPath(Json);
        using var fromGeoPackage = Assert.IsType<MosaicRasterSource>(factory.OpenPath(GeoPackage));
        var request = new RasterReadRequest(new Envelope(Middle - 20, Middle + 20, Across - 20, Across + 20), 0.2, 0.2);

        using var a = await fromJson.ReadAsync(request, CancellationToken.None);
        using var b = await fromGeoPackage.ReadAsync(request, CancellationToken.None);

        Assert.NotNull(a);
        Assert.NotNull(b);
        Assert.Equal(a.Extent, b.Extent);
        Assert.True(a.Pixels.SequenceEqual(b.Pixels), "the two mosaics read different pixels");
        Assert.Equal(4, fromGeoPackage.OpenedFileTotal);
    }

    [Fact]
    public void A_geopackage_without_the_index_table_is_refused_with_a_hint()
    {
        var error = Assert.Throws<RasterSourceException>(() => IndexGeoPackage.Read(RepositoryPaths.Config(Path.Combine("demo", "geomas-demo.gpkg"))));

        Assert.Contains("index-rasters", error.Message, StringComparison.Ordinal);
    }
}
