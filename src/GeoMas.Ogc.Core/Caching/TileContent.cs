namespace GeoMas.Ogc.Core.Caching;

/// <summary>
/// An encoded tile and its strong validator. <see cref="IsBlank"/> marks a tile without data (served, not stored
/// twice). <see cref="RenderedETag"/> is set on a compact copy of a hot tile (<see cref="ITileCompactor"/>): the ETag
/// of the bytes it was rendered as, which clients holding those bytes may still revalidate with.
/// </summary>
public sealed record TileContent(byte[] Bytes, string ContentType, string ETag, bool IsBlank = false, string? RenderedETag = null);
