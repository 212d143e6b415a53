using System.Collections.Concurrent;

namespace GeoMas.Ogc.Sources.Rasters.Cog;

/// <summary>
/// A bounded, thread-safe LRU of decoded RGBA blocks shared by every COG source (keyed by object, level and block),
/// so adjacent map tiles and metatiles that touch the same COG tiles decode them once. The bound is in bytes.
/// </summary>
public sealed class DecodedTileCache
{
    private readonly Lock _lock = new();
    private readonly Dictionary<DecodedTileKey, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = new();
    private readonly ConcurrentDictionary<DecodedTileKey, TaskCompletionSource<byte[]>> _inFlight = new();
    private long _bytes;

    public DecodedTileCache(long capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacityBytes);
        CapacityBytes = capacityBytes;
    }

    /// <summary>The process-wide cache used when <see cref="CogReaderOptions.Cache"/> is not set (256 MiB).</summary>
    public static DecodedTileCache Shared { get; } = new(256L * 1024 * 1024);

    public long CapacityBytes { get; }

    public long SizeBytes
    {
        get
        {
            lock (_lock)
                return _bytes;
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
                return _entries.Count;
        }
    }

    public bool TryGet(DecodedTileKey key, out byte[] rgba)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                rgba = node.Value.Rgba;
                return true;
            }
        }
        rgba = [];
        return false;
    }

    public void Add(DecodedTileKey key, byte[] rgba)
    {
        if (rgba.Length > CapacityBytes)
            return;
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                _recency.Remove(existing);
                _bytes -= existing.Value.Rgba.Length;
            }
            var node = _recency.AddFirst(new Entry(key, rgba));
            _entries[key] = node;
            _bytes += rgba.Length;
            while (_bytes > CapacityBytes && _recency.Last is { } last)
            {
                _recency.RemoveLast();
                _entries.Remove(last.Value.Key);
                _bytes -= last.Value.Rgba.Length;
            }
        }
    }

    /// <summary>
    /// Claims the decoding of a block so concurrent reads of the same block (neighbouring map tiles rendered at once)
    /// decode it once: returns the claim when the caller must decode, or null and the pending decode of another reader.
    /// </summary>
    internal TaskCompletionSource<byte[]>? TryClaim(DecodedTileKey key, out Task<byte[]> pending)
    {
        var mine = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var current = _inFlight.GetOrAdd(key, mine);
        pending = current.Task;
        return ReferenceEquals(current, mine) ? mine : null;
    }

    /// <summary>Stores a claimed block and hands it to the readers waiting for it.</summary>
    internal void Complete(DecodedTileKey key, TaskCompletionSource<byte[]> claim, byte[] rgba)
    {
        Add(key, rgba);
        _inFlight.TryRemove(new KeyValuePair<DecodedTileKey, TaskCompletionSource<byte[]>>(key, claim));
        claim.TrySetResult(rgba);
    }

    /// <summary>Releases a claim whose decoding failed or was cancelled; waiters then decode the block themselves.</summary>
    internal void Abandon(DecodedTileKey key, TaskCompletionSource<byte[]> claim, Exception error)
    {
        _inFlight.TryRemove(new KeyValuePair<DecodedTileKey, TaskCompletionSource<byte[]>>(key, claim));
        claim.TrySetException(error);
    }

    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
            _recency.Clear();
            _bytes = 0;
        }
    }

    private sealed record Entry(DecodedTileKey Key, byte[] Rgba);
}
