using System.IO.Hashing;

namespace GeoMas.Ogc.Caching;

/// <summary>
/// Strong validators: a quoted XxHash64 of the bytes. Derived from the content rather than the key, so a tile
/// rendered again after an invalidation keeps its ETag when its pixels did not change (clients get a 304).
/// </summary>
public static class TileEtag
{
    public static string Compute(ReadOnlySpan<byte> bytes) => "\"" + Hash(bytes) + "\"";

    /// <summary>16 lowercase hex digits.</summary>
    public static string Hash(ReadOnlySpan<byte> bytes) => XxHash64.HashToUInt64(bytes).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    public static string Hash(string text) => Hash(System.Text.Encoding.UTF8.GetBytes(text));
}
