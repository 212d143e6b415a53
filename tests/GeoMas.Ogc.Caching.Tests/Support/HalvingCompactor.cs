using System.Diagnostics.CodeAnalysis;
using GeoMas.Ogc.Core.Caching;

namespace GeoMas.Ogc.Caching.Tests.Support;

/// <summary>Keeps the first half of the bytes, and runs <see cref="During"/> while it works (a concurrent invalidation, say).</summary>
internal sealed class HalvingCompactor : ITileCompactor
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Action? During { get; set; }

    public bool TryCompact(TileContent tile, [NotNullWhen(true)] out byte[]? compact)
    {
        Interlocked.Increment(ref _calls);
        During?.Invoke();
        compact = tile.Bytes.Length > 1 ? tile.Bytes[..(tile.Bytes.Length / 2)] : null;
        return compact is not null;
    }
}
