using GeoMas.Ogc.Sources.Rasters.IO;

namespace GeoMas.Ogc.Sources.Tests.Rasters.Cog;

/// <summary>Wraps a byte source and records every read, to prove window reads touch only the bytes they need.</summary>
internal sealed class CountingByteSource(IByteSource inner) : IByteSource
{
    private readonly List<(long Offset, int Length)> _reads = [];

    public string Key => inner.Key;

    public IReadOnlyList<(long Offset, int Length)> Reads
    {
        get
        {
            lock (_reads)
                return [.. _reads];
        }
    }

    public void Reset()
    {
        lock (_reads)
            _reads.Clear();
    }

    public ValueTask<int> ReadAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        lock (_reads)
            _reads.Add((offset, destination.Length));
        return inner.ReadAsync(offset, destination, cancellationToken);
    }

    public void Dispose() => inner.Dispose();
}
