using StackExchange.Redis;

namespace GeoMas.Ogc.Caching.Invalidation;

/// <summary>
/// The Redis connection of invalidation (pub/sub, claims, revisions), apart from the tile store's: pub/sub needs a
/// subscription that outlives outages, and the tile store's fail-fast settings suit tiles, not these few commands.
/// Connects in the background and reconnects by itself, so a server starts while Redis is down.
/// </summary>
public sealed class InvalidationRedis : IAsyncDisposable
{
    public InvalidationRedis(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ClientName ??= "geomas-invalidation";
        Connection = ConnectionMultiplexer.Connect(options);
    }

    public ConnectionMultiplexer Connection { get; }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
