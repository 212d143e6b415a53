using System.Text.Json;
using System.Text.Json.Serialization;

namespace GeoMas.Ogc.Caching.Invalidation;

/// <summary>
/// What travels on the <c>geomas:invalidate</c> channel once the shared store has been purged: the positions every
/// instance drops from its L1, and the new data revisions of bumped layers. <see cref="Origin"/> lets the sender skip
/// its own message.
/// </summary>
public sealed record InvalidationMessage(
    [property: JsonPropertyName("origin")] string Origin,
    [property: JsonPropertyName("positions")] IReadOnlyList<string> Positions,
    [property: JsonPropertyName("revisions")] IReadOnlyDictionary<string, long> Revisions)
{
    public const string Channel = "geomas:invalidate";

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this);

    public static InvalidationMessage? Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var message = JsonSerializer.Deserialize<InvalidationMessage>(json);
            return message is { Origin: not null, Positions: not null, Revisions: not null } ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
