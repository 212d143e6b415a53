using System.IO.Compression;
using System.Runtime.InteropServices;
using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using SkiaSharp;

// Not "...Rendering.Encoding": that namespace would shadow System.Text.Encoding (Encoding.UTF8) for all code in
// GeoMas.Ogc.Rendering.*, so the Encoding/ folder holds the Encoders namespace (ImageEncoding is taken by the Core enum).
namespace GeoMas.Ogc.Rendering.Encoders;

/// <summary>
/// Encodes rendered pixels into the requested <see cref="ImageFormat"/>. Formats without alpha (24-bit PNG, JPEG)
/// are flattened onto the background colour; fully opaque images are written without an alpha channel
/// (RGB PNG: smaller and faster to encode).
/// </summary>
public static class ImageEncoder
{
    /// <param name="pixels">Rendered pixels; premultiplied RGBA 8888 avoids a conversion.</param>
    public static void Encode(SKPixmap pixels, ImageFormat format, RgbaColor background, Stream output, ImageEncoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(output);
        options ??= ImageEncoderOptions.Default;

        // 24/32-bit PNG reads Skia's native-order (BGRA) pixels and strided metatile crops directly: no copy.
        if (format.Encoding is ImageEncoding.Png32 or ImageEncoding.Png24 && TrueColourPngWriter.Supports(pixels))
        {
            var opaquePixels = IsOpaque(pixels);
            if (format.Encoding == ImageEncoding.Png32 || opaquePixels)
            {
                TrueColourPngWriter.Write(pixels, opaquePixels, output, options.PngZlibLevel);
                return;
            }
        }

        // JPEG of opaque 8888 pixels (an ortho map): Skia's encoder reads either channel order and any row stride,
        // so the canvas is encoded in place instead of through an RGBA copy.
        if (format.Encoding == ImageEncoding.Jpeg && pixels.ColorType is SKColorType.Bgra8888 or SKColorType.Rgba8888
            && pixels.AlphaType != SKAlphaType.Unpremul && IsOpaque(pixels))
        {
            EncodeJpeg(AsOpaque(pixels), output, options);
            return;
        }

        using var owned = ToRgbaPremul(pixels);
        var source = owned?.PeekPixels() ?? pixels;
        var opaque = IsOpaque(source);

        switch (format.Encoding)
        {
            case ImageEncoding.Png8:
                var quantized = PaletteQuantizer.Quantize(PaletteQuantizer.AsPixels(Bytes(source)), source.Width, source.Height, format.PaletteColours);
                IndexedPngWriter.Write(quantized, output, CompressionLevel.Fastest);
                break;
            case ImageEncoding.Png32:
                if (opaque)
                    EncodePng(AsOpaque(source), output, options);
                else
                    EncodePng(source, output, options);
                break;
            case ImageEncoding.Png24:
                WithOpaquePixels(source, opaque, background, p => EncodePng(p, output, options));
                break;
            case ImageEncoding.Jpeg:
                WithOpaquePixels(source, opaque, background, p => EncodeJpeg(p, output, options));
                break;
            case ImageEncoding.RawRgba:
                RawRgbaImage.Write(source, output);
                break;
            case ImageEncoding.WebP:
                var webp = new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, Math.Clamp(options.WebPQuality, 1, 100));
                Check(opaque ? AsOpaque(source).Encode(output, webp) : source.Encode(output, webp));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format.Encoding, "Unknown image encoding.");
        }
    }

    /// <summary>Through the system's libjpeg-turbo when installed (several times faster), else Skia's encoder.</summary>
    private static void EncodeJpeg(SKPixmap opaque, Stream output, ImageEncoderOptions options)
    {
        var quality = Math.Clamp(options.JpegQuality, 1, 100);
        if (!TurboJpegEncoder.TryEncode(opaque, quality, output))
            Check(opaque.Encode(output, new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)));
    }

    private static void EncodePng(SKPixmap pixels, Stream output, ImageEncoderOptions options) =>
        TrueColourPngWriter.Write(pixels, pixels.AlphaType == SKAlphaType.Opaque, output, options.PngZlibLevel);

    private static void Check(bool ok)
    {
        if (!ok)
            throw new InvalidOperationException("SkiaSharp failed to encode the image.");
    }

    private static ReadOnlySpan<byte> Bytes(SKPixmap pixmap) => pixmap.GetPixelSpan();

    /// <summary>A premultiplied RGBA copy when the input is in another layout (null = use the input as is).</summary>
    private static SKBitmap? ToRgbaPremul(SKPixmap pixels)
    {
        if (pixels.ColorType == SKColorType.Rgba8888 && pixels.AlphaType != SKAlphaType.Unpremul && pixels.RowBytes == pixels.Width * 4)
            return null;
        var bitmap = new SKBitmap(new SKImageInfo(pixels.Width, pixels.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (!pixels.ReadPixels(bitmap.PeekPixels()))
        {
            bitmap.Dispose();
            throw new InvalidOperationException("Cannot convert the rendered pixels to RGBA.");
        }
        return bitmap;
    }

    private static bool IsOpaque(SKPixmap pixels)
    {
        if (pixels.AlphaType == SKAlphaType.Opaque)
            return true;
        // Row by row: a metatile crop's rows are strided, and the bytes between them are not part of the image.
        // Alpha is the high byte of each 32-bit pixel in both RGBA and BGRA order.
        var bytes = Bytes(pixels);
        for (var y = 0; y < pixels.Height; y++)
        {
            var row = MemoryMarshal.Cast<byte, uint>(bytes.Slice(y * pixels.RowBytes, pixels.Width * 4));
            if (row.IndexOfAnyExceptInRange(0xFF000000u, 0xFFFFFFFFu) >= 0)
                return false;
        }
        return true;
    }

    /// <summary>The same memory described as opaque, so encoders drop the alpha channel.</summary>
    private static SKPixmap AsOpaque(SKPixmap pixels) =>
        new(pixels.Info.WithAlphaType(SKAlphaType.Opaque), pixels.GetPixels(), pixels.RowBytes);

    private static void WithOpaquePixels(SKPixmap pixels, bool opaque, RgbaColor background, Action<SKPixmap> encode)
    {
        if (opaque)
        {
            encode(AsOpaque(pixels));
            return;
        }
        var info = new SKImageInfo(pixels.Width, pixels.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var flat = new SKBitmap(info);
        using (var canvas = new SKCanvas(flat))
        using (var image = SKImage.FromPixels(pixels))
        {
            canvas.Clear(new SKColor(background.R, background.G, background.B, 255));
            canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default, null);
        }
        encode(flat.PeekPixels());
    }
}
