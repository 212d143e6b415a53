using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Rendering.Map;
using GeoMas.Ogc.Rendering.Rasters;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Tests.Rasters;

/// <summary>
/// The direct resampler (map in the raster's CRS, opaque window) against Skia's image drawing, which the painter
/// uses otherwise: the same pixels within one grey level, the same coverage, and the fallbacks where it must not run.
/// </summary>
public sealed class AxisAlignedResamplerTests
{
    private static readonly CrsRegistry Crs = new();
    private const double OriginX = 944000, OriginY = 6389700;

    private static SyntheticRaster Noise(int size, double resolution, byte alpha = 255) =>
        new(2154, OriginX, OriginY, resolution, size, size, (x, y) => ((byte)(x * 37 + y * 11), (byte)(x * 7 + y * 53), (byte)(x * y), alpha));

    /// <summary>Paints through the painter, with (direct) or without (Skia) the surface's pixels; returns RGBA pixels.</summary>
    private static async Task<byte[]> PaintAsync(IRasterSource source, Envelope bbox, int width, int height, RasterPaintStyle style, bool direct)
    {
        var viewport = new MapViewport(bbox, width, height, 0, 1, MapRequest.StandardDpi);
        using var surface = SkiaMapRenderer.CreateSurface(width, height);
        surface.Canvas.Clear(new SKColor(10, 200, 30, 0));
        using var pixels = surface.PeekPixels();
        await new RasterLayerPainter(Crs).PaintAsync(surface.Canvas, viewport, 2154, source, style, CancellationToken.None, direct ? pixels : null);
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var rgba = new byte[info.BytesSize];
        var handle = System.Runtime.InteropServices.GCHandle.Alloc(rgba, System.Runtime.InteropServices.GCHandleType.Pinned);
        try
        {
            Assert.True(surface.ReadPixels(info, handle.AddrOfPinnedObject(), info.RowBytes, 0, 0));
        }
        finally
        {
            handle.Free();
        }
        return rgba;
    }

    public static TheoryData<double, double, double, int, RasterResampling> Views => new()
    {
        // x offset (m), y offset (m), metres per output pixel, output size, resampling. The raster is 0.2 m, 96 × 96.
        { 1.03, 2.71, 0.2, 64, RasterResampling.Bilinear },   // W6 at 20 cm: native scale, sub-pixel shift
        { 0.0, 0.0, 0.2, 96, RasterResampling.Bilinear },     // exactly on the grid: a copy
        { 0.37, 1.11, 0.25, 64, RasterResampling.Bilinear },  // reduced 1.25× (W6 at 1 m on the 0.8 m overview)
        { 0.5, 0.9, 0.31, 48, RasterResampling.Bilinear },    // reduced 1.56× (W6 at 5 m on the 3.2 m overview)
        { 3.3, 4.1, 0.07, 80, RasterResampling.Bilinear },    // enlarged about 3×
        { -2.13, -3.37, 0.2, 64, RasterResampling.Bilinear }, // the raster's north-west corner inside the map
        { 12.1, 11.3, 0.23, 40, RasterResampling.Bilinear },  // its south-east corner inside the map
        { 1.03, 2.71, 0.2, 64, RasterResampling.Nearest },
        { 0.37, 1.11, 0.25, 64, RasterResampling.Nearest },
        { 3.3, 4.1, 0.07, 80, RasterResampling.Nearest },
        { -2.13, -3.37, 0.13, 64, RasterResampling.Nearest },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task Direct_resampling_draws_what_skia_draws(double dx, double dy, double resolution, int size, RasterResampling resampling)
    {
        var raster = Noise(96, 0.2);
        var minX = OriginX + dx;
        var maxY = OriginY - dy;
        var bbox = new Envelope(minX, minX + size * resolution, maxY - size * resolution, maxY);
        var style = RasterPaintStyle.Default with { Resampling = resampling };

        var skia = await PaintAsync(raster, bbox, size, size, style, direct: false);
        var direct = await PaintAsync(raster, bbox, size, size, style, direct: true);

        var worst = 0;
        var drawn = 0;
        for (var i = 0; i < skia.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(skia[i] - direct[i]));
            if (i % 4 == 3 && skia[i] == 255)
                drawn++;
        }
        Assert.True(drawn > size * size / 4, $"only {drawn} pixels drawn: the view misses the raster");
        // Nearest picks the same pixels; bilinear weights are rounded to 1/128, Skia's to its own steps.
        Assert.True(worst <= (resampling == RasterResampling.Nearest ? 0 : 2), $"worst channel difference {worst}");
    }

    [Fact]
    public async Task Direct_resampling_keeps_the_pixels_outside_the_raster()
    {
        var raster = Noise(32, 1);
        var bbox = new Envelope(OriginX - 16, OriginX + 16, OriginY - 16, OriginY + 16);
        var rgba = await PaintAsync(raster, bbox, 32, 32, RasterPaintStyle.Default, direct: true);
        Assert.Equal(0, rgba[(5 * 32 + 5) * 4 + 3]);    // north-west of the raster: the cleared canvas
        Assert.Equal(255, rgba[(20 * 32 + 20) * 4 + 3]); // inside
        Assert.Equal(0, rgba[(10 * 32 + 20) * 4 + 3]);   // north of it
    }

    [Theory]
    [InlineData(0.5, RasterResampling.Bilinear, 255)] // opacity blends with what is below
    [InlineData(1.0, RasterResampling.Cubic, 255)]    // Catmull-Rom is Skia's
    [InlineData(1.0, RasterResampling.Bilinear, 200)] // a translucent window needs src-over
    public async Task Translucent_styles_cubic_and_windows_with_alpha_are_left_to_skia(double opacity, RasterResampling resampling, byte alpha)
    {
        var raster = Noise(32, 0.2, alpha);
        var viewport = new MapViewport(raster.Info.Extent, 20, 20, 0, 1, MapRequest.StandardDpi);
        using var window = (await raster.ReadAsync(new RasterReadRequest(raster.Info.Extent, 0.32, 0.32), CancellationToken.None))!;
        using var surface = SkiaMapRenderer.CreateSurface(20, 20);
        using var pixels = surface.PeekPixels();
        Assert.False(RasterLayerPainter.TryResampleDirectly(surface.Canvas, pixels, viewport, window, new RasterPaintStyle(opacity, resampling)));
        Assert.True(RasterLayerPainter.TryResampleDirectly(surface.Canvas, pixels, viewport, window, RasterPaintStyle.Default) == (alpha == 255));
    }

    [Fact]
    public async Task A_transformed_canvas_is_left_to_skia()
    {
        var raster = Noise(32, 0.2);
        var viewport = new MapViewport(raster.Info.Extent, 20, 20, 0, 1, MapRequest.StandardDpi);
        using var window = (await raster.ReadAsync(new RasterReadRequest(raster.Info.Extent, 0.32, 0.32), CancellationToken.None))!;
        using var surface = SkiaMapRenderer.CreateSurface(20, 20);
        using var pixels = surface.PeekPixels();
        surface.Canvas.Translate(3, 0);
        Assert.False(RasterLayerPainter.TryResampleDirectly(surface.Canvas, pixels, viewport, window, RasterPaintStyle.Default));
    }

    [Theory]
    [InlineData(0.2, 0, 0)]     // before the first pixel centre: all on pixel 0
    [InlineData(0.5, 0, 0)]     // on the first centre
    [InlineData(3.75, 3, 32)]   // a quarter of the way from centre 3 to centre 4
    [InlineData(4.4999, 3, 128)] // just before centre 4 (weights round to 1/128)
    [InlineData(9.5, 8, 128)]   // on the last centre: index size − 2 with all the weight on the next pixel
    [InlineData(9.9, 8, 128)]   // past it
    public void Taps_clamp_at_the_edges_and_weigh_in_128ths(double position, int index, int weight)
    {
        Assert.Equal((index, weight), AxisAlignedResampler.Tap(position, 10));
    }

    [Theory]
    [InlineData(RasterResampling.Nearest)]
    [InlineData(RasterResampling.Bilinear)]
    public void Rgba_and_bgra_canvases_get_the_same_pixels_each_in_its_order_and_only_inside_the_area(RasterResampling resampling)
    {
        var source = new byte[16 * 16 * 4];
        for (var i = 0; i < 16 * 16; i++)
        {
            source[i * 4] = (byte)(i * 7);
            source[i * 4 + 1] = (byte)(i * 13 + 5);
            source[i * 4 + 2] = (byte)(255 - i);
            source[i * 4 + 3] = 255;
        }
        var rgba = new byte[20 * 20 * 4];
        var bgra = new byte[20 * 20 * 4];
        var area = new SKRectI(2, 3, 14, 15);
        var map = new AxisMapping(2, 3, 0.77, 0.81);
        AxisAlignedResampler.Draw(source, 16, 16, rgba, 80, bgra: false, area, map, resampling);
        AxisAlignedResampler.Draw(source, 16, 16, bgra, 80, bgra: true, area, map, resampling);

        for (var y = 0; y < 20; y++)
        {
            for (var x = 0; x < 20; x++)
            {
                var p = (y * 20 + x) * 4;
                Assert.Equal((rgba[p], rgba[p + 1], rgba[p + 2], rgba[p + 3]), (bgra[p + 2], bgra[p + 1], bgra[p], bgra[p + 3]));
                Assert.Equal(area.Contains(x, y) ? 255 : 0, rgba[p + 3]);
            }
        }
        // Canvas pixel (2, 3) is sampled at source (0.385, 0.405), before the first pixel centre: pixel (0, 0) in both modes.
        Assert.Equal((source[0], source[1], source[2]), (rgba[(3 * 20 + 2) * 4], rgba[(3 * 20 + 2) * 4 + 1], rgba[(3 * 20 + 2) * 4 + 2]));
    }
}
