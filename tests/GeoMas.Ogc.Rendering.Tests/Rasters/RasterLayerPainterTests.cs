using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Rendering.Map;
using GeoMas.Ogc.Rendering.Rasters;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Tests.Rasters;

public sealed class RasterLayerPainterTests
{
    private static readonly CrsRegistry Crs = new();
    private const double OriginX = 944000, OriginY = 6389700;

    private static async Task<SKBitmap> PaintAsync(IRasterSource source, Envelope bbox, int srid, int width, int height, RasterPaintStyle style, SKColor? background = null)
    {
        var viewport = new MapViewport(bbox, width, height, 0, Crs.MetersPerUnit(srid), MapRequest.StandardDpi);
        using var surface = SkiaMapRenderer.CreateSurface(width, height);
        surface.Canvas.Clear(background ?? SKColors.Transparent);
        await new RasterLayerPainter(Crs).PaintAsync(surface.Canvas, viewport, srid, source, style, CancellationToken.None);
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        Assert.True(surface.ReadPixels(bitmap.Info, bitmap.GetPixels(), bitmap.RowBytes, 0, 0));
        return bitmap;
    }

    private static SyntheticRaster Noise(int size, double resolution) =>
        new(2154, OriginX, OriginY, resolution, size, size, (x, y) => ((byte)(x * 37 + y * 11), (byte)(x * 7 + y * 53), (byte)(x * y), 255));

    [Theory]
    [InlineData(RasterResampling.Nearest)]
    [InlineData(RasterResampling.Bilinear)]
    [InlineData(RasterResampling.Cubic)]
    public async Task SameCrs_on_the_raster_grid_copies_every_pixel_exactly(RasterResampling resampling)
    {
        var raster = Noise(64, 0.2);
        using var bitmap = await PaintAsync(raster, raster.Info.Extent, 2154, 64, 64, RasterPaintStyle.Default with { Resampling = resampling });
        for (var y = 0; y < 64; y++)
        {
            for (var x = 0; x < 64; x++)
            {
                var (r, g, b, _) = raster.Pixel(x, y);
                Assert.Equal(new SKColor(r, g, b, 255), bitmap.GetPixel(x, y));
            }
        }
    }

    [Fact]
    public async Task SameCrs_nearest_twice_enlarged_gives_two_by_two_blocks_and_reads_at_the_output_resolution()
    {
        var raster = Noise(64, 0.2);
        // The south-west quarter of the raster, 0.1 m per pixel.
        var bbox = new Envelope(OriginX, OriginX + 6.4, OriginY - 12.8, OriginY - 6.4);
        using var bitmap = await PaintAsync(raster, bbox, 2154, 64, 64, RasterPaintStyle.Default with { Resampling = RasterResampling.Nearest });
        for (var y = 0; y < 64; y++)
        {
            for (var x = 0; x < 64; x++)
            {
                var (r, g, b, _) = raster.Pixel(x / 2, 32 + y / 2);
                Assert.Equal(new SKColor(r, g, b, 255), bitmap.GetPixel(x, y));
            }
        }
        var request = Assert.Single(raster.Requests);
        Assert.Equal(0.1, request.ResolutionX, 9);
        Assert.Equal(0.1, request.ResolutionY, 9);
    }

    [Fact]
    public async Task Opacity_blends_the_raster_over_what_is_below()
    {
        var raster = new SyntheticRaster(2154, OriginX, OriginY, 1, 8, 8, (_, _) => (200, 0, 0, 255));
        using var bitmap = await PaintAsync(raster, raster.Info.Extent, 2154, 8, 8, new RasterPaintStyle(0.5, RasterResampling.Bilinear), SKColors.White);
        var pixel = bitmap.GetPixel(4, 4);
        Assert.InRange(pixel.Red, 226, 229);
        Assert.InRange(pixel.Green, 126, 129);
        Assert.InRange(pixel.Blue, 126, 129);
    }

    [Fact]
    public async Task Outside_the_raster_stays_transparent()
    {
        var raster = Noise(16, 1);
        var bbox = new Envelope(OriginX - 16, OriginX + 16, OriginY - 16, OriginY + 16);
        using var bitmap = await PaintAsync(raster, bbox, 2154, 32, 32, RasterPaintStyle.Default);
        Assert.Equal(0, bitmap.GetPixel(5, 5).Alpha);      // north-west of the raster
        Assert.Equal(255, bitmap.GetPixel(20, 20).Alpha);  // inside
        Assert.Equal(0, bitmap.GetPixel(20, 10).Alpha);    // north of it
    }

    [Fact]
    public async Task Resampling_modes_differ_when_enlarging_an_edge()
    {
        // Two columns, black then white, enlarged 32 times across.
        var raster = new SyntheticRaster(2154, OriginX, OriginY, 1, 2, 1, (x, _) => x == 0 ? ((byte)0, (byte)0, (byte)0, (byte)255) : ((byte)255, (byte)255, (byte)255, (byte)255));
        var bbox = new Envelope(OriginX, OriginX + 2, OriginY - 1, OriginY);
        async Task<byte[]> Row(RasterResampling mode)
        {
            using var bitmap = await PaintAsync(raster, bbox, 2154, 64, 4, RasterPaintStyle.Default with { Resampling = mode });
            return Enumerable.Range(0, 64).Select(x => bitmap.GetPixel(x, 2).Red).ToArray();
        }
        var nearest = await Row(RasterResampling.Nearest);
        var bilinear = await Row(RasterResampling.Bilinear);
        var cubic = await Row(RasterResampling.Cubic);

        Assert.Equal([0, 255], nearest.Distinct().Order().ToArray());
        Assert.True(bilinear.Distinct().Count() > 20, "bilinear makes a ramp");
        for (var x = 1; x < 64; x++)
            Assert.True(bilinear[x] >= bilinear[x - 1], "the bilinear ramp rises monotonically");
        // Halfway along the ramp both are mid-grey; a quarter of the way, Catmull-Rom is darker (steeper edge).
        Assert.InRange(bilinear[32], 120, 135);
        Assert.InRange(cubic[32], 120, 135);
        Assert.True(cubic[24] < bilinear[24] - 5, $"cubic {cubic[24]} vs bilinear {bilinear[24]}");
    }

    [Theory]
    [InlineData(3857)]
    [InlineData(4326)]
    public async Task Reprojected_markers_land_within_half_a_pixel_of_their_projected_position(int srid)
    {
        // 1 m pixels, grey, with three coloured marker pixels at known Lambert-93 positions.
        var markers = new (int X, int Y, SKColor Colour)[] { (450, 550, SKColors.Red), (420, 580, new SKColor(0, 255, 0)), (500, 520, SKColors.Blue) };
        var raster = new SyntheticRaster(2154, OriginX, OriginY, 1, 1000, 1000, (x, y) =>
        {
            foreach (var m in markers)
            {
                if (m.X == x && m.Y == y)
                    return (m.Colour.Red, m.Colour.Green, m.Colour.Blue, 255);
            }
            return (128, 128, 128, 255);
        });
        var toMap = Crs.GetTransform(2154, srid);
        var bbox = toMap.TransformEnvelope(new Envelope(944400, 944528, 6389100, 6389228));
        const int size = 512; // about 0.25 m per pixel: a marker covers about 4 × 4 pixels
        var viewport = new MapViewport(bbox, size, size, 0, Crs.MetersPerUnit(srid), MapRequest.StandardDpi);
        using var bitmap = await PaintAsync(raster, bbox, srid, size, size, RasterPaintStyle.Default with { Resampling = RasterResampling.Nearest });

        foreach (var (mx, my, colour) in markers)
        {
            var (cx, cy) = raster.Centre(mx, my);
            toMap.Transform(ref cx, ref cy);
            double expectedX = viewport.X(cx), expectedY = viewport.Y(cy);
            double sumX = 0, sumY = 0;
            var n = 0;
            for (var y = 0; y < size; y++)
            {
                for (var x = 0; x < size; x++)
                {
                    if (bitmap.GetPixel(x, y) == colour)
                    {
                        sumX += x + 0.5;
                        sumY += y + 0.5;
                        n++;
                    }
                }
            }
            Assert.InRange(n, 6, 40);
            var error = Math.Sqrt(Math.Pow(sumX / n - expectedX, 2) + Math.Pow(sumY / n - expectedY, 2));
            Assert.True(error <= 0.5, $"marker {colour} is {error:0.###} px from its projected position in EPSG:{srid}");
        }
    }

    [Fact]
    public async Task Reprojected_bilinear_gradient_matches_the_exact_projection()
    {
        // Red grows 1 per metre eastwards, green 1 per metre southwards: the value at a point encodes its position.
        var raster = new SyntheticRaster(2154, OriginX, OriginY, 1, 250, 250, (x, y) => ((byte)x, (byte)y, 0, 255));
        var toMap = Crs.GetTransform(2154, 3857);
        var toSource = Crs.GetTransform(3857, 2154);
        var bbox = toMap.TransformEnvelope(new Envelope(OriginX + 20, OriginX + 220, OriginY - 220, OriginY - 20));
        const int size = 256;
        var viewport = new MapViewport(bbox, size, size, 0, 1, MapRequest.StandardDpi);
        using var bitmap = await PaintAsync(raster, bbox, 3857, size, size, RasterPaintStyle.Default);
        var worst = 0.0;
        for (var y = 8; y < size - 8; y += 7)
        {
            for (var x = 8; x < size - 8; x += 7)
            {
                double wx = viewport.WorldX(x + 0.5), wy = viewport.WorldY(y + 0.5);
                toSource.Transform(ref wx, ref wy);
                var expectedRed = wx - OriginX - 0.5;
                var expectedGreen = OriginY - wy - 0.5;
                var pixel = bitmap.GetPixel(x, y);
                if (expectedRed is < 1 or > 248 || expectedGreen is < 1 or > 248)
                    continue;
                worst = Math.Max(worst, Math.Max(Math.Abs(pixel.Red - expectedRed), Math.Abs(pixel.Green - expectedGreen)));
            }
        }
        // One output pixel is about 0.8 source pixel here: an error of 1 grey level is about a quarter pixel.
        Assert.True(worst <= 1.0, $"worst gradient error {worst:0.###} levels");
    }

    [Fact]
    public async Task Reprojected_read_asks_for_the_output_resolution_in_the_source_crs()
    {
        var raster = Noise(512, 0.2);
        var toMap = Crs.GetTransform(2154, 3857);
        // The 3857 bbox of a 100 m square is about 104 m wide in Lambert-93 terms (meridian convergence rotates
        // it by about 2°): 100 pixels across it are 1.04 m each, and that is what the source must be asked for.
        var bbox = toMap.TransformEnvelope(new Envelope(OriginX, OriginX + 100, OriginY - 100, OriginY));
        await PaintAsync(raster, bbox, 3857, 100, 100, RasterPaintStyle.Default);
        var request = Assert.Single(raster.Requests);
        Assert.InRange(request.ResolutionX, 1.0, 1.05);
    }
}
