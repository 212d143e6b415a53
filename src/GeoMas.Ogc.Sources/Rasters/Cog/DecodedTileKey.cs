namespace GeoMas.Ogc.Sources.Rasters.Cog;

/// <summary>One decoded block: the object's key (path or URL with version), the level (0 = full resolution) and the block index.</summary>
public readonly record struct DecodedTileKey(string Source, int Level, int Block);
