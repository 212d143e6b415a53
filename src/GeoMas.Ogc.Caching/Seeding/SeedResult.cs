namespace GeoMas.Ogc.Caching.Seeding;

/// <summary>Tiles covered, metatile requests made and failed, wall time and tiles per second of this run.</summary>
public sealed record SeedResult(long Tiles, long Metatiles, long Failed, TimeSpan Elapsed, double TilesPerSecond);
