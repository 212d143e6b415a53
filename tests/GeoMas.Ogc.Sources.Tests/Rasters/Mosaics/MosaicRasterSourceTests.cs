using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Sources.Rasters;
using GeoMas.Ogc.Sources.Rasters.Mosaics;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Sources.Tests.Rasters.Mosaics;

public sealed class MosaicRasterSourceTests
{
    private const double X0 = 944000, Y0 = 6389700;

    /// <summary>A 40 × 40 image at 1 m cut into a 4 × 4 grid of 10 × 10 files, opened by path through a counting opener.</summary>
    private sealed class Split
    {
        public GridImage Whole { get; } = GridImage.Pattern(X0, Y0, 1, 40, 40);
        public Dictionary<string, GridImage> Files { get; } = new(StringComparer.Ordinal);
        public List<string> Opened { get; } = [];
        public List<GridImage> Handed { get; } = [];

        public Split()
        {
            for (var row = 0; row < 4; row++)
                for (var column = 0; column < 4; column++)
                    Files[$"/tiles/{row}_{column}.tif"] = Whole.Crop(column * 10, row * 10, 10, 10);
        }

        public MosaicIndex Index() => new(2154, Files.Select(f => new MosaicTile(f.Key, f.Value.Info.Extent, 1, 1, true)).ToList());

        public IRasterSource Open(string path)
        {
            Opened.Add(path);
            var template = Files[path];
            // A fresh object per open, as a file reader would be, so closing can be observed.
            var copy = template.Crop(0, 0, template.Width, template.Height);
            Handed.Add(copy);
            return copy;
        }
    }

    private static async Task<byte[]> ReadAsync(IRasterSource source, Envelope extent)
    {
        using var window = await source.ReadAsync(new RasterReadRequest(extent, 1, 1), CancellationToken.None);
        Assert.NotNull(window);
        Assert.Equal(extent, window.Extent);
        return window.Pixels.ToArray();
    }

    [Theory]
    [InlineData(5, 5, 35, 35)]      // across every seam
    [InlineData(9, 9, 11, 11)]      // 2 × 2 pixels around one corner where four files meet
    [InlineData(0, 0, 40, 40)]      // everything
    [InlineData(12, 3, 18, 7)]      // inside one file
    public async Task A_read_across_the_seams_equals_the_same_read_of_the_unsplit_image(int c0, int r0, int c1, int r1)
    {
        var split = new Split();
        using var mosaic = new MosaicRasterSource(split.Index(), split.Open);
        var extent = new Envelope(X0 + c0, X0 + c1, Y0 - r1, Y0 - r0);

        Assert.Equal(await ReadAsync(split.Whole, extent), await ReadAsync(mosaic, extent));
    }

    [Fact]
    public async Task Only_the_files_a_read_touches_are_opened()
    {
        var split = new Split();
        using var mosaic = new MosaicRasterSource(split.Index(), split.Open);

        await ReadAsync(mosaic, new Envelope(X0 + 12, X0 + 18, Y0 - 7, Y0 - 3));
        Assert.Equal(["/tiles/0_1.tif"], split.Opened);
        // Touching an edge is not overlapping: the neighbour is not opened.
        await ReadAsync(mosaic, new Envelope(X0 + 10, X0 + 20, Y0 - 10, Y0));
        Assert.Equal(["/tiles/0_1.tif"], split.Opened);
        Assert.Null(await mosaic.ReadAsync(new RasterReadRequest(new Envelope(X0 + 100, X0 + 110, Y0, Y0 + 10), 1, 1), CancellationToken.None));
    }

    [Fact]
    public async Task Open_files_stay_within_the_lru_bound_and_evicted_ones_are_closed()
    {
        var split = new Split();
        using (var mosaic = new MosaicRasterSource(split.Index(), split.Open, maxOpenFiles: 3))
        {
            // Every file, one after the other.
            foreach (var (path, file) in split.Files)
                await ReadAsync(mosaic, file.Info.Extent);
            Assert.Equal(16, mosaic.OpenedFileTotal);
            Assert.Equal(3, mosaic.OpenFileCount);
            Assert.Equal(13, split.Handed.Count(h => h.Disposed));
            // A recently used file is a hit.
            await ReadAsync(mosaic, split.Files["/tiles/3_3.tif"].Info.Extent);
            Assert.Equal(16, mosaic.OpenedFileTotal);
        }
        Assert.All(split.Handed, h => Assert.True(h.Disposed));
    }

    [Fact]
    public void Info_is_the_union_and_opaque_only_without_gaps()
    {
        var split = new Split();
        var index = split.Index();
        Assert.Equal(new Envelope(X0, X0 + 40, Y0 - 40, Y0), index.Extent);
        Assert.True(index.IsOpaque);
        var withHole = new MosaicIndex(2154, index.Tiles.Skip(1).ToList());
        Assert.Equal(index.Extent, withHole.Extent);
        Assert.False(withHole.IsOpaque);
    }

    [Fact]
    public void An_index_file_round_trips_with_paths_relative_to_it()
    {
        var folder = Directory.CreateTempSubdirectory("geomas-index-");
        try
        {
            var tiles = new List<MosaicTile>
            {
                new(Path.Combine(folder.FullName, "a", "one.tif"), new Envelope(0, 10, 0, 10), 0.2, 0.2, true),
                new(Path.Combine(folder.FullName, "two.tif"), new Envelope(10, 20, 0, 10), 0.2, 0.2, false),
            };
            var path = Path.Combine(folder.FullName, "index.json");
            new MosaicIndex(2154, tiles).Write(path);
            Assert.Contains("\"a/one.tif\"", File.ReadAllText(path), StringComparison.Ordinal);

            var read = MosaicIndex.Read(path);
            Assert.Equal(2154, read.Srid);
            Assert.Equal(tiles, read.Tiles);
            Assert.Equal([1], read.Query(new Envelope(15, 16, 5, 6)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_file_that_is_not_an_index_is_reported()
    {
        var path = Path.Combine(Path.GetTempPath(), $"geomas-not-index-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"type": "FeatureCollection"}""");
        try
        {
            var error = Assert.Throws<RasterSourceException>(() => MosaicIndex.Read(path));
            Assert.Contains("not a raster index", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
