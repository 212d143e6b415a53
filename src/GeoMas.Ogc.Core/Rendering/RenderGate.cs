using System.Diagnostics;
using System.Globalization;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;

namespace GeoMas.Ogc.Core.Rendering;

/// <summary>
/// Admission control for renders (one singleton per process). At most <see cref="ServiceLimits.EffectiveConcurrentRenders"/>
/// run at once and at most <see cref="ServiceLimits.MaxQueuedRenders"/> wait; beyond that a request is refused at
/// once with <see cref="ErrorKind.Unavailable"/> (HTTP 503) instead of piling up until memory runs out. A wait for a
/// slot is bounded by <see cref="RenderLaneOptions.QueueTimeout"/>, and each admitted render, its wait included, by
/// <see cref="ServiceLimits.RenderTimeout"/>, so nothing hangs.
/// </summary>
/// <remarks>
/// Renders of <see cref="RenderPriority.Bulk"/> and <see cref="RenderPriority.Background"/> work (per
/// <see cref="RenderLane.Current"/>) first pass a small bulk lane, then take a main slot like any render: bulk work
/// can never hold more than <see cref="RenderLaneOptions.BulkConcurrentRenders"/> main slots, so an interactive
/// render always finds the others. Bulk callers are refused (503) when their lane is full; background work (seeding)
/// waits instead.
/// </remarks>
public sealed class RenderGate : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _bulkSlots;
    private readonly int _capacity;
    private readonly int _bulkCapacity;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _queueTimeout;
    private readonly TimeSpan _bulkQueueTimeout;
    private int _admitted;
    private int _bulkAdmitted;

    public RenderGate(ServiceLimits limits)
        : this(limits, new RenderLaneOptions())
    {
    }

    public RenderGate(ServiceLimits limits, RenderLaneOptions lanes)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(lanes);
        ConcurrentRenders = Math.Max(1, limits.EffectiveConcurrentRenders);
        MaxQueued = Math.Max(0, limits.MaxQueuedRenders);
        _capacity = ConcurrentRenders + MaxQueued;
        _timeout = limits.RenderTimeout;
        _queueTimeout = lanes.QueueTimeout is { } q && q < _timeout ? q : _timeout;
        _slots = new SemaphoreSlim(ConcurrentRenders, ConcurrentRenders);
        // Never the whole main lane: one slot at least stays for interactive renders.
        BulkConcurrentRenders = Math.Clamp(lanes.BulkConcurrentRenders, 1, Math.Max(1, ConcurrentRenders - 1));
        _bulkCapacity = BulkConcurrentRenders + Math.Max(0, lanes.BulkQueuedRenders);
        _bulkQueueTimeout = lanes.BulkQueueTimeout;
        _bulkSlots = new SemaphoreSlim(BulkConcurrentRenders, BulkConcurrentRenders);
    }

    public int ConcurrentRenders { get; }
    public int MaxQueued { get; }
    public int BulkConcurrentRenders { get; }

    /// <summary>Renders running or waiting now (for metrics).</summary>
    public int InFlight => Volatile.Read(ref _admitted);

    /// <summary>Bulk and background renders running or waiting in the bulk lane now.</summary>
    public int BulkInFlight => Volatile.Read(ref _bulkAdmitted);

    /// <summary>
    /// Runs <paramref name="render"/> when a slot is free, in the lane of <see cref="RenderLane.Current"/>. The token
    /// passed to it fires on caller cancellation or timeout. Throws <see cref="ServiceException"/> Unavailable when the
    /// queue is full or the time is up, and <see cref="OperationCanceledException"/> when the caller gave up.
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(render);
        var priority = RenderLane.Current;
        if (priority == RenderPriority.Interactive)
        {
            await RunInMainLaneAsync(render, waitsForever: false, cancellationToken).ConfigureAwait(false);
            return;
        }

        var background = priority == RenderPriority.Background;
        if (Interlocked.Increment(ref _bulkAdmitted) > _bulkCapacity && !background)
        {
            Interlocked.Decrement(ref _bulkAdmitted);
            throw ServiceException.Unavailable($"The bulk render lane is full ({_bulkCapacity} renders running or queued); cached tiles are still served, retry the others later.");
        }
        var entered = false;
        try
        {
            if (background)
            {
                await _bulkSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
                entered = true;
            }
            else
            {
                entered = await _bulkSlots.WaitAsync(_bulkQueueTimeout, cancellationToken).ConfigureAwait(false);
                if (!entered)
                    throw QueueTimedOut("bulk", _bulkQueueTimeout);
            }
            await RunInMainLaneAsync(render, background, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (entered)
                _bulkSlots.Release();
            Interlocked.Decrement(ref _bulkAdmitted);
        }
    }

    /// <param name="waitsForever">Background work: neither refused by a full queue nor by the queue timeout.</param>
    private async Task RunInMainLaneAsync(Func<CancellationToken, Task> render, bool waitsForever, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _admitted) > _capacity && !waitsForever)
        {
            Interlocked.Decrement(ref _admitted);
            throw ServiceException.Unavailable($"The server is busy ({_capacity} renders running or queued); retry later.");
        }
        try
        {
            var entered = false;
            if (waitsForever)
            {
                await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                entered = true;
            }
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // Waiting work counts its wait against the render timeout; background work only its render.
            var started = Stopwatch.GetTimestamp();
            deadline.CancelAfter(_timeout);
            try
            {
                if (!entered)
                {
                    entered = await _slots.WaitAsync(_queueTimeout, deadline.Token).ConfigureAwait(false);
                    if (!entered)
                        throw QueueTimedOut("render", _queueTimeout);
                }
                await render(deadline.Token).ConfigureAwait(false);
                // The deadline's timer needs a free thread-pool thread to fire; a render that runs synchronously on a
                // starved pool can finish late without ever seeing it. The budget is the same either way.
                if (Stopwatch.GetElapsedTime(started) > _timeout)
                    throw TimedOut(null);
            }
            catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw TimedOut(e);
            }
            finally
            {
                if (entered)
                    _slots.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _admitted);
        }
    }

    private ServiceException TimedOut(Exception? inner) => ServiceException.Unavailable(
        string.Create(CultureInfo.InvariantCulture, $"The render did not finish within {_timeout.TotalSeconds:0.#} s."), inner);

    private static ServiceException QueueTimedOut(string lane, TimeSpan waited) => ServiceException.Unavailable(
        string.Create(CultureInfo.InvariantCulture, $"No {lane} slot was free within {waited.TotalSeconds:0.#} s; the server is busy, retry later."));

    public void Dispose()
    {
        _slots.Dispose();
        _bulkSlots.Dispose();
    }
}
