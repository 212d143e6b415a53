using SkiaSharp;

namespace GeoMas.Ogc.Sources.Remote;

/// <summary>Decodes an upstream PNG/JPEG/WebP into RGBA8888 with straight alpha (the <see cref="Core.Rasters.RasterWindow"/> layout).</summary>
public static class RemoteImageDecoder
{
    /// <summary>The decoded image, or null when the bytes are not a decodable image.</summary>
    public static SKBitmap? Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
            return null;
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is SKCodecResult.Success or SKCodecResult.IncompleteInput)
            return bitmap;
        bitmap.Dispose();
        return null;
    }

    /// <summary>Copies <paramref name="source"/>'s pixels (clipped) into <paramref name="target"/> at (x, y).</summary>
    public static void Blit(SKBitmap source, Span<byte> target, int targetWidth, int targetHeight, int x, int y)
    {
        ArgumentNullException.ThrowIfNull(source);
        var pixels = source.GetPixelSpan();
        var x0 = Math.Max(0, x);
        var x1 = Math.Min(targetWidth, x + source.Width);
        var y0 = Math.Max(0, y);
        var y1 = Math.Min(targetHeight, y + source.Height);
        if (x0 >= x1 || y0 >= y1)
            return;
        var length = (x1 - x0) * 4;
        for (var row = y0; row < y1; row++)
        {
            var from = ((row - y) * source.RowBytes) + ((x0 - x) * 4);
            pixels.Slice(from, length).CopyTo(target.Slice(((row * targetWidth) + x0) * 4, length));
        }
    }
}
