using System.Runtime.CompilerServices;
using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Sources.Sql;

/// <summary>
/// Per-layer knowledge a source learns from its database once (id column type, index table names...).
/// Keyed by the <see cref="LayerDefinition"/> instance, so a catalog reload starts afresh and old entries are
/// collected with their snapshot. A failed load is not remembered: the next request tries again.
/// </summary>
internal sealed class LayerCache<T>(Func<LayerDefinition, CancellationToken, Task<T>> load)
    where T : class
{
    private readonly ConditionalWeakTable<LayerDefinition, T> _entries = new();

    public async ValueTask<T> GetAsync(LayerDefinition layer, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(layer, out var entry))
            return entry;
        // Two first requests may both load; they learn the same thing and the last one wins.
        entry = await load(layer, cancellationToken).ConfigureAwait(false);
        _entries.AddOrUpdate(layer, entry);
        return entry;
    }
}
