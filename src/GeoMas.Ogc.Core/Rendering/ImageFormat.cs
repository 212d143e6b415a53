namespace GeoMas.Ogc.Core.Rendering;

public enum ImageEncoding
{
    Png32,
    Png24,
    Png8,
    Jpeg,
    WebP,

    /// <summary>Uncompressed premultiplied RGBA rows behind a small header: metatiles on their way to the cutter.</summary>
    RawRgba,
}

/// <summary>An output image format and the MIME type advertised for it.</summary>
public sealed record ImageFormat(string MimeType, ImageEncoding Encoding, bool SupportsTransparency)
{
    /// <summary>The most colours an 8-bit PNG palette holds.</summary>
    public const int MaxPaletteColours = 256;

    /// <summary>
    /// The most colours the palette of <see cref="ImageEncoding.Png8"/> may hold (2–256; the quantizer uses as few as
    /// keep the picture); other encodings ignore it. Tiles use their layer's <c>cache.paletteColours</c>
    /// (<see cref="Catalog.CachePolicy"/>); WMS "mode=8bit" maps, 256.
    /// </summary>
    public int PaletteColours { get; init; } = MaxPaletteColours;

    public static readonly ImageFormat Png = new("image/png", ImageEncoding.Png32, true);
    public static readonly ImageFormat Png8 = new("image/png; mode=8bit", ImageEncoding.Png8, true);
    public static readonly ImageFormat Png24 = new("image/png; mode=24bit", ImageEncoding.Png24, false);
    public static readonly ImageFormat Jpeg = new("image/jpeg", ImageEncoding.Jpeg, false);
    public static readonly ImageFormat WebP = new("image/webp", ImageEncoding.WebP, true);

    /// <summary>
    /// Not an output format (never advertised, never sent): the metatile a tile render hands to the cutter. Encoding
    /// a 1024² metatile as PNG only for the cutter to decode it again cost more than cutting and encoding its 16 tiles.
    /// </summary>
    public static readonly ImageFormat RawRgba = new("application/vnd.geomas.rgba", ImageEncoding.RawRgba, true);

    /// <summary>Bytes before the pixels of a <see cref="RawRgba"/> image (magic, width, height).</summary>
    public const int RawRgbaHeaderLength = 16;

    /// <summary>The exact size of a <see cref="RawRgba"/> image, so its buffer can be taken once.</summary>
    public static int RawRgbaLength(int width, int height) => checked(RawRgbaHeaderLength + (4 * width * height));

    /// <summary>Every format GetMap advertises, first = default.</summary>
    public static readonly IReadOnlyList<ImageFormat> All = [Png, Png8, Png24, Jpeg, WebP];

    /// <summary>Finds an advertised format by its exact MIME string (case-insensitive, blanks around ';' ignored); also accepts "image/png8".</summary>
    public static ImageFormat? Find(string? mime)
    {
        if (string.IsNullOrWhiteSpace(mime))
            return null;
        var normalized = string.Join(";", mime.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        if (normalized == "image/png8")
            return Png8;
        return All.FirstOrDefault(f => string.Join(";", f.MimeType.Split(';', StringSplitOptions.TrimEntries)) == normalized);
    }

    /// <summary>The Content-Type to send (PNG variants are all image/png).</summary>
    public string ContentType => MimeType.StartsWith("image/png", StringComparison.Ordinal) ? "image/png" : MimeType;
}
