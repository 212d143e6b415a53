namespace GeoMas.Ogc.Core.Caching;

/// <summary>
/// Tile storage tiers (memory L1 → Redis or disk). Concurrent misses for the same key run <c>factory</c> once.
/// A failing store (Redis down) never fails the request: the tile is rendered and served, and the failure logged.
/// </summary>
public interface ITileCache
{
    Task<TileContent> GetOrCreateAsync(TileKey key, Func<CancellationToken, Task<TileContent>> factory, CancellationToken cancellationToken);

    /// <summary>Stores tiles rendered together with the requested one (the rest of a metatile).</summary>
    Task SetManyAsync(IReadOnlyList<(TileKey Key, TileContent Content)> tiles, CancellationToken cancellationToken);

    /// <summary>Drops every variant of these positions in every tier (local only; fan-out across instances is the invalidation bus' job).</summary>
    Task RemovePositionsAsync(IReadOnlyCollection<string> positions, CancellationToken cancellationToken);
}
