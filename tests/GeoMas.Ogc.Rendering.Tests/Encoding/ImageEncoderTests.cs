using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Encoders;
using SkiaSharp;
using static GeoMas.Ogc.Rendering.Tests.TestSupport.EncodedImages;

namespace GeoMas.Ogc.Rendering.Tests.ImageEncoders;

public class ImageEncoderTests
{
    /// <summary>A map-like test image: transparent background, opaque red square, semi-transparent blue disc, a gradient band.</summary>
    private static SKBitmap Sample(bool gradient)
    {
        var bitmap = new SKBitmap(new SKImageInfo(64, 48, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Transparent);
        using var red = new SKPaint { Color = new SKColor(255, 0, 0) };
        canvas.DrawRect(new SKRect(4, 4, 24, 24), red);
        using var blue = new SKPaint { Color = new SKColor(0, 0, 255, 128), IsAntialias = true };
        canvas.DrawCircle(40, 20, 10, blue);
        if (gradient)
        {
            using var shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(64, 0),
                [SKColors.Yellow, SKColors.Green, SKColors.Purple], SKShaderTileMode.Clamp);
            using var paint = new SKPaint { Shader = shader };
            for (var y = 32; y < 48; y++)
            {
                using var row = new SKPaint { Color = new SKColor((byte)(y * 5), 30, (byte)(255 - y * 5)) };
                canvas.DrawRect(new SKRect(0, y, 64, y + 1), y % 2 == 0 ? paint : row);
            }
        }
        return bitmap;
    }

    private static int DistinctColours(SKBitmap bitmap)
    {
        var set = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
                set.Add((uint)bitmap.GetPixel(x, y));
        return set.Count;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Png8_is_an_indexed_png_with_transparency_that_decodes(bool gradient)
    {
        using var source = Sample(gradient);
        var bytes = Encode(source, ImageFormat.Png8);

        Assert.Equal(3, bytes[25]); // IHDR colour type 3 = palette
        using var decoded = SKBitmap.Decode(bytes);
        Assert.NotNull(decoded);
        Assert.Equal(64, decoded.Width);
        Assert.Equal(48, decoded.Height);
        Assert.True(DistinctColours(decoded) <= 256);
        Assert.Equal(0, decoded.GetPixel(1, 1).Alpha);
        Assert.Equal(new SKColor(255, 0, 0), decoded.GetPixel(10, 10));
        var disc = decoded.GetPixel(40, 20);
        Assert.InRange(disc.Alpha, 110, 145);
        Assert.True(disc.Blue > 200 && disc.Red < 30, disc.ToString());
    }

    [Fact]
    public void Png8_median_cut_keeps_colours_close_to_the_original()
    {
        using var source = new SKBitmap(new SKImageInfo(256, 64, SKColorType.Rgba8888, SKAlphaType.Premul));
        for (var y = 0; y < 64; y++)
            for (var x = 0; x < 256; x++)
                source.SetPixel(x, y, new SKColor((byte)x, (byte)(y * 4), (byte)(255 - x)));

        using var decoded = SKBitmap.Decode(Encode(source, ImageFormat.Png8));

        Assert.True(DistinctColours(decoded) <= 256);
        double error = 0;
        for (var y = 0; y < 64; y++)
            for (var x = 0; x < 256; x++)
            {
                var a = source.GetPixel(x, y);
                var b = decoded.GetPixel(x, y);
                error += Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue);
            }
        var meanPerChannel = error / (256 * 64 * 3);
        Assert.True(meanPerChannel < 6, $"mean error {meanPerChannel}");
    }

    /// <summary>
    /// A map tile's make-up: a few flat fills over most of the image, and far more antialiased shades than the
    /// palette holds (a band of a smooth gradient, one colour per pixel, a translucent shade of each fill).
    /// </summary>
    private static SKBitmap FillsAndShades(SKColor[] fills)
    {
        var bitmap = new SKBitmap(new SKImageInfo(256, 64, SKColorType.Rgba8888, SKAlphaType.Premul));
        for (var y = 0; y < 64; y++)
        {
            for (var x = 0; x < 256; x++)
            {
                var colour = y switch
                {
                    < 48 => fills[x * fills.Length / 256],
                    < 56 => new SKColor((byte)x, (byte)(y * 4), (byte)(255 - x)),
                    _ => fills[x * fills.Length / 256].WithAlpha((byte)(120 + ((x + y) % 128))),
                };
                bitmap.SetPixel(x, y, colour);
            }
        }
        return bitmap;
    }

    [Fact]
    public void Png8_keeps_the_exact_colour_of_flat_fills_among_more_shades_than_the_palette_holds()
    {
        // Colours off the 8-level grid of the quantizer's histogram cells: an entry at a cell's centre would miss them.
        SKColor[] fills = [new(253, 236, 227), new(201, 87, 154), new(97, 161, 13), new(250, 250, 249)];
        using var source = FillsAndShades(fills);
        Assert.True(DistinctColours(source) > 256);

        using var decoded = SKBitmap.Decode(Encode(source, ImageFormat.Png8 with { PaletteColours = 64 }));

        for (var i = 0; i < fills.Length; i++)
            Assert.Equal(fills[i], decoded.GetPixel((i * 64) + 10, 20));
    }

    [Theory]
    [InlineData(256)]
    [InlineData(64)]
    [InlineData(16)]
    public void Png8_holds_at_most_the_formats_palette_colours_and_stays_close_to_the_source(int colours)
    {
        using var source = FillsAndShades([new(253, 236, 227), new(201, 87, 154)]);

        var bytes = Encode(source, ImageFormat.Png8 with { PaletteColours = colours });

        Assert.InRange(PaletteEntries(bytes), 2, colours);
        using var decoded = SKBitmap.Decode(bytes);
        double error = 0;
        for (var y = 0; y < 64; y++)
        {
            for (var x = 0; x < 256; x++)
            {
                SKColor a = source.GetPixel(x, y), b = decoded.GetPixel(x, y);
                error += Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue) + Math.Abs(a.Alpha - b.Alpha);
            }
        }
        // Three quarters of the pixels are exact fills; the rest share what the palette has left.
        var mean = error / (256 * 64 * 4);
        Assert.True(mean < (colours >= 64 ? 1.5 : 4), $"mean error {mean} at {colours} colours");
    }

    [Fact]
    public void Png8_uses_64_colours_where_they_keep_the_picture()
    {
        using var source = FillsAndShades([new(253, 236, 227), new(201, 87, 154), new(97, 161, 13), new(250, 250, 249)]);

        var bytes = Encode(source, ImageFormat.Png8);

        Assert.InRange(PaletteEntries(bytes), 2, 64);
    }

    [Fact]
    public void Png8_takes_more_colours_when_64_would_leave_pixels_far_from_theirs()
    {
        // 160 colours far apart, in blocks of 64 pixels each, and a few hundred faint shades: 64 entries cannot hold
        // them all within 16 levels, 256 can.
        using var source = new SKBitmap(new SKImageInfo(160, 80, SKColorType.Rgba8888, SKAlphaType.Premul));
        static SKColor Block(int b) => new((byte)(b % 8 * 36), (byte)(b / 8 % 5 * 60), (byte)(b / 40 * 80));
        for (var y = 0; y < 80; y++)
        {
            for (var x = 0; x < 160; x++)
            {
                var block = (y / 8 * 16) + (x / 10);
                source.SetPixel(x, y, x % 10 == 9 && y % 8 == 7 ? new SKColor((byte)x, (byte)(y * 3), 128) : Block(block));
            }
        }

        var bytes = Encode(source, ImageFormat.Png8);

        Assert.InRange(PaletteEntries(bytes), 129, 256);
        using var decoded = SKBitmap.Decode(bytes);
        for (var block = 0; block < 160; block++)
        {
            SKColor expected = Block(block), found = decoded.GetPixel((block % 16 * 10) + 3, (block / 16 * 8) + 3);
            Assert.True(Math.Abs(expected.Red - found.Red) <= 16 && Math.Abs(expected.Green - found.Green) <= 16 && Math.Abs(expected.Blue - found.Blue) <= 16,
                $"block {block}: {expected} came out {found}");
        }
    }

    [Fact]
    public void Png8_opaque_pixels_stay_opaque_beside_translucent_shades_of_their_colour()
    {
        using var source = new SKBitmap(new SKImageInfo(256, 32, SKColorType.Rgba8888, SKAlphaType.Premul));
        for (var y = 0; y < 32; y++)
        {
            for (var x = 0; x < 256; x++)
            {
                // Opaque red on the left; red at alpha 225..254 (the top alpha levels) and a gradient on the right.
                var colour = x < 128 ? new SKColor(200, 30, 30)
                    : y < 16 ? new SKColor(200, 30, 30, (byte)(225 + (x % 30)))
                    : new SKColor((byte)x, (byte)(y * 8), 90);
                source.SetPixel(x, y, colour);
            }
        }

        using var decoded = SKBitmap.Decode(Encode(source, ImageFormat.Png8 with { PaletteColours = 8 }));

        for (var x = 0; x < 128; x += 7)
            Assert.Equal(255, decoded.GetPixel(x, 5).Alpha);
        for (var x = 128; x < 256; x += 7)
            Assert.True(decoded.GetPixel(x, 5).Alpha < 255, $"pixel {x} became opaque");
    }

    /// <summary>Entries of the PLTE chunk of a palette PNG.</summary>
    private static int PaletteEntries(byte[] png)
    {
        for (var at = 8; at + 8 <= png.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            if (png.AsSpan(at + 4, 4).SequenceEqual("PLTE"u8))
                return length / 3;
            at += 12 + length;
        }
        return 0;
    }

    [Fact]
    public void Png8_with_few_colours_uses_a_small_bit_depth()
    {
        using var source = new SKBitmap(new SKImageInfo(33, 9, SKColorType.Rgba8888, SKAlphaType.Premul));
        source.Erase(SKColors.Transparent);
        for (var x = 0; x < 33; x += 3)
            source.SetPixel(x, 4, SKColors.Black);

        var bytes = Encode(source, ImageFormat.Png8);

        Assert.Equal(1, bytes[24]); // two colours → 1 bit per pixel
        using var decoded = SKBitmap.Decode(bytes);
        Assert.Equal(SKColors.Black, decoded.GetPixel(30, 4));
        Assert.Equal(0, decoded.GetPixel(31, 4).Alpha);
    }

    [Fact]
    public void Png32_keeps_alpha()
    {
        using var source = Sample(false);
        using var decoded = SKBitmap.Decode(Encode(source, ImageFormat.Png));

        Assert.Equal(0, decoded.GetPixel(1, 1).Alpha);
        Assert.Equal(new SKColor(255, 0, 0), decoded.GetPixel(10, 10));
    }

    [Fact]
    public void Png24_is_flattened_onto_the_background_without_alpha_channel()
    {
        using var source = Sample(false);
        var bytes = Encode(source, ImageFormat.Png24, new RgbaColor(0, 255, 0));

        Assert.Equal(2, bytes[25]); // colour type 2 = RGB
        using var decoded = SKBitmap.Decode(bytes);
        Assert.Equal(new SKColor(0, 255, 0), decoded.GetPixel(1, 1));
        Assert.Equal(new SKColor(255, 0, 0), decoded.GetPixel(10, 10));
    }

    [Theory]
    [InlineData("image/jpeg")]
    [InlineData("image/webp")]
    public void Jpeg_and_webp_decode_with_the_right_size(string mime)
    {
        using var source = Sample(true);
        var bytes = Encode(source, ImageFormat.Find(mime)!);

        using var codec = SKCodec.Create(new MemoryStream(bytes));
        Assert.Equal(mime == "image/jpeg" ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Webp, codec.EncodedFormat);
        using var decoded = SKBitmap.Decode(bytes);
        Assert.Equal(64, decoded.Width);
        Assert.Equal(48, decoded.Height);
        var red = decoded.GetPixel(12, 12);
        Assert.True(red.Red > 200 && red.Green < 60, red.ToString());
    }

    [Fact]
    public void Jpeg_flattens_transparency_onto_the_background()
    {
        using var source = Sample(false);
        using var decoded = SKBitmap.Decode(Encode(source, ImageFormat.Jpeg, new RgbaColor(0, 0, 0)));

        var corner = decoded.GetPixel(1, 1);
        Assert.True(corner.Red < 20 && corner.Green < 20 && corner.Blue < 20, corner.ToString());
    }

    [Theory]
    [InlineData(SKColorType.Bgra8888)]
    [InlineData(SKColorType.Rgba8888)]
    public void Jpeg_of_opaque_pixels_is_encoded_in_place_in_either_channel_order_and_from_a_strided_crop(SKColorType colorType)
    {
        // A canvas like the renderer's (native order) with a metatile-like border cropped off: red left, blue right.
        using var bitmap = new SKBitmap(new SKImageInfo(96, 64, colorType, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Black);
            using var red = new SKPaint { Color = new SKColor(230, 20, 10) };
            using var blue = new SKPaint { Color = new SKColor(10, 20, 230) };
            canvas.DrawRect(new SKRect(16, 16, 48, 48), red);
            canvas.DrawRect(new SKRect(48, 16, 80, 48), blue);
        }
        var crop = bitmap.PeekPixels().ExtractSubset(SKRectI.Create(16, 16, 64, 32))!;
        using var output = new MemoryStream();
        ImageEncoder.Encode(crop, ImageFormat.Jpeg, RgbaColor.White, output);

        using var decoded = SKBitmap.Decode(output.ToArray());
        Assert.Equal(64, decoded.Width);
        Assert.Equal(32, decoded.Height);
        var left = decoded.GetPixel(10, 16);
        var right = decoded.GetPixel(54, 16);
        Assert.True(left.Red > 200 && left.Blue < 40, left.ToString());
        Assert.True(right.Blue > 200 && right.Red < 40, right.ToString());
    }

    [Theory]
    [InlineData(SKColorType.Bgra8888)]
    [InlineData(SKColorType.Rgba8888)]
    public void TurboJpeg_encodes_opaque_pixels_in_either_channel_order_close_to_the_source(SKColorType colorType)
    {
        Assert.True(TurboJpegEncoder.IsAvailable, "libturbojpeg.so.0 (Debian package libturbojpeg0) is not installed: JPEG maps fall back to Skia's slower encoder");
        using var bitmap = new SKBitmap(new SKImageInfo(80, 48, colorType, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            using var shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(80, 48),
                [new SKColor(220, 40, 30), new SKColor(30, 200, 60), new SKColor(20, 40, 230)], SKShaderTileMode.Clamp);
            using var paint = new SKPaint { Shader = shader };
            canvas.DrawRect(SKRect.Create(80, 48), paint);
        }
        using var output = new MemoryStream();
        Assert.True(TurboJpegEncoder.TryEncode(bitmap.PeekPixels(), 90, output));

        using var decoded = SKBitmap.Decode(output.ToArray());
        Assert.Equal(80, decoded.Width);
        Assert.Equal(48, decoded.Height);
        double total = 0;
        for (var y = 0; y < 48; y++)
        {
            for (var x = 0; x < 80; x++)
            {
                SKColor a = bitmap.GetPixel(x, y), b = decoded.GetPixel(x, y);
                total += Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue);
            }
        }
        var mean = total / (80 * 48 * 3);
        Assert.True(mean < 3, $"mean difference {mean:0.00} levels");
    }

    [Fact]
    public void TurboJpeg_declines_other_pixel_layouts()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(8, 8, SKColorType.Rgb565, SKAlphaType.Opaque));
        using var output = new MemoryStream();
        Assert.False(TurboJpegEncoder.TryEncode(bitmap.PeekPixels(), 85, output));
        Assert.Equal(0, output.Length);
    }
}
