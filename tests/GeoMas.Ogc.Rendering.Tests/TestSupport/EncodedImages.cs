using GeoMas.Ogc.Core.Rendering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Encoders;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Tests.TestSupport;

/// <summary>Pixels encoded by <see cref="ImageEncoder"/> as the server encodes them (white background unless said).</summary>
internal static class EncodedImages
{
    public static byte[] Encode(SKPixmap pixels, ImageFormat format, RgbaColor? background = null)
    {
        using var output = new MemoryStream();
        ImageEncoder.Encode(pixels, format, background ?? RgbaColor.White, output);
        return output.ToArray();
    }

    public static byte[] Encode(SKBitmap bitmap, ImageFormat format, RgbaColor? background = null) =>
        Encode(bitmap.PeekPixels(), format, background);
}
