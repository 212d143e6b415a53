namespace GeoMas.Ogc.Core.Catalog;

/// <summary>
/// How a layer's tiles are cached: <see cref="Enabled"/> = false renders every tile (no metatiling, nothing stored);
/// <see cref="MaxAgeSeconds"/> is what HTTP Cache-Control advertises to clients and proxies.
/// </summary>
public sealed record CachePolicy(bool Enabled, int MaxAgeSeconds)
{
    public const int DefaultMaxAgeSeconds = 3600;

    public static CachePolicy Default { get; } = new(true, DefaultMaxAgeSeconds);
}
