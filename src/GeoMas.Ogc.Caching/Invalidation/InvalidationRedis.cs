using StackExchange.Redis;

namespace GeoMas.Ogc.Caching.Invalidation;

/// <summary>
/// The Redis connection of invalidation (pub/sub, claims, revisions), apart from the tile store's: pub/sub needs a
/// subscription that outlives outages, and the tile store's fail-fast settings suit tiles, not these few commands.
/// Connects in the background and reconnects by itself, so a server starts while Redis is down.
/// </summary>
public sealed class InvalidationRedis : IAsyncDisposable
{
    private readonly Task<ConnectionMultiplexer> _connection;

    public InvalidationRedis(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        // Told apart from the tile store's connections in CLIENT LIST, which share the configuration string.
        options.ClientName = (options.ClientName is { Length: > 0 } name ? name + "-" : "geomas-") + "invalidation";
        // Not awaited here: a server must start (and its DI resolve) while Redis is down.
        _connection = ConnectionMultiplexer.ConnectAsync(options);
    }

    /// <summary>The multiplexer once the first connection attempt is over (it keeps reconnecting by itself).</summary>
    public Task<ConnectionMultiplexer> ConnectionAsync() => _connection;

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsCompletedSuccessfully)
            await _connection.Result.DisposeAsync().ConfigureAwait(false);
        else
            _ = _connection.ContinueWith(t => t.Result.Dispose(), TaskContinuationOptions.OnlyOnRanToCompletion);
    }
}
