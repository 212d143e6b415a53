namespace GeoMas.Ogc.Core.Catalog.Configuration;

/// <summary>
/// The tile cache (<c>cache</c> section): an in-process L1 bounded by <see cref="MemoryMegabytes"/> in front of an L2
/// <see cref="Store"/>: <c>disk</c> (embedded default, <see cref="DiskPath"/>), <c>redis</c> (production, shared by
/// every instance) or <c>none</c> (L1 only).
/// </summary>
public sealed class CacheOptions
{
    public string? Store { get; set; }
    /// <summary>Root of the disk store, relative to the configuration file's folder.</summary>
    public string? DiskPath { get; set; }
    /// <summary>StackExchange.Redis configuration string ("host:port,password=…"); <c>${VAR:-default}</c> is expanded.</summary>
    public string? Redis { get; set; }
    /// <summary>Expiry of tiles in Redis; 0 or absent = no expiry (revisions and invalidation keep tiles fresh).</summary>
    public int? RedisTtlSeconds { get; set; }
    /// <summary>
    /// Disk store: a tile file neither written nor read for this many days is deleted by the periodic sweep (tiles of
    /// old revisions and epochs are never read again); default 30, 0 = keep tiles whatever their age.
    /// </summary>
    public int? DiskMaxAgeDays { get; set; }
    /// <summary>Disk store: above this many megabytes of tiles, the sweep deletes the least recently used down to 90 %; absent or 0 = no bound.</summary>
    public int? DiskMaxMegabytes { get; set; }
    /// <summary>Disk store: minutes between sweeps (the first runs a minute after start); default 60, 0 = no sweep.</summary>
    public int? DiskSweepIntervalMinutes { get; set; }
    /// <summary>Bound of the in-process L1 (encoded tile bytes); 0 disables it.</summary>
    public int? MemoryMegabytes { get; set; }
    /// <summary>
    /// Re-encode PNG tiles in fewer bytes (zlib level 9 instead of the render's fast level) once the memory tier has
    /// served them twice, so hot tiles cost less memory and send less; default true. Same pixels, a new ETag.
    /// </summary>
    public bool? CompactHotTiles { get; set; }
    /// <summary>Metatile size in tiles per side (1 = no metatiling).</summary>
    public int? Metatile { get; set; }
    /// <summary>Pixels rendered around a metatile and cut off, so symbols and labels near its edges are drawn whole.</summary>
    public int? MetatileBuffer { get; set; }
    /// <summary>
    /// What a tile request missing the cache renders: <c>tile</c> (default: that tile alone, with the labels placed
    /// over its whole metatile) or <c>metatile</c> (the whole metatile, every tile of it stored). Seeding always
    /// renders whole metatiles.
    /// </summary>
    public string? MetatileOnMiss { get; set; }
    /// <summary>Cache-Control max-age of layers without their own <c>cache.maxAgeSeconds</c>.</summary>
    public int? DefaultMaxAgeSeconds { get; set; }
    /// <summary>The most colours (2–256) in the palette of paletted PNG tiles of layers without their own <c>cache.paletteColours</c>; default 256.</summary>
    public int? PaletteColours { get; set; }
}

/// <summary>A layer's <c>cache</c> policy; absent members take the defaults of the <c>cache</c> section.</summary>
public sealed class LayerCacheOptions
{
    public bool? Enabled { get; set; }
    public int? MaxAgeSeconds { get; set; }
    /// <summary>Store "image/png" tiles 8-bit paletted (null = automatic: yes unless a raster is drawn).</summary>
    public bool? PalettedPng { get; set; }
    /// <summary>The most colours (2–256) in the palette of those tiles; null = the <c>cache</c> section's.</summary>
    public int? PaletteColours { get; set; }
}
