using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using GeoMas.Ogc.Caching;

namespace GeoMas.Ogc.Integration.Tests.Invalidation;

/// <summary>Sums the tile cache counters of one server instance (its own <see cref="CachingMetrics"/> meter).</summary>
internal sealed class RenderCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();

    public RenderCounter(CachingMetrics metrics)
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

    public long Renders => _totals.GetValueOrDefault("geomas.tiles.metatiles_rendered");

    public long MemoryHits => _totals.GetValueOrDefault("geomas.tile_cache.hits:memory");

    /// <summary>e.g. "geomas.tile_cache.hits:redis".</summary>
    public long Total(string instrumentAndTag) => _totals.GetValueOrDefault(instrumentAndTag);

    public override string ToString() => string.Join(" ", _totals.OrderBy(t => t.Key).Select(t => $"{t.Key}={t.Value}"));

    public void Dispose() => _listener.Dispose();
}
