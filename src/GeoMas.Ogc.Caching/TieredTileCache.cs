using GeoMas.Ogc.Caching.Stores;
using GeoMas.Ogc.Core.Caching;

namespace GeoMas.Ogc.Caching;

/// <summary>
/// L1 (in-process memory) in front of an optional L2 (Redis in production, disk for the embedded server). A hit in
/// L1 is answered synchronously without any lock or await; a miss becomes one flight per key (see
/// <see cref="SingleFlight{TKey,TValue}"/>) that looks in L2, promotes what it finds to L1, or runs the factory and
/// stores its result in both tiers.
/// </summary>
/// <remarks>
/// Blank tiles (<see cref="TileContent.IsBlank"/>) are stored like any other: a blank PNG is about a hundred bytes,
/// so a "tiny marker" would save nothing while adding a second decoding path; what matters is that a blank tile
/// inside a rendered metatile is not rendered again, on this instance or another.
/// </remarks>
public sealed class TieredTileCache : ITileCache
{
    private readonly MemoryTileStore _memory;
    private readonly ITileStore? _shared;
    private readonly CachingMetrics _metrics;
    private readonly SingleFlight<TileKey, TileContent> _flights = new();

    /// <param name="shared">The L2; null = memory only (<c>cache.store: none</c>).</param>
    public TieredTileCache(MemoryTileStore memory, ITileStore? shared, CachingMetrics metrics)
    {
        _memory = memory ?? throw new ArgumentNullException(nameof(memory));
        _shared = shared;
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
    }

    public MemoryTileStore Memory => _memory;

    public ITileStore? Shared => _shared;

    /// <summary>The tile if this process holds it, without touching L2 or waiting for anything.</summary>
    public bool TryGetLocal(TileKey key, out TileContent content) => Hit(_memory.TryGet(key, out content));

    /// <summary>As <see cref="TryGetLocal"/>, for the cache's own checks: not a hit toward compaction (<see cref="MemoryTileStore.TryPeek"/>).</summary>
    public bool TryPeekLocal(TileKey key, out TileContent content) => Hit(_memory.TryPeek(key, out content));

    /// <summary>As <see cref="TryGetLocal"/>, declining the hit that would compact the tile (<see cref="MemoryTileStore.TryGetWithoutCompacting"/>).</summary>
    public bool TryGetLocalWithoutCompacting(TileKey key, out TileContent content) => Hit(_memory.TryGetWithoutCompacting(key, out content));

    private bool Hit(bool found)
    {
        if (found)
            _metrics.Hit(_memory.Name);
        return found;
    }

    public Task<TileContent> GetOrCreateAsync(TileKey key, Func<CancellationToken, Task<TileContent>> factory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(factory);
        if (TryGetLocal(key, out var hit))
            return Task.FromResult(hit);
        return _flights.RunAsync(key, token => LoadAsync(key, factory, token), cancellationToken);
    }

    private async Task<TileContent> LoadAsync(TileKey key, Func<CancellationToken, Task<TileContent>> factory, CancellationToken cancellationToken)
    {
        // Checked again inside the flight: a metatile render may have stored this tile since the caller looked.
        if (_memory.TryGet(key, out var local))
            return local;
        _metrics.Miss(_memory.Name);
        if (_shared is not null)
        {
            if (await _shared.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } found)
            {
                _metrics.Hit(_shared.Name);
                _memory.Set(key, found);
                return found;
            }
            _metrics.Miss(_shared.Name);
        }
        var created = await factory(cancellationToken).ConfigureAwait(false);
        // The factory may have stored the tile already (a metatile stores all its tiles): do not write it twice.
        if (!_memory.Contains(key))
            await StoreAsync(key, created, CancellationToken.None).ConfigureAwait(false);
        return created;
    }

    public async Task SetManyAsync(IReadOnlyList<(TileKey Key, TileContent Content)> tiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        foreach (var (key, content) in tiles)
            _memory.Set(key, content);
        if (_shared is null)
            return;
        // Concurrently: Redis pipelines them on one connection, the disk store overlaps its file writes.
        var writes = new Task[tiles.Count];
        for (var i = 0; i < tiles.Count; i++)
            writes[i] = _shared.SetAsync(tiles[i].Key, tiles[i].Content, cancellationToken).AsTask();
        await Task.WhenAll(writes).ConfigureAwait(false);
    }

    public async Task RemovePositionsAsync(IReadOnlyCollection<string> positions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(positions);
        await _memory.RemovePositionsAsync(positions, cancellationToken).ConfigureAwait(false);
        if (_shared is not null)
            await _shared.RemovePositionsAsync(positions, cancellationToken).ConfigureAwait(false);
    }

    private async Task StoreAsync(TileKey key, TileContent content, CancellationToken cancellationToken)
    {
        _memory.Set(key, content);
        if (_shared is not null)
            await _shared.SetAsync(key, content, cancellationToken).ConfigureAwait(false);
    }
}
