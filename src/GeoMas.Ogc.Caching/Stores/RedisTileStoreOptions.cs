namespace GeoMas.Ogc.Caching.Stores;

public sealed record RedisTileStoreOptions
{
    /// <summary>StackExchange.Redis configuration string ("127.0.0.1:6379", "a:6379,b:6379,password=…").</summary>
    public required string Configuration { get; init; }

    /// <summary>Key prefix; each position is one HASH <c>{prefix}{position}</c>.</summary>
    public string KeyPrefix { get; init; } = "geomas:tile:";

    /// <summary>Expiry of a position's HASH after its last write; null = none.</summary>
    public TimeSpan? TimeToLive { get; init; }

    /// <summary>
    /// Longest a tile request waits for Redis. A cache answer slower than this is worth less than a render from a
    /// warm metatile; kept short so an overloaded Redis degrades to misses instead of slow tiles.
    /// </summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long Redis is skipped after a failure before the next try.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(1.5);
}
