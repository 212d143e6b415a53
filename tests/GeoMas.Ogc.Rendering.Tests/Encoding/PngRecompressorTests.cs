using System.Buffers.Binary;
using System.Text;
using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Rendering.Encoders;
using SkiaSharp;
using static GeoMas.Ogc.Rendering.Tests.TestSupport.EncodedImages;

namespace GeoMas.Ogc.Rendering.Tests.ImageEncoders;

/// <summary>Deflating a PNG again keeps its pixels and every chunk but IDAT, and refuses what it cannot check.</summary>
public class PngRecompressorTests
{
    /// <summary>A 256×256 map-like tile: a flat background, filled blocks, antialiased roads, text.</summary>
    private static SKBitmap Tile()
    {
        var bitmap = new SKBitmap(new SKImageInfo(256, 256, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(new SKColor(242, 239, 233));
        using var block = new SKPaint { Color = new SKColor(217, 208, 201), IsAntialias = true };
        using var road = new SKPaint { Color = new SKColor(250, 178, 102), IsAntialias = true, StrokeWidth = 5, Style = SKPaintStyle.Stroke };
        using var text = new SKPaint { Color = SKColors.DarkSlateGray, IsAntialias = true };
        using var font = new SKFont(SKTypeface.Default, 11);
        for (var i = 0; i < 12; i++)
        {
            canvas.DrawRect(new SKRect(i * 21 + 3, (i * 37) % 200 + 5, i * 21 + 18, (i * 37) % 200 + 40), block);
            canvas.DrawLine(0, i * 23, 256, i * 19 + 30, road);
            canvas.DrawText("Rue " + i, i * 17, (i * 29) % 250 + 6, SKTextAlign.Left, font, text);
        }
        using var lake = new SKPaint { Color = new SKColor(90, 140, 220, 160), IsAntialias = true };
        canvas.DrawCircle(180, 90, 40, lake);
        return bitmap;
    }

    private static List<(string Type, byte[] Data)> Chunks(byte[] png)
    {
        var chunks = new List<(string, byte[])>();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            chunks.Add((type, png.AsSpan(at + 8, length).ToArray()));
            var crc = new System.IO.Hashing.Crc32();
            crc.Append(png.AsSpan(at + 4, 4 + length));
            Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length)), crc.GetCurrentHashAsUInt32());
            at += 12 + length;
        }
        return chunks;
    }

    private static void AssertSamePixels(byte[] expected, byte[] actual)
    {
        using var a = SKBitmap.Decode(expected);
        using var b = SKBitmap.Decode(actual);
        Assert.NotNull(a);
        Assert.NotNull(b);
        Assert.Equal((a.Width, a.Height), (b.Width, b.Height));
        Assert.True(a.GetPixelSpan().SequenceEqual(b.GetPixelSpan()));
    }

    [Theory]
    [InlineData("png8")]
    [InlineData("png32")]
    public void A_fast_png_gets_smaller_with_the_same_pixels_and_the_same_other_chunks(string kind)
    {
        using var tile = Tile();
        var fast = Encode(tile, kind == "png8" ? ImageFormat.Png8 : ImageFormat.Png);

        var compact = PngRecompressor.Recompress(fast, 6);

        Assert.NotNull(compact);
        Assert.True(compact.Length < fast.Length, $"{compact.Length} bytes, was {fast.Length}");
        AssertSamePixels(fast, compact);
        var before = Chunks(fast).Where(c => c.Type != "IDAT").ToList();
        var after = Chunks(compact);
        Assert.Single(after, c => c.Type == "IDAT");
        Assert.Equal(before.Select(c => c.Type), after.Where(c => c.Type != "IDAT").Select(c => c.Type));
        Assert.All(before.Zip(after.Where(c => c.Type != "IDAT")), pair => Assert.Equal(pair.First.Data, pair.Second.Data));
    }

    [Fact]
    public void Several_idat_chunks_are_merged_into_one()
    {
        using var tile = Tile();
        // libpng (through Skia) splits its image data into 8 KB IDAT chunks.
        using var image = SKImage.FromBitmap(tile);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        var skia = data.ToArray();
        Assert.True(Chunks(skia).Count(c => c.Type == "IDAT") > 1);

        var compact = PngRecompressor.Recompress(skia, 9);

        Assert.NotNull(compact);
        Assert.Single(Chunks(compact), c => c.Type == "IDAT");
        AssertSamePixels(skia, compact);
    }

    [Fact]
    public void A_png_that_would_not_get_smaller_is_left_alone()
    {
        using var tile = Tile();
        var strongest = PngRecompressor.Recompress(Encode(tile, ImageFormat.Png8), 9);
        Assert.NotNull(strongest);

        Assert.Null(PngRecompressor.Recompress(strongest, 1));
    }

    [Fact]
    public void What_it_cannot_check_is_refused()
    {
        using var tile = Tile();
        var png = Encode(tile, ImageFormat.Png8);

        Assert.Null(PngRecompressor.Recompress([], 6));
        Assert.Null(PngRecompressor.Recompress(Encode(tile, ImageFormat.Jpeg), 6));
        Assert.Null(PngRecompressor.Recompress(png.AsSpan(0, png.Length - 20), 6)); // cut before IEND

        var interlaced = (byte[])png.Clone();
        interlaced[8 + 8 + 12] = 1;
        Assert.Null(PngRecompressor.Recompress(interlaced, 6));

        var huge = (byte[])png.Clone();
        BinaryPrimitives.WriteInt32BigEndian(huge.AsSpan(16), 1 << 20); // width
        BinaryPrimitives.WriteInt32BigEndian(huge.AsSpan(20), 1 << 20); // height
        Assert.Null(PngRecompressor.Recompress(huge, 6));

        var taller = (byte[])png.Clone();
        BinaryPrimitives.WriteInt32BigEndian(taller.AsSpan(20), 300); // more rows than the data holds
        Assert.Null(PngRecompressor.Recompress(taller, 6));

        var shorter = (byte[])png.Clone();
        BinaryPrimitives.WriteInt32BigEndian(shorter.AsSpan(20), 200); // fewer rows than the data holds
        Assert.Null(PngRecompressor.Recompress(shorter, 6));

        var corrupt = (byte[])png.Clone();
        var idat = IndexOf(corrupt, "IDAT"u8);
        corrupt.AsSpan(idat + 6, 40).Fill(0xFF);
        Assert.Null(PngRecompressor.Recompress(corrupt, 6));
    }

    [Fact]
    public void The_tile_compactor_takes_png_tiles_only_and_never_blank_ones()
    {
        using var tile = Tile();
        var compactor = new PngTileCompactor();
        var png = Encode(tile, ImageFormat.Png8);
        var jpeg = Encode(tile, ImageFormat.Jpeg);

        Assert.True(compactor.TryCompact(new TileContent(png, "image/png", "\"a\""), out var compact));
        AssertSamePixels(png, compact);
        Assert.False(compactor.TryCompact(new TileContent(png, "image/png", "\"a\"", IsBlank: true), out _));
        Assert.False(compactor.TryCompact(new TileContent(jpeg, "image/jpeg", "\"b\""), out _));
        Assert.Equal(PngTileCompactor.DefaultZlibLevel, compactor.ZlibLevel);
    }

    [Fact]
    public void The_tile_compactor_deflates_at_the_strongest_level_since_a_hot_tile_is_sent_many_times()
    {
        using var tile = Tile();
        var png = new TileContent(Encode(tile, ImageFormat.Png8), "image/png", "\"a\"");

        Assert.True(new PngTileCompactor().TryCompact(png, out var compact));
        Assert.True(new PngTileCompactor(6).TryCompact(png, out var level6));

        Assert.Equal(9, PngTileCompactor.DefaultZlibLevel);
        Assert.True(compact.Length < level6.Length, $"level 9: {compact.Length} B, level 6: {level6.Length} B");
        AssertSamePixels(png.Bytes, compact);
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> value) => bytes.AsSpan().IndexOf(value);
}
