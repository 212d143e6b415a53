using GeoMas.Ogc.Core.Rendering;

namespace GeoMas.Ogc.Protocols.Wmts;

/// <summary>A tile format offered by WMTS: its image encoding and the file extension of its REST URL.</summary>
public sealed record WmtsTileFormat(ImageFormat Image, string Extension)
{
    /// <summary>PNG first: it is the default clients pick, and the only one that keeps transparency everywhere.</summary>
    public static IReadOnlyList<WmtsTileFormat> All { get; } =
    [
        new(ImageFormat.Png, "png"),
        new(ImageFormat.Jpeg, "jpg"),
        new(ImageFormat.WebP, "webp"),
    ];

    public string MimeType => Image.MimeType;

    /// <summary>The advertised format with exactly this MIME type (case-insensitive); PNG variants of WMS are not tile formats.</summary>
    public static WmtsTileFormat? FindByMime(string mime) =>
        All.FirstOrDefault(f => f.MimeType.Equals(mime.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>By REST extension; "jpeg" is accepted as a synonym of the advertised "jpg".</summary>
    public static WmtsTileFormat? FindByExtension(string extension) =>
        extension.Equals("jpeg", StringComparison.OrdinalIgnoreCase)
            ? All[1]
            : All.FirstOrDefault(f => f.Extension.Equals(extension, StringComparison.OrdinalIgnoreCase));
}
