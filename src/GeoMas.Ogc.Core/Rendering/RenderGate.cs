using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;

namespace GeoMas.Ogc.Core.Rendering;

/// <summary>
/// Admission control for renders (one singleton per process). At most <see cref="ServiceLimits.EffectiveConcurrentRenders"/>
/// run at once and at most <see cref="ServiceLimits.MaxQueuedRenders"/> wait; beyond that a request is refused at
/// once with <see cref="ErrorKind.Unavailable"/> (HTTP 503) instead of piling up until memory runs out. Each admitted
/// render, its wait included, is bounded by <see cref="ServiceLimits.RenderTimeout"/>, so nothing hangs.
/// </summary>
public sealed class RenderGate : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly int _capacity;
    private readonly TimeSpan _timeout;
    private int _admitted;

    public RenderGate(ServiceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ConcurrentRenders = Math.Max(1, limits.EffectiveConcurrentRenders);
        MaxQueued = Math.Max(0, limits.MaxQueuedRenders);
        _capacity = ConcurrentRenders + MaxQueued;
        _timeout = limits.RenderTimeout;
        _slots = new SemaphoreSlim(ConcurrentRenders, ConcurrentRenders);
    }

    public int ConcurrentRenders { get; }
    public int MaxQueued { get; }

    /// <summary>Renders running or waiting now (for metrics).</summary>
    public int InFlight => Volatile.Read(ref _admitted);

    /// <summary>
    /// Runs <paramref name="render"/> when a slot is free. The token passed to it fires on caller cancellation or
    /// timeout. Throws <see cref="ServiceException"/> Unavailable when the queue is full or the time is up, and
    /// <see cref="OperationCanceledException"/> when the caller gave up.
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(render);
        if (Interlocked.Increment(ref _admitted) > _capacity)
        {
            Interlocked.Decrement(ref _admitted);
            throw ServiceException.Unavailable($"The server is busy ({_capacity} renders running or queued); retry later.");
        }
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            deadline.CancelAfter(_timeout);
            var entered = false;
            try
            {
                await _slots.WaitAsync(deadline.Token).ConfigureAwait(false);
                entered = true;
                await render(deadline.Token).ConfigureAwait(false);
                // The deadline's timer needs a free thread-pool thread to fire; a render that runs synchronously on a
                // starved pool can finish late without ever seeing it. The budget is the same either way.
                if (System.Diagnostics.Stopwatch.GetElapsedTime(started) > _timeout)
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
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The render did not finish within {_timeout.TotalSeconds:0.#} s."), inner);

    public void Dispose() => _slots.Dispose();
}
