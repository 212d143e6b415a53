using System.Collections.Concurrent;

namespace GeoMas.Ogc.Server.Protection;

/// <summary>
/// Admission control for feature responses: at most <see cref="ExportProtectionOptions.MaxConcurrent"/> stream at
/// once, at most <see cref="ExportProtectionOptions.MaxQueued"/> wait (each at most the queue timeout), and one
/// client holds at most <see cref="ExportProtectionOptions.MaxPerClient"/> running or waiting. The slot is held for
/// the whole response: a feature export costs a database connection for as long as its client reads.
/// </summary>
public sealed class ExportGate : IDisposable
{
    private readonly SemaphoreSlim? _slots;
    private readonly int _capacity;
    private readonly int _perClient;
    private readonly TimeSpan _queueTimeout;
    private readonly ConcurrentDictionary<string, int> _perClientCounts = new(StringComparer.Ordinal);
    private int _admitted;

    public ExportGate(ExportProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxConcurrent > 0)
        {
            _slots = new SemaphoreSlim(options.MaxConcurrent, options.MaxConcurrent);
            _capacity = options.MaxConcurrent + Math.Max(0, options.MaxQueued);
        }
        _perClient = Math.Max(0, options.MaxPerClient);
        _queueTimeout = TimeSpan.FromSeconds(Math.Max(0, options.QueueTimeoutSeconds));
    }

    /// <summary>Feature responses running or waiting now.</summary>
    public int InFlight => Volatile.Read(ref _admitted);

    /// <summary>Waits for a slot for <paramref name="client"/>; dispose the lease when the response is complete.</summary>
    public async Task<ExportAdmission> EnterAsync(string client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (_perClient > 0 && _perClientCounts.AddOrUpdate(client, 1, (_, n) => n + 1) > _perClient)
        {
            Leave(client);
            return ExportAdmission.ClientLimit;
        }
        if (_slots is null)
            return new ExportAdmission(ExportAdmissionResult.Admitted, new Lease(this, client, holdsSlot: false));
        if (Interlocked.Increment(ref _admitted) > _capacity)
        {
            Interlocked.Decrement(ref _admitted);
            Leave(client);
            return ExportAdmission.Busy;
        }
        var entered = false;
        try
        {
            entered = await _slots.WaitAsync(_queueTimeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (!entered)
            {
                Interlocked.Decrement(ref _admitted);
                Leave(client);
            }
        }
        return entered ? new ExportAdmission(ExportAdmissionResult.Admitted, new Lease(this, client, holdsSlot: true)) : ExportAdmission.Busy;
    }

    private void Leave(string client)
    {
        if (_perClient == 0)
            return;
        // Remove the entry when it drops to zero so the dictionary holds only clients with work in flight.
        while (_perClientCounts.TryGetValue(client, out var n))
        {
            if (n <= 1 ? _perClientCounts.TryRemove(new KeyValuePair<string, int>(client, n)) : _perClientCounts.TryUpdate(client, n - 1, n))
                return;
        }
    }

    private void Release(string client, bool holdsSlot)
    {
        if (holdsSlot)
        {
            _slots!.Release();
            Interlocked.Decrement(ref _admitted);
        }
        Leave(client);
    }

    public void Dispose() => _slots?.Dispose();

    private sealed class Lease(ExportGate gate, string client, bool holdsSlot) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                gate.Release(client, holdsSlot);
        }
    }
}
