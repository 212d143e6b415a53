using System.Diagnostics.CodeAnalysis;

namespace GeoMas.Ogc.Core.Caching;

/// <summary>
/// Encodes a stored tile again in fewer bytes with the same pixels. Tiles are encoded fast when they are rendered,
/// since most are asked for once; the cache asks for a compact copy of those asked for again (hot tiles), which then
/// cost less memory and less time to send on every later hit.
/// </summary>
public interface ITileCompactor
{
    /// <summary>Smaller bytes of the same image, or false when this tile cannot be made smaller.</summary>
    bool TryCompact(TileContent tile, [NotNullWhen(true)] out byte[]? compact);
}
