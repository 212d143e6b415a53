namespace GeoMas.Ogc.Core.Catalog;

/// <summary>
/// How a layer's tiles are cached: <see cref="Enabled"/> = false renders every tile (no metatiling, nothing stored);
/// <see cref="MaxAgeSeconds"/> is what HTTP Cache-Control advertises to clients and proxies;
/// <see cref="PalettedPng"/> says whether "image/png" tiles are stored 8-bit paletted (null = automatic: paletted
/// unless the layer or a member of the group is a raster, whose photographs would band in 256 colours).
/// </summary>
public sealed record CachePolicy(bool Enabled, int MaxAgeSeconds, bool? PalettedPng = null)
{
    public const int DefaultMaxAgeSeconds = 3600;

    public static CachePolicy Default { get; } = new(true, DefaultMaxAgeSeconds);
}
