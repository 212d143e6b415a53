namespace GeoMas.Ogc.Server.Usage;

/// <summary>
/// A 64-bit hash that is the same in every process (string.GetHashCode is randomised per process, and the sketches
/// outlive processes): FNV-1a over the bytes, then MurmurHash3's finaliser so that every bit depends on every input
/// bit, as HyperLogLog needs.
/// </summary>
public static class StableHash
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(ReadOnlySpan<byte> bytes)
    {
        var hash = Offset;
        foreach (var b in bytes)
            hash = (hash ^ b) * Prime;
        return Mix(hash);
    }

    public static ulong Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = Offset;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }
        return Mix(hash);
    }

    public static ulong Of(System.Net.IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        // An IPv4 client seen through a dual-stack socket is the same client as over IPv4.
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return address.TryWriteBytes(bytes, out var written) ? Of(bytes[..written]) : Of(address.ToString());
    }

    private static ulong Mix(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccd;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53;
        hash ^= hash >> 33;
        return hash;
    }
}
