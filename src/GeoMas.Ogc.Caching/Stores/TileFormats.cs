using GeoMas.Ogc.Core.Rendering;

namespace GeoMas.Ogc.Caching.Stores;

/// <summary><see cref="Core.Caching.TileKey.Format"/> holds the <see cref="ImageFormat.MimeType"/>; stores need its file extension and Content-Type.</summary>
internal static class TileFormats
{
    public static string Extension(string format) => (ImageFormat.Find(format)?.Encoding) switch
    {
        ImageEncoding.Jpeg => "jpg",
        ImageEncoding.WebP => "webp",
        _ => "png",
    };

    public static string ContentType(string format) => ImageFormat.Find(format)?.ContentType ?? "application/octet-stream";
}
