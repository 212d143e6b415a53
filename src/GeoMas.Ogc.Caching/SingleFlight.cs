using System.Collections.Concurrent;

namespace GeoMas.Ogc.Caching;

/// <summary>
/// Runs one piece of work per key at a time and hands its result to everyone who asked meanwhile (concurrent misses
/// for a tile or a metatile render once). The work gets its own token: a caller that gives up stops waiting but
/// does not cancel the work for the others; when the last waiter gives up, the work is cancelled, since nobody
/// would use its result. A flight is forgotten as soon as it completes, so results are never kept here (the cache
/// keeps them) and failures are not remembered: the next caller tries again.
/// </summary>
public sealed class SingleFlight<TKey, TValue> where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Flight> _flights;

    public SingleFlight(IEqualityComparer<TKey>? comparer = null) => _flights = new(comparer);

    /// <summary>Flights running now.</summary>
    public int Count => _flights.Count;

    public Task<TValue> RunAsync(TKey key, Func<CancellationToken, Task<TValue>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        while (true)
        {
            if (_flights.TryGetValue(key, out var running))
            {
                if (running.TryJoin())
                    return running.WaitAsync(cancellationToken);
                // Abandoned by all its waiters and being cancelled: replace it rather than inherit its cancellation.
                var replacement = new Flight();
                if (_flights.TryUpdate(key, replacement, running))
                    return Start(key, replacement, work, cancellationToken);
                continue;
            }
            var flight = new Flight();
            if (_flights.TryAdd(key, flight))
                return Start(key, flight, work, cancellationToken);
        }
    }

    private Task<TValue> Start(TKey key, Flight flight, Func<CancellationToken, Task<TValue>> work, CancellationToken cancellationToken)
    {
        flight.TryJoin();
        _ = RunFlightAsync(key, flight, work);
        return flight.WaitAsync(cancellationToken);
    }

    private async Task RunFlightAsync(TKey key, Flight flight, Func<CancellationToken, Task<TValue>> work)
    {
        try
        {
            // Yield first: the work must not run on the caller's stack while it still holds no awaiter.
            await Task.Yield();
            var value = await work(flight.Token).ConfigureAwait(false);
            _flights.TryRemove(new KeyValuePair<TKey, Flight>(key, flight));
            flight.Complete(value);
        }
        catch (Exception e)
        {
            _flights.TryRemove(new KeyValuePair<TKey, Flight>(key, flight));
            flight.Fail(e);
        }
    }

    private sealed class Flight
    {
        private readonly TaskCompletionSource<TValue> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenSource _cancel = new();
        private readonly Lock _gate = new();
        private int _waiters;
        private bool _abandoned;

        public CancellationToken Token => _cancel.Token;

        public bool TryJoin()
        {
            lock (_gate)
            {
                if (_abandoned)
                    return false;
                _waiters++;
                return true;
            }
        }

        public async Task<TValue> WaitAsync(CancellationToken cancellationToken)
        {
            try
            {
                return await _result.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Leave();
            }
        }

        public void Complete(TValue value)
        {
            _result.TrySetResult(value);
            _cancel.Dispose();
        }

        public void Fail(Exception e)
        {
            if (e is OperationCanceledException && _cancel.IsCancellationRequested)
                _result.TrySetCanceled(_cancel.Token);
            else
                _result.TrySetException(e);
            _cancel.Dispose();
        }

        private void Leave()
        {
            bool cancel;
            lock (_gate)
            {
                _waiters--;
                cancel = _waiters == 0 && !_result.Task.IsCompleted;
                if (cancel)
                    _abandoned = true;
            }
            if (cancel)
            {
                try
                {
                    _cancel.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // Completed between the check and here: nothing left to cancel.
                }
            }
        }
    }
}
