namespace GeoMas.Ogc.Server.Usage;

/// <summary>Counters of one <see cref="UsageKey"/>, as flushed to and read from a store.</summary>
public sealed record UsageRecord(UsageKey Key, long Requests, long Tiles, long Features, long Bytes)
{
    public UsageRecord Plus(UsageRecord other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return this with
        {
            Requests = Requests + other.Requests,
            Tiles = Tiles + other.Tiles,
            Features = Features + other.Features,
            Bytes = Bytes + other.Bytes,
        };
    }
}
