namespace GeoMas.Ogc.Core.Catalog;

/// <summary>
/// How a layer's tiles are cached: <see cref="Enabled"/> = false renders every tile (no metatiling, nothing stored);
/// <see cref="MaxAgeSeconds"/> is what HTTP Cache-Control advertises to clients and proxies;
/// <see cref="PalettedPng"/> says whether "image/png" tiles are stored 8-bit paletted (null = automatic: paletted
/// unless the layer or a member of the group is a raster, whose photographs would band in 256 colours), and
/// <see cref="PaletteColours"/> how many colours such a tile's palette holds.
/// </summary>
public sealed record CachePolicy(bool Enabled, int MaxAgeSeconds, bool? PalettedPng = null, int PaletteColours = CachePolicy.DefaultPaletteColours)
{
    public const int DefaultMaxAgeSeconds = 3600;

    /// <summary>
    /// 64 colours: measured on 200 W5 "plan" tiles against their RGBA renders (zlib level 6), 7.9 KB a tile with a
    /// mean error of 0.4 levels, against 9.6 KB and 0.2 levels at 256 colours (8.9 KB, 0.3 at 128). The error that
    /// is left sits on antialiased edge pixels (99.9th percentile 14 levels at 64 colours, 6 at 256); flat fills keep
    /// their exact colours. Fewer bytes for every tile a browser or a Geotrek sync downloads.
    /// </summary>
    public const int DefaultPaletteColours = 64;

    /// <summary>
    /// Part of the catalog's fingerprint, so of every tile key's revision: raise it when a change to how tiles are
    /// drawn or encoded changes their bytes, and the tiles cached by older versions are no longer served.
    /// 2: palettes of 64 colours by default, entries at the exact mean colour of their pixels.
    /// </summary>
    public const int TileEncodingEpoch = 2;

    public static CachePolicy Default { get; } = new(true, DefaultMaxAgeSeconds);
}
