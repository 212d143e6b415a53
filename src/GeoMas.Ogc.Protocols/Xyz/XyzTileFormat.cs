using GeoMas.Ogc.Core.Rendering;

namespace GeoMas.Ogc.Protocols.Xyz;

/// <summary>The image formats of XYZ tile URLs, by file extension (<c>.png</c>, <c>.jpg</c>/<c>.jpeg</c>, <c>.webp</c>).</summary>
public static class XyzTileFormat
{
    public const string DefaultExtension = "png";

    public static IReadOnlyList<string> Extensions { get; } = ["png", "jpg", "jpeg", "webp"];

    /// <summary>The format of an extension (case-insensitive); null when it is not a tile format.</summary>
    public static ImageFormat? FromExtension(string? extension) => extension?.ToLowerInvariant() switch
    {
        "png" => ImageFormat.Png,
        "jpg" or "jpeg" => ImageFormat.Jpeg,
        "webp" => ImageFormat.WebP,
        _ => null,
    };
}
