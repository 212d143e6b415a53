namespace GeoMas.Ogc.Core.Caching;

/// <summary>An encoded tile and its strong validator. <see cref="IsBlank"/> marks a tile without data (served, not stored twice).</summary>
public sealed record TileContent(byte[] Bytes, string ContentType, string ETag, bool IsBlank = false);
