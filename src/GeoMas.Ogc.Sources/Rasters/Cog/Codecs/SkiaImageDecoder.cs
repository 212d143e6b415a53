using System.Runtime.InteropServices;
using SkiaSharp;

namespace GeoMas.Ogc.Sources.Rasters.Cog.Codecs;

/// <summary>
/// Decodes a JPEG or WebP block with Skia's native codecs (libjpeg-turbo, libwebp) straight into RGBA with straight alpha.
/// Skia converts YCbCr (and its chroma subsampling) to RGB, which is what GDAL's JPEGCOLORMODE=RGB gives.
/// </summary>
internal static class SkiaImageDecoder
{
    public static void DecodeInto(ReadOnlySpan<byte> encoded, int width, int rows, byte[] rgba, string what)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data) ?? throw new CogFormatException($"{what}: the block is not an image Skia can decode.");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        if (info.Width == width && info.Height >= rows)
        {
            // Decode straight into the block buffer when the codec's rows fit in it; otherwise via a scratch image.
            if (info.Height == rows)
            {
                Decode(codec, info, rgba, what);
                return;
            }
        }
        var scratch = new byte[info.BytesSize];
        Decode(codec, info, scratch, what);
        var copyWidth = Math.Min(width, info.Width) * 4;
        for (var y = 0; y < Math.Min(rows, info.Height); y++)
            scratch.AsSpan(y * info.RowBytes, copyWidth).CopyTo(rgba.AsSpan(y * width * 4));
    }

    private static void Decode(SKCodec codec, SKImageInfo info, byte[] target, string what)
    {
        var handle = GCHandle.Alloc(target, GCHandleType.Pinned);
        try
        {
            var result = codec.GetPixels(info, handle.AddrOfPinnedObject());
            if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
                throw new CogFormatException($"{what}: Skia could not decode the block ({result}).");
        }
        finally
        {
            handle.Free();
        }
    }
}
