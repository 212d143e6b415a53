using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GeoMas.Ogc.Caching.Invalidation;

/// <summary>
/// Redis pub/sub on <see cref="InvalidationMessage.Channel"/>, and change claims as <c>SET geomas:inv:claim:{id} NX EX 600</c>.
/// Pub/sub delivers at most once: an instance whose subscription dropped is told through <c>onReconnected</c>, so it
/// can re-read revisions and forget its L1 (see <see cref="InvalidationCoordinator"/>). A message this instance could
/// not publish is kept and published again, in order, once Redis answers (<see cref="MaxUnsent"/> at most, oldest
/// dropped first): the other instances may have kept their subscription through what failed here, and would
/// otherwise keep the purged tiles in their L1.
/// </summary>
public sealed class RedisInvalidationBus : IInvalidationBus
{
    /// <summary>Unsent messages kept for a retry: 250 messages of up to 2 000 positions, a large purge's worth.</summary>
    public const int MaxUnsent = 250;

    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);
    private readonly InvalidationRedis _redis;
    private readonly ILogger _log;
    private readonly ConcurrentQueue<InvalidationMessage> _unsent = new();
    // One sender of the oldest unsent message at a time (the retry loop, a drain at shutdown): each is sent, then
    // taken off the queue, once.
    private readonly SemaphoreSlim _sending = new(1, 1);
    private int _retrying;

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

    /// <summary>Messages waiting to be published again (for tests and diagnostics).</summary>
    public int Unsent => _unsent.Count;

    public async Task PublishAsync(InvalidationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Behind the ones already waiting, so that the others apply them in the order they were purged.
        if (!_unsent.IsEmpty)
        {
            KeepForRetry(message);
            return;
        }
        try
        {
            await PublishNowAsync(message).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _log.LogError("Could not publish an invalidation of {Count} position(s) to the other instances ({Error}); retrying until Redis answers",
                message.Positions.Count, ex.Message);
            KeepForRetry(message);
        }
    }

    private async Task PublishNowAsync(InvalidationMessage message)
    {
        var redis = await _redis.ConnectionAsync().ConfigureAwait(false);
        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(InvalidationMessage.Channel), message.ToJson()).ConfigureAwait(false);
    }

    private void KeepForRetry(InvalidationMessage message)
    {
        _unsent.Enqueue(message);
        while (_unsent.Count > MaxUnsent && _unsent.TryDequeue(out var dropped))
        {
            // Instances that kept their subscription keep these positions in their L1 until evicted.
            _log.LogError("Dropped an unsent invalidation of {Count} position(s): more than {Max} waiting", dropped.Positions.Count, MaxUnsent);
        }
        if (Interlocked.Exchange(ref _retrying, 1) == 0)
            _ = Task.Run(RetryAsync, CancellationToken.None);
    }

    /// <summary>Publishes the waiting messages in order, backing off from 250 ms to 30 s while Redis does not answer.</summary>
    private async Task RetryAsync()
    {
        var delay = FirstRetry;
        while (true)
        {
            while (!_unsent.IsEmpty)
            {
                await Task.Delay(delay).ConfigureAwait(false);
                try
                {
                    delay = await TrySendOldestAsync(CancellationToken.None).ConfigureAwait(false)
                        ? TimeSpan.Zero
                        : TimeSpan.FromTicks(Math.Clamp(delay.Ticks * 2, FirstRetry.Ticks, LastRetry.Ticks));
                }
                catch (ObjectDisposedException)
                {
                    // The server is stopping: the drain at shutdown had its chance.
                    return;
                }
            }
            Volatile.Write(ref _retrying, 0);
            // A message kept between the last check and the reset would wait for the next failure: take it now.
            if (_unsent.IsEmpty || Interlocked.Exchange(ref _retrying, 1) != 0)
                return;
        }
    }

    /// <summary>Sends the oldest unsent message; false when Redis did not take it (it stays first in line).</summary>
    private async Task<bool> TrySendOldestAsync(CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_unsent.TryPeek(out var message))
                return true;
            await PublishNowAsync(message).WaitAsync(cancellationToken).ConfigureAwait(false);
            _unsent.TryDequeue(out _);
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return false;
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>
    /// Publishes what is still unsent before the server stops, trying again every 100 ms until
    /// <paramref name="cancellationToken"/>; what is left then is logged as lost. A publish given up on here may still
    /// reach Redis later (StackExchange.Redis keeps it in its backlog), so a message can arrive twice: receivers only
    /// drop positions and take revisions, which twice is harmless.
    /// </summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!_unsent.IsEmpty)
            {
                if (!await TrySendOldestAsync(cancellationToken).ConfigureAwait(false))
                    await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _log.LogError("{Count} invalidation message(s) could not be published before the server stopped", _unsent.Count);
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
