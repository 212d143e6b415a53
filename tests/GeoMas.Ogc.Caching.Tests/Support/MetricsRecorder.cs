using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace GeoMas.Ogc.Caching.Tests.Support;

/// <summary>Sums the counters of one <see cref="CachingMetrics"/> instance (by name and first tag value).</summary>
internal sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();

    public MetricsRecorder(CachingMetrics metrics)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var tag = tags.Length > 0 ? ":" + tags[0].Value : "";
            _totals.AddOrUpdate(instrument.Name + tag, value, (_, total) => total + value);
        });
        _listener.Start();
    }

    /// <summary>e.g. "geomas.tile_cache.hits:memory", "geomas.tile_cache.store_errors:redis".</summary>
    public long Total(string name) => _totals.GetValueOrDefault(name);

    public void Dispose() => _listener.Dispose();
}
