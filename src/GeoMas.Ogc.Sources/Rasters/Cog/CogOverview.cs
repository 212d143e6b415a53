namespace GeoMas.Ogc.Sources.Rasters.Cog;

/// <summary>Public description of one level of a COG (0 = full resolution).</summary>
public sealed record CogOverview(int Level, int Width, int Height, double ResolutionX, double ResolutionY, bool IsTiled, int BlockWidth, int BlockHeight, bool HasMask);
