using System.Globalization;
using System.Text.Json;
using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Sources.Rasters.Cog;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Sources.Tests.Rasters.Cog;

/// <summary>The reader's pixels and georeferencing against GDAL's view of the same files.</summary>
[Collection(CogFixturesCollection.Name)]
public sealed class CogRasterSourceGdalTests(CogFixtures fixtures)
{
    public static TheoryData<string> AllFixtures => new()
    {
        "cog-jpeg", "deflate-pred2", "lzw-pred2", "cog-lzw", "bigtiff-be", "bigtiff-le", "striped-lzw", "striped-packbits",
        "striped-none-be", "alpha-deflate", "mask-deflate", "mask-cog-jpeg", "nodata-lzw", "pixel-is-point",
        "cog-webp", "webp-lossless-alpha", "planar-deflate", "planar-striped-alpha",
    };

    private static CogReaderOptions Uncached() => new() { Cache = new DecodedTileCache(64L * 1024 * 1024) };

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public async Task EveryLevelDecodesLikeGdal(string name)
    {
        var fixture = fixtures.Fixtures[name];
        using var source = CogRasterSource.Open(fixture.TiffPath, Uncached());
        Assert.Equal(fixture.Levels, source.Overviews.Count);
        foreach (var level in source.Overviews)
        {
            using var window = await source.ReadPixelsAsync(level.Level, 0, 0, level.Width, level.Height, CancellationToken.None);
            var reference = fixture.Reference(level.Level);
            Assert.Equal(level.Width * level.Height * fixture.ReferenceBands, reference.Length);
            GdalComparison.AssertMatches(fixture, window, reference, level.Width, 0, 0);
        }
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void GeoreferencingEqualsGdalinfo(string name)
    {
        var fixture = fixtures.Fixtures[name];
        using var source = CogRasterSource.Open(fixture.TiffPath, Uncached());
        using var json = JsonDocument.Parse(File.ReadAllText(fixture.JsonPath));
        var root = json.RootElement;
        var transform = root.GetProperty("geoTransform").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var size = root.GetProperty("size").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var wkt = root.GetProperty("coordinateSystem").GetProperty("wkt").GetString()!;
        var epsg = int.Parse(wkt[(wkt.LastIndexOf("ID[\"EPSG\",", StringComparison.Ordinal) + 10)..].TrimEnd(']', ' ', '\n'), CultureInfo.InvariantCulture);

        Assert.Equal(epsg, source.Info.Srid);
        Assert.Equal(size[0], source.Overviews[0].Width);
        Assert.Equal(size[1], source.Overviews[0].Height);
        Assert.Equal(transform[1], source.Info.ResolutionX, 9);
        Assert.Equal(-transform[5], source.Info.ResolutionY, 9);
        Assert.Equal(transform[0], source.Info.Extent.MinX, 6);
        Assert.Equal(transform[3], source.Info.Extent.MaxY, 6);
        Assert.Equal(transform[0] + size[0] * transform[1], source.Info.Extent.MaxX, 6);
        Assert.Equal(transform[3] + size[1] * transform[5], source.Info.Extent.MinY, 6);
        Assert.Equal(fixture.Bands == "rgb", source.Info.IsOpaque);
        Assert.Equal(name == "pixel-is-point", source.PixelIsPoint);
    }

    [Theory]
    [InlineData("deflate-pred2", 0)]
    [InlineData("deflate-pred2", 1)]
    [InlineData("cog-jpeg", 0)]
    [InlineData("cog-jpeg", 2)]
    [InlineData("striped-lzw", 1)]
    [InlineData("mask-deflate", 1)]
    [InlineData("bigtiff-be", 1)]
    [InlineData("planar-deflate", 1)]
    [InlineData("planar-striped-alpha", 0)]
    public async Task WindowReadIsPixelAlignedAndMatchesGdal(string name, int levelIndex)
    {
        var fixture = fixtures.Fixtures[name];
        using var source = CogRasterSource.Open(fixture.TiffPath, Uncached());
        var level = source.Overviews[levelIndex];
        var origin = (X: source.Info.Extent.MinX, Y: source.Info.Extent.MaxY);
        // An extent whose edges fall inside pixels: the answer covers every pixel it touches, on the level's grid.
        var extent = new Envelope(
            origin.X + 37.3 * level.ResolutionX, origin.X + 161.6 * level.ResolutionX,
            origin.Y - 140.5 * level.ResolutionY, origin.Y - 21.2 * level.ResolutionY);
        using var window = await source.ReadAsync(new RasterReadRequest(extent, level.ResolutionX, level.ResolutionY), CancellationToken.None);

        Assert.NotNull(window);
        Assert.Equal(162 - 37, window.Width);
        Assert.Equal(141 - 21, window.Height);
        Assert.Equal(origin.X + 37 * level.ResolutionX, window.Extent.MinX, 9);
        Assert.Equal(origin.X + 162 * level.ResolutionX, window.Extent.MaxX, 9);
        Assert.Equal(origin.Y - 21 * level.ResolutionY, window.Extent.MaxY, 9);
        Assert.Equal(origin.Y - 141 * level.ResolutionY, window.Extent.MinY, 9);
        GdalComparison.AssertMatches(fixture, window, fixture.Reference(levelIndex), level.Width, 37, 21);
    }

    [Fact]
    public async Task OverviewIsTheCoarsestLevelStillAsFineAsTheRequest()
    {
        using var source = CogRasterSource.Open(fixtures.PathOf("deflate-pred2"), Uncached());
        var levels = source.Overviews;
        Assert.Equal([700, 350, 175], levels.Select(l => l.Width));
        Assert.Equal(0, source.SelectLevel(levels[0].ResolutionX / 2, levels[0].ResolutionY / 2));
        Assert.Equal(0, source.SelectLevel(levels[1].ResolutionX * 0.99, levels[1].ResolutionY * 0.99));
        Assert.Equal(1, source.SelectLevel(levels[1].ResolutionX, levels[1].ResolutionY));
        Assert.Equal(1, source.SelectLevel(levels[2].ResolutionX * 0.99, levels[2].ResolutionY * 0.99));
        Assert.Equal(2, source.SelectLevel(levels[2].ResolutionX * 10, levels[2].ResolutionY * 10));

        // The window read answers at the chosen level's resolution.
        var request = new RasterReadRequest(source.Info.Extent, levels[1].ResolutionX * 1.5, levels[1].ResolutionY * 1.5);
        using var window = await source.ReadAsync(request, CancellationToken.None);
        Assert.NotNull(window);
        Assert.Equal(350, window.Width);
        Assert.Equal(300, window.Height);
        Assert.Equal(source.Info.Extent, window.Extent);
    }

    [Fact]
    public async Task ExtentOutsideIsNullAndPartlyOutsideIsClampedToTheData()
    {
        using var source = CogRasterSource.Open(fixtures.PathOf("lzw-pred2"), Uncached());
        var data = source.Info.Extent;
        var far = new Envelope(data.MaxX + 10, data.MaxX + 20, data.MinY, data.MaxY);
        Assert.Null(await source.ReadAsync(new RasterReadRequest(far, 0.2, 0.2), CancellationToken.None));

        var overlapping = new Envelope(data.MaxX - 20, data.MaxX + 20, data.MaxY - 10, data.MaxY + 50);
        using var window = await source.ReadAsync(new RasterReadRequest(overlapping, 0.2, 0.2), CancellationToken.None);
        Assert.NotNull(window);
        Assert.Equal(100, window.Width);
        Assert.Equal(50, window.Height);
        Assert.Equal(new Envelope(data.MaxX - 20, data.MaxX, data.MaxY - 10, data.MaxY), window.Extent);
    }

    [Fact]
    public async Task TooManyPixelsFallsBackToACoarserLevel()
    {
        using var source = CogRasterSource.Open(fixtures.PathOf("cog-lzw"), Uncached());
        var request = new RasterReadRequest(source.Info.Extent, 0.2, 0.2, MaxPixels: 400 * 400);
        using var window = await source.ReadAsync(request, CancellationToken.None);
        Assert.NotNull(window);
        Assert.Equal(350, window.Width);

        var impossible = new RasterReadRequest(source.Info.Extent, 0.2, 0.2, MaxPixels: 10);
        await Assert.ThrowsAsync<ArgumentException>(async () => await source.ReadAsync(impossible, CancellationToken.None));
    }

    [Theory]
    [InlineData("unsupported-uint16", "16-bit")]
    [InlineData("unsupported-float32", "32/32/32-bit")]
    public void UnsupportedEncodingsFailWhenOpenedWithAClearMessage(string name, string expected)
    {
        var error = Assert.Throws<CogFormatException>(() => CogRasterSource.Open(fixtures.PathOf(name)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotATiffIsRejected()
    {
        var path = Path.Combine(fixtures.Directory, "not-a-tiff.tif");
        File.WriteAllText(path, "this is not a TIFF file at all");
        Assert.Throws<CogFormatException>(() => CogRasterSource.Open(path));
    }
}
