using System.Collections.Concurrent;

namespace GeoMas.Ogc.Server.Usage;

/// <summary>
/// The in-memory side of metering: counters per <see cref="UsageKey"/> and a distinct-client sketch per application
/// and day. A request costs a dictionary lookup of an existing key and a few Interlocked adds (no lock, no
/// allocation once the key exists); <see cref="Drain"/> hands what accumulated to the flusher.
/// </summary>
public sealed class UsageAggregator
{
    /// <summary>The layer under which keys past <see cref="UsageOptions.MaxKeys"/> are counted.</summary>
    public const string OverflowLayer = "(other)";

    private readonly ConcurrentDictionary<UsageKey, UsageCounters> _counters = new();
    private readonly ConcurrentDictionary<(DateOnly Day, string Application), HyperLogLog> _clients = new();
    private readonly int _maxKeys;
    private int _keys;

    public UsageAggregator(int maxKeys) => _maxKeys = Math.Max(1, maxKeys);

    public void Record(UsageKey key, long requests, long tiles, long features, long bytes) =>
        CountersOf(key).Add(requests, tiles, features, bytes);

    /// <summary>Counts a client (a <see cref="StableHash"/> of its user id or address) of an application on a day.</summary>
    public void Client(DateOnly day, string application, ulong clientHash)
    {
        if (!_clients.TryGetValue((day, application), out var sketch))
            sketch = _clients.GetOrAdd((day, application), _ => new HyperLogLog());
        sketch.Add(clientHash);
    }

    /// <summary>
    /// Takes every count accumulated since the last drain and a copy of every sketch that changed. Keys and sketches
    /// of days before yesterday that have nothing left are dropped (no request can still be counted on them).
    /// </summary>
    public UsageBatch Drain(DateOnly today)
    {
        var counters = new List<UsageRecord>();
        var stale = today.AddDays(-1);
        foreach (var (key, live) in _counters)
        {
            if (live.Drain(key) is { } record)
                counters.Add(record);
            else if (key.Day < stale && _counters.TryRemove(key, out _))
                Interlocked.Decrement(ref _keys);
        }
        var clients = new List<ClientSketch>();
        foreach (var ((day, application), sketch) in _clients)
        {
            if (sketch.TakeDirty())
                clients.Add(new ClientSketch(day, application, sketch.ToArray()));
            else if (day < stale)
                _clients.TryRemove((day, application), out _);
        }
        return new UsageBatch(counters, clients);
    }

    /// <summary>Puts back a batch whose write failed, so that the next flush retries it.</summary>
    public void Restore(UsageBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var record in batch.Counters)
            CountersOf(record.Key).Add(record.Requests, record.Tiles, record.Features, record.Bytes);
        foreach (var client in batch.Clients)
        {
            var sketch = _clients.GetOrAdd((client.Day, client.Application), _ => new HyperLogLog());
            sketch.Merge(client.Registers);
            sketch.MarkDirty();
        }
    }

    private UsageCounters CountersOf(UsageKey key)
    {
        if (_counters.TryGetValue(key, out var counters))
            return counters;
        if (Volatile.Read(ref _keys) >= _maxKeys)
        {
            key = key with { Layer = OverflowLayer };
            if (_counters.TryGetValue(key, out counters))
                return counters;
        }
        var created = new UsageCounters();
        counters = _counters.GetOrAdd(key, created);
        if (ReferenceEquals(counters, created))
            Interlocked.Increment(ref _keys);
        return counters;
    }
}
