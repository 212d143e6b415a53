namespace GeoMas.Ogc.Core.Catalog;

/// <summary>
/// How a layer's tiles are cached: <see cref="Enabled"/> = false renders every tile (no metatiling, nothing stored);
/// <see cref="MaxAgeSeconds"/> is what HTTP Cache-Control advertises to clients and proxies;
/// <see cref="PalettedPng"/> says whether "image/png" tiles are stored 8-bit paletted (null = automatic: paletted
/// unless the layer or a member of the group is a raster, whose photographs would band in 256 colours), and
/// <see cref="PaletteColours"/> the most colours such a tile's palette may hold.
/// </summary>
public sealed record CachePolicy(bool Enabled, int MaxAgeSeconds, bool? PalettedPng = null, int PaletteColours = CachePolicy.DefaultPaletteColours)
{
    public const int DefaultMaxAgeSeconds = 3600;

    /// <summary>
    /// 256: the quantizer itself uses as few colours as keep the picture, from 64 (see the Rendering
    /// project's <c>PaletteQuantizer</c> and tilecache/README.md). A layer may cap it lower.
    /// </summary>
    public const int DefaultPaletteColours = 256;

    /// <summary>
    /// Part of the catalog's fingerprint, so of every tile key's revision: raise it when a change to how tiles are
    /// drawn or encoded changes their bytes, and the tiles cached by older versions are no longer served.
    /// 3: palettes of as few colours as keep the picture (from 64), entries at the exact mean colour of
    /// their pixels (2, for a few commits: always 64 colours).
    /// </summary>
    public const int TileEncodingEpoch = 3;

    public static CachePolicy Default { get; } = new(true, DefaultMaxAgeSeconds);
}
