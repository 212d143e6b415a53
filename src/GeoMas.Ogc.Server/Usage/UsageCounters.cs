namespace GeoMas.Ogc.Server.Usage;

/// <summary>
/// The live counters of one key, added to with Interlocked by request threads and drained (exchanged with zero) by
/// the flusher: no lock, and a count is either in this flush or the next, never lost nor counted twice.
/// </summary>
internal sealed class UsageCounters
{
    private long _requests;
    private long _tiles;
    private long _features;
    private long _bytes;

    public void Add(long requests, long tiles, long features, long bytes)
    {
        Interlocked.Add(ref _requests, requests);
        if (tiles != 0)
            Interlocked.Add(ref _tiles, tiles);
        if (features != 0)
            Interlocked.Add(ref _features, features);
        if (bytes != 0)
            Interlocked.Add(ref _bytes, bytes);
    }

    /// <summary>Takes the counts accumulated since the last drain; null when there were none.</summary>
    public UsageRecord? Drain(UsageKey key)
    {
        var requests = Interlocked.Exchange(ref _requests, 0);
        var tiles = Interlocked.Exchange(ref _tiles, 0);
        var features = Interlocked.Exchange(ref _features, 0);
        var bytes = Interlocked.Exchange(ref _bytes, 0);
        return requests == 0 && tiles == 0 && features == 0 && bytes == 0 ? null : new UsageRecord(key, requests, tiles, features, bytes);
    }
}
