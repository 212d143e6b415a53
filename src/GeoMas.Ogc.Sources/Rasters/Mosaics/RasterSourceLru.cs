using GeoMas.Ogc.Core.Rasters;

namespace GeoMas.Ogc.Sources.Rasters.Mosaics;

/// <summary>
/// A bounded set of open files of a mosaic, least recently used closed first, so a département of hundreds of
/// COGs never holds hundreds of handles and header caches. A file in use by a read is leased: when it is evicted
/// meanwhile, it is closed only once its last lease is returned.
/// </summary>
internal sealed class RasterSourceLru(RasterFileOpener openFile, int capacity) : IDisposable
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private readonly Lock _lock = new();
    private bool _disposed;

    public int Capacity { get; } = Math.Max(1, capacity);

    /// <summary>Files open now (evicted files still leased included).</summary>
    public int OpenCount { get; private set; }

    /// <summary>Files opened since the start (a measure of cache misses, for tests).</summary>
    public int OpenedTotal { get; private set; }

    public Lease Acquire(string path)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_entries.TryGetValue(path, out var hit))
            {
                _recency.Remove(hit.Node);
                _recency.AddFirst(hit.Node);
                hit.Leases++;
                return new Lease(this, hit);
            }
        }
        // Opened outside the lock: reading a header is I/O, and other files must stay available meanwhile.
        var source = openFile(path);
        var toClose = new List<IRasterSource>();
        Entry entry;
        lock (_lock)
        {
            if (_disposed)
            {
                toClose.Add(source);
                entry = null!;
            }
            else if (_entries.TryGetValue(path, out var raced))
            {
                toClose.Add(source); // another read opened it first
                _recency.Remove(raced.Node);
                _recency.AddFirst(raced.Node);
                raced.Leases++;
                entry = raced;
            }
            else
            {
                entry = new Entry(path, source);
                entry.Node = _recency.AddFirst(entry);
                entry.Leases = 1;
                _entries.Add(path, entry);
                OpenCount++;
                OpenedTotal++;
                while (_entries.Count > Capacity && _recency.Last is { } last)
                {
                    var victim = last.Value;
                    _recency.RemoveLast();
                    _entries.Remove(victim.Path);
                    victim.Evicted = true;
                    if (victim.Leases == 0)
                    {
                        OpenCount--;
                        toClose.Add(victim.Source);
                    }
                }
            }
        }
        foreach (var closing in toClose)
            Close(closing);
        ObjectDisposedException.ThrowIf(entry is null, this);
        return new Lease(this, entry);
    }

    private void Release(Entry entry)
    {
        var close = false;
        lock (_lock)
        {
            entry.Leases--;
            if (entry.Evicted && entry.Leases == 0)
            {
                OpenCount--;
                close = true;
            }
        }
        if (close)
            Close(entry.Source);
    }

    public void Dispose()
    {
        List<IRasterSource> toClose;
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
            toClose = [];
            foreach (var entry in _entries.Values)
            {
                entry.Evicted = true;
                if (entry.Leases == 0)
                {
                    OpenCount--;
                    toClose.Add(entry.Source);
                }
            }
            _entries.Clear();
            _recency.Clear();
        }
        foreach (var source in toClose)
            Close(source);
    }

    private static void Close(IRasterSource source) => RasterSourceRegistry.DisposeSourceAsync(source).AsTask().GetAwaiter().GetResult();

    internal sealed class Entry(string path, IRasterSource source)
    {
        public string Path { get; } = path;
        public IRasterSource Source { get; } = source;
        public LinkedListNode<Entry> Node { get; set; } = null!;
        public int Leases { get; set; }
        public bool Evicted { get; set; }
    }

    /// <summary>A file held open for one read; dispose to return it.</summary>
    public readonly struct Lease : IDisposable
    {
        private readonly RasterSourceLru _owner;
        private readonly Entry _entry;

        internal Lease(RasterSourceLru owner, Entry entry)
        {
            _owner = owner;
            _entry = entry;
        }

        public IRasterSource Source => _entry.Source;

        public void Dispose() => _owner.Release(_entry);
    }
}
