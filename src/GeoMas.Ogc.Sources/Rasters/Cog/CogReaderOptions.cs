namespace GeoMas.Ogc.Sources.Rasters.Cog;

/// <summary>Tuning of the COG reader; the defaults suit local disks and object storage alike.</summary>
public sealed record CogReaderOptions
{
    /// <summary>Decoded-block cache; null = <see cref="DecodedTileCache.Shared"/>.</summary>
    public DecodedTileCache? Cache { get; init; }

    /// <summary>Size of the first read, which in a COG holds the header, every IFD and the tile offset arrays.</summary>
    public int HeaderReadBytes { get; init; } = 16 * 1024;

    /// <summary>Two block reads closer than this many bytes become one read (fewer HTTP requests, a few bytes wasted).</summary>
    public int CoalesceGapBytes { get; init; } = 16 * 1024;

    /// <summary>Largest single read after coalescing, so one request never pulls a huge span.</summary>
    public int MaxReadBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>EPSG code to use when the file has none (or to override a wrong one).</summary>
    public int? Srid { get; init; }
}
