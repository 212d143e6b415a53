using System.Collections.Concurrent;
using GeoMas.Ogc.Core.Caching;

namespace GeoMas.Ogc.Caching.Stores;

/// <summary>
/// The in-process L1, bounded by the total size of the tiles it holds. Reads are lock-free (a concurrent dictionary
/// and a "recently used" bit); writes and evictions take one lock. Eviction is CLOCK (second chance): the oldest
/// entry goes unless it was read since the hand last passed, in which case it gets another round — LRU-like hit
/// rates without moving list nodes on every hit. An index from position to its variants makes
/// <see cref="RemovePositionsAsync"/> cost the number of variants, not the size of the cache.
/// </summary>
public sealed class MemoryTileStore : ITileStore
{
    /// <summary>Bookkeeping bytes charged per entry on top of the tile bytes (key strings, dictionary and queue slots).</summary>
    internal const int EntryOverhead = 256;

    private readonly ConcurrentDictionary<TileKey, Entry> _entries = new();
    private readonly Dictionary<string, HashSet<TileKey>> _byPosition = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _clock = new();
    private readonly Lock _gate = new();
    private long _bytes;

    public MemoryTileStore(long capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacityBytes);
        CapacityBytes = capacityBytes;
    }

    public string Name => "memory";

    public long CapacityBytes { get; }

    /// <summary>Bytes charged for the entries held now (tile bytes + <see cref="EntryOverhead"/> each).</summary>
    public long SizeBytes => Interlocked.Read(ref _bytes);

    public int Count => _entries.Count;

    public bool TryGet(TileKey key, out TileContent content)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            entry.Referenced = true;
            content = entry.Content;
            return true;
        }
        content = null!;
        return false;
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
        public TileContent Content { get; } = content;
        public long Cost { get; } = cost;
        public volatile bool Referenced;
        /// <summary>Its place in the clock; null once removed.</summary>
        public LinkedListNode<Entry>? Node;
    }
}
