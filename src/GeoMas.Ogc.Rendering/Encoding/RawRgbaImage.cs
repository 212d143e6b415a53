using System.Buffers.Binary;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Encoders;

/// <summary>
/// <see cref="GeoMas.Ogc.Core.Rendering.ImageEncoding.RawRgba"/>: a 16-byte header (magic, width, height, little
/// endian) then premultiplied RGBA rows with no padding. Only ever passed from the renderer to the metatile cutter
/// inside one process, so it carries nothing else (no colour space, no compression).
/// </summary>
public static class RawRgbaImage
{
    public const int HeaderLength = GeoMas.Ogc.Core.Rendering.ImageFormat.RawRgbaHeaderLength;

    // "GMRGBA" + two zero bytes: cannot start a PNG (0x89 'P' 'N' 'G'), the only other input the cutter takes.
    private static ReadOnlySpan<byte> Magic => "GMRGBA\0\0"u8;

    /// <param name="rgbaPremul">Premultiplied RGBA 8888 pixels; rows may be strided (a crop of a larger canvas).</param>
    public static void Write(SKPixmap rgbaPremul, Stream output)
    {
        ArgumentNullException.ThrowIfNull(rgbaPremul);
        ArgumentNullException.ThrowIfNull(output);
        if (rgbaPremul.ColorType != SKColorType.Rgba8888 || rgbaPremul.AlphaType == SKAlphaType.Unpremul)
            throw new ArgumentException("Raw images hold premultiplied RGBA 8888 pixels.", nameof(rgbaPremul));
        Span<byte> header = stackalloc byte[HeaderLength];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], rgbaPremul.Width);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], rgbaPremul.Height);
        output.Write(header);
        var pixels = rgbaPremul.GetPixelSpan();
        var rowLength = rgbaPremul.Width * 4;
        if (rgbaPremul.RowBytes == rowLength)
        {
            output.Write(pixels[..(rowLength * rgbaPremul.Height)]);
            return;
        }
        for (var y = 0; y < rgbaPremul.Height; y++)
            output.Write(pixels.Slice(y * rgbaPremul.RowBytes, rowLength));
    }

    /// <summary>Reads the header; false when <paramref name="image"/> is not a raw image (e.g. a PNG).</summary>
    /// <exception cref="ArgumentException">The header is there but the pixels that follow are not all there.</exception>
    public static bool TryReadHeader(ReadOnlySpan<byte> image, out int width, out int height)
    {
        width = height = 0;
        if (image.Length < HeaderLength || !image[..Magic.Length].SequenceEqual(Magic))
            return false;
        width = BinaryPrimitives.ReadInt32LittleEndian(image[8..]);
        height = BinaryPrimitives.ReadInt32LittleEndian(image[12..]);
        if (width <= 0 || height <= 0 || (long)width * height * 4 != image.Length - HeaderLength)
            throw new ArgumentException($"A raw {width}×{height} image needs {(long)width * height * 4} bytes of pixels, not {image.Length - HeaderLength}.", nameof(image));
        return true;
    }

    /// <summary>The pixels of a raw image as a premultiplied RGBA bitmap (one copy).</summary>
    public static SKBitmap ToBitmap(ReadOnlySpan<byte> image)
    {
        if (!TryReadHeader(image, out var width, out var height))
            throw new ArgumentException("Not a raw RGBA image.", nameof(image));
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        image[HeaderLength..].CopyTo(bitmap.GetPixelSpan());
        return bitmap;
    }
}
