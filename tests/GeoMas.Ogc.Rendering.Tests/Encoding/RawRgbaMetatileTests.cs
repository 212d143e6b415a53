using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Encoders;
using SkiaSharp;
using static GeoMas.Ogc.Rendering.Tests.TestSupport.EncodedImages;

namespace GeoMas.Ogc.Rendering.Tests.ImageEncoders;

/// <summary>Metatiles travel from the renderer to the cutter as raw pixels: the tiles must be the ones a PNG metatile gives.</summary>
public class RawRgbaMetatileTests
{
    /// <summary>A 2×2 metatile of 32 px tiles in the canvas's own layout (BGRA here): a square across the top cut, a disc in the bottom-left tile, the bottom-right tile empty.</summary>
    private static SKBitmap Metatile()
    {
        var bitmap = new SKBitmap(new SKImageInfo(64, 64, SKImageInfo.PlatformColorType, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Transparent);
        using var red = new SKPaint { Color = new SKColor(220, 30, 10) };
        canvas.DrawRect(new SKRect(20, 4, 44, 20), red);
        using var blue = new SKPaint { Color = new SKColor(0, 0, 255, 100), IsAntialias = true };
        canvas.DrawCircle(20, 44, 9, blue);
        return bitmap;
    }

    [Fact]
    public void Raw_image_keeps_size_and_premultiplied_rgba_pixels()
    {
        using var metatile = Metatile();
        var raw = Encode(metatile.PeekPixels(), ImageFormat.RawRgba);

        Assert.Equal(RawRgbaImage.HeaderLength + 64 * 64 * 4, raw.Length);
        Assert.True(RawRgbaImage.TryReadHeader(raw, out var width, out var height));
        Assert.Equal((64, 64), (width, height));
        using var back = RawRgbaImage.ToBitmap(raw);
        Assert.Equal(metatile.GetPixel(30, 10), back.GetPixel(30, 10));
        Assert.Equal(metatile.GetPixel(20, 44), back.GetPixel(20, 44));
        Assert.Equal(0, back.GetPixel(2, 60).Alpha);
    }

    [Fact]
    public void Strided_crop_is_written_row_by_row()
    {
        using var metatile = Metatile();
        using var crop = metatile.PeekPixels().ExtractSubset(SKRectI.Create(16, 0, 32, 24))!;
        var raw = Encode(crop, ImageFormat.RawRgba);

        using var back = RawRgbaImage.ToBitmap(raw);
        Assert.Equal((32, 24), (back.Width, back.Height));
        for (var y = 0; y < 24; y += 5)
        {
            for (var x = 0; x < 32; x += 3)
                Assert.Equal(metatile.GetPixel(16 + x, y), back.GetPixel(x, y));
        }
    }

    [Theory]
    [InlineData("image/png; mode=8bit")]
    [InlineData("image/png")]
    [InlineData("image/jpeg")]
    public void Cutting_raw_pixels_gives_the_tiles_a_png_metatile_gives(string mime)
    {
        var format = ImageFormat.Find(mime)!;
        using var metatile = Metatile();
        var cutter = new SkiaImageCutter();

        var fromPng = cutter.Cut(Encode(metatile.PeekPixels(), ImageFormat.Png), 2, 2, 32, 32, format, RgbaColor.White);
        var fromRaw = cutter.Cut(Encode(metatile.PeekPixels(), ImageFormat.RawRgba), 2, 2, 32, 32, format, RgbaColor.White);

        Assert.Equal(4, fromRaw.Count);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(fromPng[i].IsEmpty, fromRaw[i].IsEmpty);
            Assert.Equal(fromPng[i].Bytes, fromRaw[i].Bytes);
        }
        Assert.False(fromRaw[0].IsEmpty);
        Assert.True(fromRaw[3].IsEmpty);
    }

    [Fact]
    public void Truncated_raw_image_is_refused_not_read_past_its_end()
    {
        using var metatile = Metatile();
        var raw = Encode(metatile.PeekPixels(), ImageFormat.RawRgba);

        Assert.Throws<ArgumentException>(() => RawRgbaImage.TryReadHeader(raw.AsSpan(0, raw.Length - 4), out _, out _));
        Assert.False(RawRgbaImage.TryReadHeader(Encode(metatile.PeekPixels(), ImageFormat.Png), out _, out _));
    }

    [Fact]
    public void Raw_is_never_an_advertised_output_format()
    {
        Assert.DoesNotContain(ImageFormat.RawRgba, ImageFormat.All);
        Assert.Null(ImageFormat.Find(ImageFormat.RawRgba.MimeType));
    }
}
