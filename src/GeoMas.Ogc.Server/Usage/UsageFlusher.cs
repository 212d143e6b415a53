using GeoMas.Ogc.Server.Usage.Stores;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Server.Usage;

/// <summary>
/// Moves the aggregated counts to the store, one flush at a time (the timer, an export and shutdown may ask at
/// once). A failed write puts the batch back into the aggregator: the next flush retries it, nothing is lost while
/// the process lives.
/// </summary>
public sealed class UsageFlusher(UsageAggregator aggregator, IUsageStore store, TimeProvider time, ILogger<UsageFlusher> log)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public IUsageStore Store => store;

    /// <returns>False when the store refused the batch (it is kept for the next flush).</returns>
    public async Task<bool> FlushAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var batch = aggregator.Drain(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
            if (batch.IsEmpty)
                return true;
            try
            {
                await store.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                log.LogDebug("Usage flushed: {Counters} counter rows, {Clients} client sketches", batch.Counters.Count, batch.Clients.Count);
                return true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                aggregator.Restore(batch);
                log.LogWarning(ex, "Usage flush failed ({Counters} counter rows kept for the next flush)", batch.Counters.Count);
                return false;
            }
            catch (OperationCanceledException)
            {
                aggregator.Restore(batch);
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
