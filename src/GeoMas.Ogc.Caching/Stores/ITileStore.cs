using GeoMas.Ogc.Core.Caching;

namespace GeoMas.Ogc.Caching.Stores;

/// <summary>
/// One cache tier. A store never fails a request: an unavailable store answers "not found" to reads and ignores
/// writes (after logging and counting), because a tile can always be rendered again.
/// </summary>
public interface ITileStore
{
    /// <summary>Tier name in logs and metrics: memory, disk, redis.</summary>
    string Name { get; }

    ValueTask<TileContent?> GetAsync(TileKey key, CancellationToken cancellationToken);

    ValueTask SetAsync(TileKey key, TileContent content, CancellationToken cancellationToken);

    /// <summary>Drops every variant stored at these positions (<see cref="TileKey.Position"/>).</summary>
    ValueTask RemovePositionsAsync(IReadOnlyCollection<string> positions, CancellationToken cancellationToken);
}
