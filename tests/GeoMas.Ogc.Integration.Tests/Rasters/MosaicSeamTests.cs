using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Integration.Tests.Interop;
using GeoMas.Ogc.Rendering.Map;
using GeoMas.Ogc.Server.Cli;
using GeoMas.Ogc.Sources;
using GeoMas.Ogc.Sources.Rasters;
using GeoMas.Ogc.Sources.Rasters.Mosaics;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace GeoMas.Ogc.Integration.Tests.Rasters;

/// <summary>
/// A 2048 × 2048 part of the demo orthophoto, and the same cut into 4 files with <c>gdal_translate -srcwin</c> and
/// indexed with <c>geomas index-rasters</c>: maps across the seams must be identical, pixel for pixel, at full
/// resolution and at the overviews both layouts share, in Lambert-93 and reprojected.
/// </summary>
public sealed class MosaicSeamTests : IAsyncLifetime
{
    private static readonly CrsRegistry Crs = new();
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("geomas-seams-");
    private IRasterSource? _whole;
    private IRasterSource? _mosaic;

    // Where the four files meet: 1024 pixels of 0.2 m from the part's corner (column 1000, row 1000 of the demo).
    private const double SeamX = 944000 + (1000 + 1024) * 0.2;
    private const double SeamY = 6389700 - (1000 + 1024) * 0.2;

    private static readonly string[] CogOptions = ["-of", "COG", "-co", "COMPRESS=DEFLATE", "-co", "BLOCKSIZE=256", "-co", "OVERVIEW_RESAMPLING=AVERAGE"];

    public async Task InitializeAsync()
    {
        var demo = RepositoryPaths.Config(Path.Combine("demo", "geomas-demo-ortho.tif"));
        var whole = Path.Combine(_folder.FullName, "whole.tif");
        await Gdal([.. CogOptions, "-srcwin", "1000", "1000", "2048", "2048", demo, whole]);
        var tiles = Directory.CreateDirectory(Path.Combine(_folder.FullName, "tiles"));
        foreach (var (column, row) in new[] { (0, 0), (1024, 0), (0, 1024), (1024, 1024) })
            await Gdal([.. CogOptions, "-srcwin", $"{column}", $"{row}", "1024", "1024", whole, Path.Combine(tiles.FullName, $"part_{row}_{column}.tif")]);

        var index = Path.Combine(_folder.FullName, "index.json");
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await IndexRastersCommand.RunAsync(CommandLine.Parse(["index-rasters", tiles.FullName, "--output", index]), output, errors);
        Assert.True(exit == 0, output + errors.ToString());
        Assert.Contains("indexed 4 file(s)", output.ToString(), StringComparison.Ordinal);

        var factory = new LocalRasterSourceFactory(CogFiles.Open);
        _whole = factory.OpenPath(whole);
        _mosaic = factory.OpenPath(index);
        Assert.IsType<MosaicRasterSource>(_mosaic);
        // The files' extents are origin + pixels × 0.2 in floating point: equal to a micrometre, not to the bit.
        Assert.True(_whole.Info.Extent.Distance(_mosaic.Info.Extent) == 0 && Math.Abs(_whole.Info.Extent.Area - _mosaic.Info.Extent.Area) < 1e-3,
            $"{_whole.Info.Extent} vs {_mosaic.Info.Extent}");
    }

    private static async Task Gdal(string[] arguments)
    {
        var run = await ExternalTool.RunAsync("gdal_translate", ["-q", .. arguments]);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    public async Task DisposeAsync()
    {
        (_whole as IDisposable)?.Dispose();
        (_mosaic as IDisposable)?.Dispose();
        _folder.Delete(recursive: true);
        await Task.CompletedTask;
    }

    private sealed class One(IRasterSource source) : IRasterSourceProvider
    {
        public IRasterSource For(LayerDefinition layer) => source;
    }

    private static async Task<SKBitmap> RenderAsync(IRasterSource source, Envelope bbox, int srid, int size, RasterResampling resampling)
    {
        await using var features = new SourceRegistry([], Crs);
        var renderer = new SkiaMapRenderer(features, Crs, new ServiceLimits(), rasters: new One(source));
        var layer = new LayerDefinition { Id = "ortho", Title = "Ortho", Kind = LayerKind.Raster, Srid = 2154, Resampling = resampling };
        using var png = new MemoryStream();
        await renderer.RenderAsync(new MapRequest
        {
            Bbox = bbox,
            Srid = srid,
            Width = size,
            Height = size,
            Layers = [new MapLayer(layer, null)],
            Transparent = true,
        }, png, CancellationToken.None);
        return SKBitmap.Decode(png.ToArray());
    }

    [Theory]
    [InlineData(0.2, 2154, RasterResampling.Bilinear)]
    [InlineData(0.2, 2154, RasterResampling.Nearest)]
    [InlineData(0.3, 2154, RasterResampling.Cubic)]    // between levels: full resolution, resampled
    [InlineData(0.4, 2154, RasterResampling.Bilinear)] // first overview
    [InlineData(0.8, 2154, RasterResampling.Bilinear)] // second overview
    [InlineData(0.25, 3857, RasterResampling.Bilinear)]
    [InlineData(0.5, 4326, RasterResampling.Cubic)]
    public async Task Maps_across_the_seams_equal_the_unsplit_image(double metresPerPixel, int srid, RasterResampling resampling)
    {
        const int Size = 256;
        var half = Size / 2 * metresPerPixel;
        // Slightly off the seam so that the seam falls inside a pixel, not on a pixel edge.
        var lambert = new Envelope(SeamX - half + 0.07, SeamX + half + 0.07, SeamY - half - 0.05, SeamY + half - 0.05);
        var bbox = srid == 2154 ? lambert : Crs.GetTransform(2154, srid).TransformEnvelope(lambert);

        using var whole = await RenderAsync(_whole!, bbox, srid, Size, resampling);
        using var mosaic = await RenderAsync(_mosaic!, bbox, srid, Size, resampling);

        var differing = 0;
        for (var y = 0; y < Size; y++)
            for (var x = 0; x < Size; x++)
                if (whole.GetPixel(x, y) != mosaic.GetPixel(x, y))
                    differing++;
        Assert.Equal(0, differing);
        Assert.True(whole.GetPixel(Size / 2, Size / 2).Alpha == 255, "the map is not on the orthophoto");
    }
}
