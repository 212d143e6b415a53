using System.Diagnostics;
using System.Threading.Channels;
using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Catalog;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Caching.Invalidation;

/// <summary>
/// Keeps the tile cache true to the data, on every instance.
/// <para>Design. Every instance LISTENs to PostgreSQL, so every instance hears every change. The first instance to
/// claim a change (<see cref="IInvalidationBus.TryClaimAsync"/>, a Redis SET NX on the notification's uuid) owns it:
/// it debounces it with the other changes of the layer, plans the positions (or a revision bump), purges the shared
/// L2 once, drops them from its own L1, then publishes one message; the other instances only drop the same positions
/// from their L1 and take the new revisions. Purging is idempotent, so a failed claim check purges everywhere rather
/// than nowhere.</para>
/// <para>A render that read the old rows before the commit but stores its tiles after the purge would put stale
/// tiles back: positions are therefore purged a second time <see cref="RepurgeDelay"/> later (longer than a render
/// may take). Revision bumps have no such race: a render started before the bump stores under the old revision,
/// which nothing reads any more.</para>
/// </summary>
public sealed class InvalidationCoordinator
{
    private const int MessageChunk = 2000;

    private readonly ICatalogProvider _catalog;
    private readonly InvalidationPlanner _planner;
    private readonly TieredTileCache _cache;
    private readonly IRevisionStore _revisions;
    private readonly IInvalidationBus _bus;
    private readonly ChangeDebouncer _debouncer;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Channel<(DataChange Change, long Received)> _changes = Channel.CreateUnbounded<(DataChange, long)>();
    private readonly SemaphoreSlim _wake = new(0);
    private long _oldestPending;

    public InvalidationCoordinator(
        ICatalogProvider catalog, InvalidationPlanner planner, TieredTileCache cache, IRevisionStore revisions,
        IInvalidationBus bus, InvalidationOptions options, TimeProvider time, ILogger log)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _planner = planner ?? throw new ArgumentNullException(nameof(planner));
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _revisions = revisions ?? throw new ArgumentNullException(nameof(revisions));
        _bus = bus ?? throw new ArgumentNullException(nameof(bus));
        _debouncer = new ChangeDebouncer(options);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _log = log ?? throw new ArgumentNullException(nameof(log));
    }

    public TimeSpan RepurgeDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Notification received → shared store purged, of the last invalidation this instance applied (for logs and tests).</summary>
    public TimeSpan? LastDelay { get; private set; }

    /// <summary>Called by the change feeds; never blocks.</summary>
    public void OnChange(DataChange change) => _changes.Writer.TryWrite((change, Stopwatch.GetTimestamp()));

    /// <summary>Runs the feeds, the subscription and the debounce loop until cancelled.</summary>
    public async Task RunAsync(IReadOnlyList<IDataChangeFeed> feeds, CancellationToken cancellationToken)
    {
        await _revisions.RefreshAsync(cancellationToken).ConfigureAwait(false);
        // The subscription is retried beside the rest: with Redis down, this instance must still hear PostgreSQL
        // and purge its own L1.
        var tasks = new List<Task>
        {
            SubscribeAsync(cancellationToken),
            IntakeAsync(cancellationToken),
            FlushLoopAsync(cancellationToken),
            HealLoopAsync(cancellationToken),
        };
        tasks.AddRange(feeds.Select(f => f.RunAsync(OnChange, cancellationToken)));
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Invalidates now (no debounce, no claim): purges the shared store, this instance's L1, and tells the others.
    /// Used by the debounce loop and by truncation (CLI and admin endpoint).
    /// </summary>
    public async Task<InvalidationPlan> ApplyAsync(IReadOnlyList<LayerDirt> dirt, PlanScope? scope, CancellationToken cancellationToken)
    {
        var plan = _planner.Plan(_catalog.Current, dirt, scope);
        if (plan.IsEmpty)
            return plan;
        IReadOnlyDictionary<string, long> bumped = plan.BumpLayers.Count > 0
            ? await _revisions.BumpAsync(plan.BumpLayers, cancellationToken).ConfigureAwait(false)
            : new Dictionary<string, long>();
        // In chunks, coarse levels first: the shared store is purged before the others are told to drop their L1
        // (or they could refill it from the stale L2), and no single Redis command grows past its timeout.
        if (plan.Positions.Count == 0)
            await _bus.PublishAsync(new InvalidationMessage(_bus.InstanceId, [], bumped), cancellationToken).ConfigureAwait(false);
        var revisions = bumped;
        foreach (var chunk in plan.Positions.Chunk(MessageChunk))
        {
            await PurgeAsync(chunk, cancellationToken).ConfigureAwait(false);
            await _bus.PublishAsync(new InvalidationMessage(_bus.InstanceId, chunk, revisions), cancellationToken).ConfigureAwait(false);
            revisions = new Dictionary<string, long>();
        }
        _log.LogInformation("Invalidated {Layers}: {Positions} tile position(s) purged, revision bumped for [{Bumped}]",
            string.Join(", ", dirt.Select(d => d.LayerId)), plan.Positions.Count, string.Join(", ", bumped.Select(b => $"{b.Key}={b.Value}")));
        if (plan.Positions.Count > 0 && RepurgeDelay > TimeSpan.Zero)
            _ = RepurgeLaterAsync(plan.Positions);
        return plan;
    }

    private async Task PurgeAsync(IReadOnlyList<string> positions, CancellationToken cancellationToken)
    {
        if (_cache.Shared is { } shared)
            await shared.RemovePositionsAsync(positions, cancellationToken).ConfigureAwait(false);
        await _cache.Memory.RemovePositionsAsync(positions, cancellationToken).ConfigureAwait(false);
    }

    private async Task RepurgeLaterAsync(IReadOnlyList<string> positions)
    {
        try
        {
            await Task.Delay(RepurgeDelay, _time).ConfigureAwait(false);
            foreach (var chunk in positions.Chunk(MessageChunk))
            {
                await PurgeAsync(chunk, CancellationToken.None).ConfigureAwait(false);
                await _bus.PublishAsync(new InvalidationMessage(_bus.InstanceId, chunk, new Dictionary<string, long>()), CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            _log.LogWarning(ex, "Second purge of {Count} position(s) failed", positions.Count);
        }
    }

    private async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        Task OnMessage(InvalidationMessage message)
        {
            _revisions.Observe(message.Revisions);
            return _cache.Memory.RemovePositionsAsync(message.Positions, CancellationToken.None).AsTask();
        }
        // Messages missed while the subscription was down: revisions are re-read, and since the positions they named
        // cannot be, the whole L1 goes (the shared store was purged by the instance that sent them).
        async Task OnReconnected()
        {
            try
            {
                // First, so the L1 refills under the current revisions (the heal loop retries if Redis fails here).
                await _revisions.RefreshAsync(CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                var dropped = _cache.Memory.Count;
                _cache.Memory.Clear();
                _log.LogWarning("Invalidation messages may have been missed: {Count} tile(s) dropped from memory", dropped);
            }
        }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await _bus.SubscribeAsync(OnMessage, OnReconnected, cancellationToken).ConfigureAwait(false);
                // Subscribed only now (Redis was down at start): what the L1 took meanwhile may be stale as well.
                if (attempt > 0)
                    await OnReconnected().ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _log.LogWarning("Invalidation subscription failed ({Error}); retrying", ex.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(30_000, 250 * Math.Pow(2, Math.Min(attempt, 7)))), _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task IntakeAsync(CancellationToken cancellationToken)
    {
        await foreach (var (change, received) in _changes.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                if (!await _bus.TryClaimAsync(change.Id, cancellationToken).ConfigureAwait(false))
                    continue;
                var layers = ChangedTables.LayersOf(_catalog.Current, change);
                if (layers.Count == 0)
                    continue;
                if (Interlocked.Read(ref _oldestPending) == 0)
                    Interlocked.Exchange(ref _oldestPending, received);
                var now = _time.GetUtcNow();
                foreach (var layer in layers)
                    _debouncer.Add(layer.Id, change.Bounds, now);
                _wake.Release();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _log.LogError(ex, "Could not take change {Change} of {Schema}.{Table}", change.Id, change.Schema, change.Table);
            }
        }
    }

    private async Task FlushLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = _debouncer.NextDue;
            var wait = next is { } due ? due - _time.GetUtcNow() : Timeout.InfiniteTimeSpan;
            if (wait != Timeout.InfiniteTimeSpan && wait < TimeSpan.Zero)
                wait = TimeSpan.Zero;
            if (wait != TimeSpan.Zero)
            {
                try
                {
                    await _wake.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    await FlushOnShutdownAsync().ConfigureAwait(false);
                    throw;
                }
                continue;
            }
            await FlushAsync(_debouncer.TakeDue(_time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
        await FlushOnShutdownAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Changes this instance claimed are nobody else's: stopping without applying them would leave stale tiles in
    /// the shared store, and messages not yet published would leave them in the other instances' L1. Bounded (5 s for
    /// both), so a dead Redis does not hold the shutdown.
    /// </summary>
    private async Task FlushOnShutdownAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var dirt = _debouncer.TakeDue(DateTimeOffset.MaxValue);
        if (dirt.Count > 0)
            await FlushAsync(dirt, timeout.Token).ConfigureAwait(false);
        await _bus.DrainAsync(timeout.Token).ConfigureAwait(false);
    }

    private async Task FlushAsync(IReadOnlyList<LayerDirt> dirt, CancellationToken cancellationToken)
    {
        if (dirt.Count == 0)
            return;
        var received = Interlocked.Exchange(ref _oldestPending, 0);
        try
        {
            await ApplyAsync(dirt, null, cancellationToken).ConfigureAwait(false);
            if (received != 0)
            {
                LastDelay = Stopwatch.GetElapsedTime(received);
                _log.LogInformation("Change to purge: {Milliseconds:0} ms", LastDelay.Value.TotalMilliseconds);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _log.LogError(ex, "Invalidation of {Layers} failed", string.Join(", ", dirt.Select(d => d.LayerId)));
        }
    }

    private async Task HealLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(RedisLayerRevisions.RefreshInterval, _time, cancellationToken).ConfigureAwait(false);
            await _revisions.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
