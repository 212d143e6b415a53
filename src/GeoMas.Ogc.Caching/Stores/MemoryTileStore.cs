using System.Collections.Concurrent;
using GeoMas.Ogc.Core.Caching;

namespace GeoMas.Ogc.Caching.Stores;

/// <summary>
/// The in-process L1, bounded by the total size of the tiles it holds. Reads are lock-free (a concurrent dictionary
/// and a "recently used" bit); writes and evictions take one lock. Eviction is CLOCK (second chance): the oldest
/// entry goes unless it was read since the hand last passed, in which case it gets another round — LRU-like hit
/// rates without moving list nodes on every hit. An index from position to its variants makes
/// <see cref="RemovePositionsAsync"/> cost the number of variants, not the size of the cache.
/// <para>
/// Hot tiles are compacted: the hit that makes a tile's <see cref="CompactAfterHits"/>th swaps its content for the
/// <see cref="ITileCompactor"/>'s smaller bytes of the same image (with their own ETag), on that request's thread.
/// A tile read once after its render (the rest of a metatile, most tiles of a cold pass) is never compacted, so the
/// cost falls only on tiles that are asked for again, which then send fewer bytes on every later hit. Only this
/// tier holds the compact bytes: writing them back to the shared store could put back a tile that an invalidation
/// removed meanwhile, and every instance compacts the same bytes into the same compact bytes.
/// </para>
/// </summary>
public sealed class MemoryTileStore : ITileStore
{
    /// <summary>Bookkeeping bytes charged per entry on top of the tile bytes (key strings, dictionary and queue slots).</summary>
    internal const int EntryOverhead = 256;

    private readonly ConcurrentDictionary<TileKey, Entry> _entries = new();
    private readonly Dictionary<string, HashSet<TileKey>> _byPosition = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _clock = new();
    private readonly Lock _gate = new();
    private readonly ITileCompactor? _compactor;
    private readonly CachingMetrics? _metrics;
    private long _bytes;

    /// <param name="compactor">Compacts hot tiles; null = tiles are kept as they were stored.</param>
    public MemoryTileStore(long capacityBytes, ITileCompactor? compactor = null, CachingMetrics? metrics = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacityBytes);
        CapacityBytes = capacityBytes;
        _compactor = compactor;
        _metrics = metrics;
    }

    /// <summary>
    /// Hits after which a tile is compacted. Two, not one: a tile stored with its metatile (seeding,
    /// <c>metatileOnMiss: metatile</c>) has its first hit when a cold pass, which asks for each tile once, reaches it.
    /// </summary>
    public const int CompactAfterHits = 2;

    public string Name => "memory";

    public long CapacityBytes { get; }

    /// <summary>Bytes charged for the entries held now (tile bytes + <see cref="EntryOverhead"/> each).</summary>
    public long SizeBytes => Interlocked.Read(ref _bytes);

    public int Count => _entries.Count;

    /// <summary>The tile, for a request that will send it: counted as a hit toward compaction.</summary>
    public bool TryGet(TileKey key, out TileContent content) => TryRead(key, Read.Hit, out content);

    /// <summary>
    /// The tile, for the cache's own checks (are all the tiles of a metatile held already?): not a hit toward
    /// compaction, or seeding an area twice would compact every tile of it that nobody asked for.
    /// </summary>
    public bool TryPeek(TileKey key, out TileContent content) => TryRead(key, Read.Peek, out content);

    /// <summary>
    /// As <see cref="TryGet"/>, for a caller whose thread must not do the compaction (the socket event thread of the
    /// cached-tile fast path): the hit that would compact the tile is declined, as a miss with nothing counted, so
    /// the caller's slower path, on a pool thread, makes it.
    /// </summary>
    public bool TryGetWithoutCompacting(TileKey key, out TileContent content) => TryRead(key, Read.HitWithoutCompacting, out content);

    private enum Read
    {
        Hit,
        HitWithoutCompacting,
        Peek,
    }

    private bool TryRead(TileKey key, Read read, out TileContent content)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            content = null!;
            return false;
        }
        if (read != Read.Peek && entry.Hits < CompactAfterHits)
        {
            if (read == Read.HitWithoutCompacting && _compactor is not null && Volatile.Read(ref entry.Hits) == CompactAfterHits - 1)
            {
                content = null!;
                return false;
            }
            CountHit(entry);
        }
        entry.Referenced = true;
        content = entry.Content;
        return true;
    }

    /// <summary>Counts the hits of a tile not yet compacted, and compacts it on the hit that makes it hot.</summary>
    private void CountHit(Entry entry)
    {
        if (Interlocked.Increment(ref entry.Hits) != CompactAfterHits)
            return;
        if (_compactor is null || !_compactor.TryCompact(entry.Content, out var compact))
            return;
        var before = entry.Content;
        var after = before with { Bytes = compact, ETag = TileEtag.Compute(compact), RenderedETag = before.ETag };
        var cost = (long)compact.Length + EntryOverhead;
        lock (_gate)
        {
            // Removed (invalidated, evicted) or replaced meanwhile: the compact copy would bring back what went.
            if (entry.Node is null || !ReferenceEquals(entry.Content, before))
                return;
            entry.Content = after;
            Interlocked.Add(ref _bytes, cost - entry.Cost);
            entry.Cost = cost;
        }
        _metrics?.Compacted(before.Bytes.Length - compact.Length);
    }

    public bool Contains(TileKey key) => _entries.ContainsKey(key);

    public ValueTask<TileContent?> GetAsync(TileKey key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryGet(key, out var content) ? content : null);

    public void Set(TileKey key, TileContent content)
    {
        var cost = (long)content.Bytes.Length + EntryOverhead;
        if (cost > CapacityBytes)
            return;
        var entry = new Entry(key, content, cost);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var old))
                RemoveLocked(old);
            _entries[key] = entry;
            entry.Node = _clock.AddLast(entry);
            if (!_byPosition.TryGetValue(key.Position, out var variants))
                _byPosition[key.Position] = variants = [];
            variants.Add(key);
            Interlocked.Add(ref _bytes, cost);
            EvictLocked();
        }
    }

    public ValueTask SetAsync(TileKey key, TileContent content, CancellationToken cancellationToken)
    {
        Set(key, content);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Raised by <see cref="RemovePositionsAsync"/> (invalidation, truncation), so what else this process keeps
    /// about those tiles (the labels placed over their metatiles) goes with them.
    /// </summary>
    public event Action<IReadOnlyCollection<string>>? PositionsRemoved;

    public ValueTask RemovePositionsAsync(IReadOnlyCollection<string> positions, CancellationToken cancellationToken)
    {
        PositionsRemoved?.Invoke(positions);
        lock (_gate)
        {
            foreach (var position in positions)
            {
                if (!_byPosition.TryGetValue(position, out var variants))
                    continue;
                foreach (var key in variants.ToList())
                {
                    if (_entries.TryGetValue(key, out var entry))
                        RemoveLocked(entry);
                }
            }
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Raised by <see cref="Clear"/>, as <see cref="PositionsRemoved"/> is by a removal of positions.</summary>
    public event Action? Cleared;

    /// <summary>
    /// Drops every tile: for an instance that may have missed invalidations (a lost subscription), when it cannot know
    /// which of its tiles they named.
    /// </summary>
    public void Clear()
    {
        Cleared?.Invoke();
        lock (_gate)
        {
            foreach (var entry in _clock.ToList())
                RemoveLocked(entry);
        }
    }

    private void EvictLocked()
    {
        // Each pass clears at most every reference bit once, so the loop ends after two rounds at worst.
        while (Interlocked.Read(ref _bytes) > CapacityBytes && _clock.First is { } oldest)
        {
            var entry = oldest.Value;
            if (entry.Referenced)
            {
                entry.Referenced = false;
                _clock.Remove(oldest);
                _clock.AddLast(oldest);
                continue;
            }
            RemoveLocked(entry);
        }
    }

    private void RemoveLocked(Entry entry)
    {
        if (entry.Node is null)
            return;
        _clock.Remove(entry.Node);
        entry.Node = null;
        _entries.TryRemove(new KeyValuePair<TileKey, Entry>(entry.Key, entry));
        if (_byPosition.TryGetValue(entry.Key.Position, out var variants))
        {
            variants.Remove(entry.Key);
            if (variants.Count == 0)
                _byPosition.Remove(entry.Key.Position);
        }
        Interlocked.Add(ref _bytes, -entry.Cost);
    }

    private sealed class Entry(TileKey key, TileContent content, long cost)
    {
        public TileKey Key { get; } = key;
        /// <summary>Set once more when the tile is compacted: readers see the stored or the compact copy, both whole.</summary>
        public volatile TileContent Content = content;
        public long Cost = cost;
        public volatile bool Referenced;
        /// <summary>Hits counted until <see cref="CompactAfterHits"/>; not counted after that.</summary>
        public int Hits;
        /// <summary>Its place in the clock; null once removed.</summary>
        public LinkedListNode<Entry>? Node;
    }
}
