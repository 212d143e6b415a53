using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Caching.Stores;

/// <summary>
/// A small circuit breaker for a remote store. After a failure the store is skipped for <see cref="BreakDuration"/>,
/// so a down Redis costs one timeout per break, not one per tile request; the next call after the break is the
/// probe. An outage is logged once when it starts and once when it ends, never per tile.
/// </summary>
internal sealed class OutageGuard
{
    private readonly string _store;
    private readonly TimeSpan _breakDuration;
    private readonly TimeProvider _time;
    private readonly CachingMetrics _metrics;
    private readonly ILogger _logger;
    private long _retryAtTicks;
    private int _down;

    public OutageGuard(string store, TimeSpan breakDuration, TimeProvider time, CachingMetrics metrics, ILogger logger)
    {
        _store = store;
        _breakDuration = breakDuration;
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    public TimeSpan BreakDuration => _breakDuration;

    /// <summary>True while the store is in an outage (since the last failure and until the next success).</summary>
    public bool IsDown => Volatile.Read(ref _down) == 1;

    /// <summary>False while the breaker is open: the caller answers "miss" without touching the store.</summary>
    public bool ShouldTry() => _time.GetUtcNow().UtcTicks >= Interlocked.Read(ref _retryAtTicks);

    public void Failed(Exception e)
    {
        _metrics.StoreError(_store);
        Interlocked.Exchange(ref _retryAtTicks, (_time.GetUtcNow() + _breakDuration).UtcTicks);
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            _logger.LogWarning(e, "Tile cache store {Store} is unavailable ({Message}); tiles are rendered and served without it, retrying every {Seconds} s",
                _store, e.Message, _breakDuration.TotalSeconds);
        }
    }

    public void Succeeded()
    {
        if (Volatile.Read(ref _down) == 1 && Interlocked.Exchange(ref _down, 0) == 1)
            _logger.LogInformation("Tile cache store {Store} is available again", _store);
    }
}
