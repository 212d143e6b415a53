using System.Diagnostics.Metrics;

namespace GeoMas.Ogc.Caching;

/// <summary>
/// The tile cache's counters on the <c>GeoMas.Ogc.Caching</c> meter: hits and misses per tier, store errors per
/// store, metatiles rendered, hot tiles compacted. One instance per cache (tests create their own and listen to its
/// meter only).
/// </summary>
public sealed class CachingMetrics : IDisposable
{
    public const string MeterName = "GeoMas.Ogc.Caching";

    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;
    private readonly Counter<long> _storeErrors;
    private readonly Counter<long> _renders;
    private readonly Histogram<double> _renderDuration;
    private readonly Counter<long> _compactions;
    private readonly Counter<long> _compactionSavings;

    public CachingMetrics(IMeterFactory? meterFactory = null)
    {
        Meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _hits = Meter.CreateCounter<long>("geomas.tile_cache.hits", "{tile}", "Tiles found in a cache tier.");
        _misses = Meter.CreateCounter<long>("geomas.tile_cache.misses", "{tile}", "Tiles not found in a cache tier.");
        _storeErrors = Meter.CreateCounter<long>("geomas.tile_cache.store_errors", "{error}", "Failed store operations (served as misses or skipped).");
        _renders = Meter.CreateCounter<long>("geomas.tiles.metatiles_rendered", "{metatile}", "Metatiles (or single tiles) rendered.");
        _renderDuration = Meter.CreateHistogram<double>("geomas.tiles.metatile_render_duration", "ms", "Render and cut time of one metatile.");
        _compactions = Meter.CreateCounter<long>("geomas.tile_cache.compactions", "{tile}", "Hot tiles the memory tier re-encoded in fewer bytes.");
        _compactionSavings = Meter.CreateCounter<long>("geomas.tile_cache.compaction_saved", "By", "Bytes the compacted hot tiles lost, each counted once.");
    }

    public Meter Meter { get; }

    public void Hit(string tier) => _hits.Add(1, new KeyValuePair<string, object?>("tier", tier));

    public void Miss(string tier) => _misses.Add(1, new KeyValuePair<string, object?>("tier", tier));

    public void StoreError(string store) => _storeErrors.Add(1, new KeyValuePair<string, object?>("store", store));

    public void Rendered(double milliseconds)
    {
        _renders.Add(1);
        _renderDuration.Record(milliseconds);
    }

    public void Compacted(long savedBytes)
    {
        _compactions.Add(1);
        _compactionSavings.Add(savedBytes);
    }

    public void Dispose() => Meter.Dispose();
}
