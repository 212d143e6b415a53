using System.Security.Cryptography;
using System.Text;

namespace GeoMas.Ogc.Core.Security;

/// <summary>
/// API keys are 256-bit random strings, stored only as "sha256:&lt;hex&gt;". A fast hash is enough for keys of that
/// entropy (no dictionary to guess from); comparison is constant-time so timing tells nothing about stored hashes.
/// </summary>
public static class ApiKeyHasher
{
    public const string Prefix = "sha256:";

    /// <summary>A new key: "gm_" + 43 URL-safe base64 characters (32 random bytes).</summary>
    public static string NewKey() =>
        "gm_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>The 32 digest bytes of a stored "sha256:&lt;hex&gt;" value, or null when malformed.</summary>
    public static byte[]? ParseStored(string? stored)
    {
        if (stored is null || !stored.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || stored.Length != Prefix.Length + 64)
            return null;
        try
        {
            return Convert.FromHexString(stored.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static bool Matches(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> stored) => CryptographicOperations.FixedTimeEquals(digest, stored);
}
