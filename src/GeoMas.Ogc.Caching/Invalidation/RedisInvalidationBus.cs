using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GeoMas.Ogc.Caching.Invalidation;

/// <summary>
/// Redis pub/sub on <see cref="InvalidationMessage.Channel"/>, and change claims as <c>SET geomas:inv:claim:{id} NX EX 600</c>.
/// Pub/sub delivers at most once: an instance whose subscription dropped is told through <c>onReconnected</c>, so it
/// can re-read revisions and forget its L1 (see <see cref="InvalidationCoordinator"/>).
/// </summary>
public sealed class RedisInvalidationBus : IInvalidationBus
{
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(10);
    private readonly InvalidationRedis _redis;
    private readonly ILogger _log;

    public RedisInvalidationBus(InvalidationRedis redis, ILogger log)
    {
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        _log = log ?? throw new ArgumentNullException(nameof(log));
    }

    public string InstanceId { get; } = Environment.MachineName + ":" + Environment.ProcessId + ":" + Guid.NewGuid().ToString("N")[..8];

    public async Task<bool> TryClaimAsync(string changeId, CancellationToken cancellationToken)
    {
        try
        {
            var redis = await _redis.ConnectionAsync().ConfigureAwait(false);
            return await redis.GetDatabase().StringSetAsync("geomas:inv:claim:" + changeId, InstanceId, ClaimLifetime, When.NotExists).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _log.LogWarning("Redis unavailable to claim change {Change} ({Error}); purging it here", changeId, ex.Message);
            return true;
        }
    }

    public async Task PublishAsync(InvalidationMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var redis = await _redis.ConnectionAsync().ConfigureAwait(false);
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(InvalidationMessage.Channel), message.ToJson()).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The other instances keep their L1 entries until their own reconnection handling clears them.
            _log.LogError("Could not publish an invalidation of {Count} position(s) to the other instances: {Error}", message.Positions.Count, ex.Message);
        }
    }

    public async Task SubscribeAsync(Func<InvalidationMessage, Task> onMessage, Func<Task> onReconnected, CancellationToken cancellationToken)
    {
        var redis = await _redis.ConnectionAsync().ConfigureAwait(false);
        var queue = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(InvalidationMessage.Channel)).ConfigureAwait(false);
        queue.OnMessage(async m =>
        {
            if (InvalidationMessage.Parse((byte[])m.Message!) is not { } message || message.Origin == InstanceId)
                return;
            try
            {
                await onMessage(message).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _log.LogError(ex, "Applying an invalidation from {Origin} failed", message.Origin);
            }
        });
        redis.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType != ConnectionType.Subscription)
                return;
            _log.LogWarning("Invalidation subscription restored; invalidations sent meanwhile were missed");
            _ = Task.Run(async () =>
            {
                try
                {
                    await onReconnected().ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    _log.LogError(ex, "Recovering from a lost invalidation subscription failed");
                }
            }, CancellationToken.None);
        };
    }
}
