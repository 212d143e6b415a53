using GeoMas.Ogc.Core.Rendering;

namespace GeoMas.Ogc.Core.Catalog.Configuration;

// The "cache" section and the per-layer cache policies: checked here with everything else, so that a wrong store
// name is reported with the other configuration errors instead of failing later when the stores are created.
public sealed partial class CatalogBuilder
{
    private static readonly string[] CacheStores = ["disk", "redis", "none"];
    private static readonly string[] MetatileOnMissValues = ["tile", "metatile"];

    private void CheckCache(CacheOptions o)
    {
        if (o.Store is { } store && !CacheStores.Contains(store.ToLowerInvariant()))
            _errors.Add($"cache.store '{store}' is not one of {string.Join(", ", CacheStores)}");
        CheckRange("cache.memoryMegabytes", o.MemoryMegabytes, 0, 1 << 20);
        CheckRange("cache.diskMaxAgeDays", o.DiskMaxAgeDays, 0, 36_500);
        CheckRange("cache.diskMaxMegabytes", o.DiskMaxMegabytes, 0, int.MaxValue);
        CheckRange("cache.diskSweepIntervalMinutes", o.DiskSweepIntervalMinutes, 0, 525_600);
        CheckRange("cache.metatile", o.Metatile, 1, 16);
        CheckRange("cache.metatileBuffer", o.MetatileBuffer, 0, 1024);
        if (o.MetatileOnMiss is { } onMiss && !MetatileOnMissValues.Contains(onMiss.ToLowerInvariant()))
            _errors.Add($"cache.metatileOnMiss '{onMiss}' is not one of {string.Join(", ", MetatileOnMissValues)}");
        CheckRange("cache.defaultMaxAgeSeconds", o.DefaultMaxAgeSeconds, 0, 31_536_000);
        CheckRange("cache.redisTtlSeconds", o.RedisTtlSeconds, 0, int.MaxValue);
        CheckRange("cache.paletteColours", o.PaletteColours, 2, ImageFormat.MaxPaletteColours);
    }

    private CachePolicy BuildCachePolicy(string where, LayerCacheOptions? o)
    {
        var defaultMaxAge = _options.Cache?.DefaultMaxAgeSeconds ?? CachePolicy.DefaultMaxAgeSeconds;
        var defaultColours = _options.Cache?.PaletteColours ?? CachePolicy.DefaultPaletteColours;
        if (o is null)
        {
            return defaultMaxAge == CachePolicy.DefaultMaxAgeSeconds && defaultColours == CachePolicy.DefaultPaletteColours
                ? CachePolicy.Default
                : new CachePolicy(true, defaultMaxAge, PaletteColours: defaultColours);
        }
        CheckRange($"{where}: cache.maxAgeSeconds", o.MaxAgeSeconds, 0, 31_536_000);
        CheckRange($"{where}: cache.paletteColours", o.PaletteColours, 2, ImageFormat.MaxPaletteColours);
        return new CachePolicy(o.Enabled ?? true, o.MaxAgeSeconds ?? defaultMaxAge, o.PalettedPng, o.PaletteColours ?? defaultColours);
    }

    private void CheckRange(string name, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
            _errors.Add(FormattableString.Invariant($"{name} {v} is outside {min}..{max}"));
    }
}
