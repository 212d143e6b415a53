using GeoMas.Ogc.Core.Caching;
using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Caching.Revisions;

/// <summary>
/// Revisions that change only with the published configuration: every layer's revision is a number derived from the
/// catalog's updateSequence (which hashes the configuration, styles included), so a style edit or a config reload
/// makes old tiles unreachable. Data edits are not seen here; the invalidation bus replaces this implementation.
/// </summary>
public sealed class CatalogLayerRevisions : ILayerRevisions
{
    private readonly ICatalogProvider _catalog;
    private Computed? _computed;

    public CatalogLayerRevisions(ICatalogProvider catalog) => _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));

    public long Current(string layerId)
    {
        var sequence = _catalog.Current.UpdateSequence;
        var computed = Volatile.Read(ref _computed);
        if (computed is null || !string.Equals(computed.Sequence, sequence, StringComparison.Ordinal))
        {
            // 63 bits of the hash: revisions stay positive, which keeps them readable in keys and logs.
            computed = new Computed(sequence, (long)(System.IO.Hashing.XxHash64.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(sequence)) >> 1));
            Volatile.Write(ref _computed, computed);
        }
        return computed.Revision;
    }

    private sealed record Computed(string Sequence, long Revision);
}
