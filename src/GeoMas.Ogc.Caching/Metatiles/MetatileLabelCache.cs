using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Rendering;

namespace GeoMas.Ogc.Caching.Metatiles;

/// <summary>
/// The labels placed over each metatile recently asked for, kept so that its other tiles, rendered one by one as
/// they are asked for, draw the very same labels. Bounded by memory (oldest placement out first: tiles of a
/// metatile are asked for close together in time, by one map view or one seeding block), placed once per metatile
/// however many of its tiles miss at the same time, and dropped with any of its tiles when data changes.
/// </summary>
public sealed class MetatileLabelCache
{
    private readonly long _capacityBytes;
    private readonly Lock _gate = new();
    private readonly Dictionary<TileKey, Entry> _entries = [];
    private readonly Dictionary<string, List<TileKey>> _byPosition = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _age = new();
    private readonly SingleFlight<TileKey, PlacedLabels?> _placements = new();
    private long _bytes;
    // Moves on every removal: a placement that started before data changed is handed to its waiters but not kept.
    private long _generation;

    public MetatileLabelCache(long capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacityBytes);
        _capacityBytes = capacityBytes;
    }

    public int Count
    {
        get
        {
            lock (_gate)
                return _entries.Count;
        }
    }

    public long SizeBytes => Interlocked.Read(ref _bytes);

    /// <summary>The labels of the metatile keyed by <paramref name="metatileKey"/> (its top-left tile), if held.</summary>
    public PlacedLabels? TryGet(TileKey metatileKey)
    {
        lock (_gate)
            return _entries.TryGetValue(metatileKey, out var entry) ? entry.Labels : null;
    }

    /// <summary>The held labels, or the result of <paramref name="place"/> run once for everyone asking meanwhile.</summary>
    /// <param name="positions">The positions of every tile of the metatile (asked only when labels are kept): dropping any of them drops the labels.</param>
    public Task<PlacedLabels?> GetOrPlaceAsync(TileKey metatileKey, Func<IReadOnlyList<string>> positions,
        Func<CancellationToken, Task<PlacedLabels?>> place, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(place);
        if (TryGet(metatileKey) is { } held)
            return Task.FromResult<PlacedLabels?>(held);
        return _placements.RunAsync(metatileKey, async token =>
        {
            if (TryGet(metatileKey) is { } placedMeanwhile)
                return placedMeanwhile;
            var generation = Interlocked.Read(ref _generation);
            var labels = await place(token).ConfigureAwait(false);
            if (labels is not null)
                Add(metatileKey, positions(), labels, generation);
            return labels;
        }, cancellationToken);
    }

    /// <summary>Drops the labels of every metatile holding one of these tile positions.</summary>
    public void RemovePositions(IReadOnlyCollection<string> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        lock (_gate)
        {
            _generation++;
            foreach (var position in positions)
            {
                if (!_byPosition.TryGetValue(position, out var keys))
                    continue;
                foreach (var key in keys.ToArray())
                {
                    if (_entries.TryGetValue(key, out var entry))
                        RemoveLocked(entry);
                }
            }
        }
    }

    /// <summary>Drops every placement (the tiles' memory was cleared: <see cref="Stores.MemoryTileStore.Clear"/>).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _generation++;
            foreach (var entry in _age.ToList())
                RemoveLocked(entry);
        }
    }

    private void Add(TileKey metatileKey, IReadOnlyList<string> positions, PlacedLabels labels, long generation)
    {
        var cost = labels.ApproximateBytes + (positions.Count * 64L);
        if (cost > _capacityBytes)
            return;
        lock (_gate)
        {
            if (_generation != generation || _entries.ContainsKey(metatileKey))
                return;
            var entry = new Entry(metatileKey, labels, positions, cost);
            entry.Node = _age.AddLast(entry);
            _entries.Add(metatileKey, entry);
            foreach (var position in positions)
            {
                if (!_byPosition.TryGetValue(position, out var keys))
                    _byPosition[position] = keys = [];
                keys.Add(metatileKey);
            }
            _bytes += cost;
            while (_bytes > _capacityBytes && _age.First is { } oldest)
                RemoveLocked(oldest.Value);
        }
    }

    private void RemoveLocked(Entry entry)
    {
        if (entry.Node is null)
            return;
        _age.Remove(entry.Node);
        entry.Node = null;
        _entries.Remove(entry.Key);
        foreach (var position in entry.Positions)
        {
            if (_byPosition.TryGetValue(position, out var keys))
            {
                keys.Remove(entry.Key);
                if (keys.Count == 0)
                    _byPosition.Remove(position);
            }
        }
        _bytes -= entry.Cost;
    }

    private sealed class Entry(TileKey key, PlacedLabels labels, IReadOnlyList<string> positions, long cost)
    {
        public TileKey Key { get; } = key;
        public PlacedLabels Labels { get; } = labels;
        public IReadOnlyList<string> Positions { get; } = positions;
        public long Cost { get; } = cost;
        public LinkedListNode<Entry>? Node;
    }
}
