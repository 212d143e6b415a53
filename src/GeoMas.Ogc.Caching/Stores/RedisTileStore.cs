using GeoMas.Ogc.Core.Caching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace GeoMas.Ogc.Caching.Stores;

/// <summary>
/// The shared L2 of production: one Redis HASH per position (<c>geomas:tile:{layer}/{tms}/{matrix}/{row}/{col}</c>)
/// whose fields are the variants, so deleting the position key drops every style, format, time and revision of the
/// tile at once. Values are one flag byte (bit 0 = blank) followed by the encoded image.
/// </summary>
/// <remarks>
/// Redis is a cache here, never a dependency: the connection is made in the background and re-made by the client
/// (<c>AbortOnConnectFail=false</c>); commands fail fast while disconnected instead of queueing; every call is
/// bounded by <see cref="RedisTileStoreOptions.OperationTimeout"/> and guarded by an <see cref="OutageGuard"/>, so
/// an outage turns into misses and skipped writes, logged once and counted.
/// </remarks>
public sealed class RedisTileStore : ITileStore, IAsyncDisposable
{
    private const byte BlankFlag = 1;

    private readonly RedisTileStoreOptions _options;
    private readonly ConfigurationOptions _configuration;
    private readonly OutageGuard _guard;
    private readonly Lock _connecting = new();
    private Task<ConnectionMultiplexer> _connection;
    private bool _disposed;

    public RedisTileStore(RedisTileStoreOptions options, CachingMetrics metrics, ILogger<RedisTileStore>? logger = null, TimeProvider? time = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentNullException.ThrowIfNull(metrics);
        var log = (ILogger?)logger ?? NullLogger.Instance;
        _guard = new OutageGuard(Name, options.BreakDuration, time ?? TimeProvider.System, metrics, log);

        var configuration = ConfigurationOptions.Parse(options.Configuration);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        var timeout = (int)Math.Ceiling(options.OperationTimeout.TotalMilliseconds);
        configuration.AsyncTimeout = timeout;
        configuration.SyncTimeout = timeout;
        configuration.ConnectTimeout = Math.Max(timeout, 1000);
        configuration.ClientName ??= "geomas-tiles";
        _configuration = configuration;
        _connection = ConnectionMultiplexer.ConnectAsync(configuration);
    }

    public string Name => "redis";

    /// <summary>True while Redis is considered down (for health reporting).</summary>
    public bool IsDown => _guard.IsDown;

    public RedisKey KeyOf(string position) => _options.KeyPrefix + position;

    public async ValueTask<TileContent?> GetAsync(TileKey key, CancellationToken cancellationToken)
    {
        var value = await RunAsync(db => db.HashGetAsync(KeyOf(key.Position), key.Variant), RedisValue.Null).ConfigureAwait(false);
        if (value.IsNull)
            return null;
        byte[] stored = value!;
        if (stored.Length < 1)
            return null;
        var bytes = stored.AsSpan(1).ToArray();
        return new TileContent(bytes, TileFormats.ContentType(key.Format), TileEtag.Compute(bytes), (stored[0] & BlankFlag) != 0);
    }

    public async ValueTask SetAsync(TileKey key, TileContent content, CancellationToken cancellationToken)
    {
        var stored = new byte[content.Bytes.Length + 1];
        stored[0] = content.IsBlank ? BlankFlag : (byte)0;
        content.Bytes.CopyTo(stored, 1);
        var redisKey = KeyOf(key.Position);
        await RunAsync(async db =>
        {
            await db.HashSetAsync(redisKey, key.Variant, stored).ConfigureAwait(false);
            if (_options.TimeToLive is { } ttl)
                await db.KeyExpireAsync(redisKey, ttl).ConfigureAwait(false);
            return true;
        }, false).ConfigureAwait(false);
    }

    public async ValueTask RemovePositionsAsync(IReadOnlyCollection<string> positions, CancellationToken cancellationToken)
    {
        if (positions.Count == 0)
            return;
        var keys = positions.Select(KeyOf).ToArray();
        // Removal is not skipped by an open breaker: an invalidation that is lost leaves stale tiles, so it is tried.
        await RunAsync(db => db.KeyDeleteAsync(keys), 0L, evenIfBroken: true).ConfigureAwait(false);
    }

    private async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> call, T fallback, bool evenIfBroken = false)
    {
        if (!evenIfBroken && !_guard.ShouldTry())
            return fallback;
        try
        {
            // Still connecting for the first time: a miss now, not a wait.
            var connecting = Connection();
            if (!connecting.IsCompleted)
                return fallback;
            var connection = await connecting.ConfigureAwait(false);
            var result = await call(connection.GetDatabase()).WaitAsync(_options.OperationTimeout).ConfigureAwait(false);
            _guard.Succeeded();
            return result;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            _guard.Failed(e);
            return fallback;
        }
    }

    /// <summary>
    /// The multiplexer reconnects by itself once it exists, but a first connection that failed outright (the client
    /// may give up on the initial handshake whatever AbortOnConnectFail says) leaves a faulted task: start another.
    /// The outage guard spaces these attempts by its break duration.
    /// </summary>
    private Task<ConnectionMultiplexer> Connection()
    {
        var current = Volatile.Read(ref _connection);
        if (!current.IsFaulted && !current.IsCanceled)
            return current;
        lock (_connecting)
        {
            if (!_disposed && ReferenceEquals(_connection, current))
                _connection = ConnectionMultiplexer.ConnectAsync(_configuration);
            return current;
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_connecting)
            _disposed = true;
        if (_connection.IsCompletedSuccessfully)
            await _connection.Result.DisposeAsync().ConfigureAwait(false);
        else
            _ = _connection.ContinueWith(t => t.Result.Dispose(), TaskContinuationOptions.OnlyOnRanToCompletion);
    }
}
