using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace GeoMas.Ogc.Core.Catalog.Configuration;

/// <summary>
/// Hashes everything that changes published content (configuration, style files, data extents and time values)
/// into an updateSequence. Stable per content, so every instance behind a load balancer advertises the same value;
/// decimal digits so that clients and test suites that compare updateSequences as numbers can do so.
/// </summary>
internal sealed class CatalogFingerprint : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public void Append(string text)
    {
        _hash.AppendData(Encoding.UTF8.GetBytes(text));
        _hash.AppendData([0]);
    }

    public void Append(ReadOnlySpan<byte> bytes) => _hash.AppendData(bytes);

    /// <summary>The first 48 bits of the hash as a decimal number (fits in a long and exactly in a double).</summary>
    public string ToUpdateSequence()
    {
        Span<byte> digest = stackalloc byte[32];
        _hash.GetCurrentHash(digest);
        Span<byte> eight = stackalloc byte[8];
        digest[..6].CopyTo(eight[2..]);
        return BinaryPrimitives.ReadUInt64BigEndian(eight).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _hash.Dispose();
}
