using System.Collections.Concurrent;
using GeoMas.Ogc.Core.Caching;

namespace GeoMas.Ogc.Caching.Invalidation;

/// <summary>
/// The local table of data revisions, combined with the configuration's revision (<c>CatalogLayerRevisions</c>, which
/// moves with style and config edits): a tile key must change when either does.
/// </summary>
internal sealed class DataRevisions
{
    private readonly ILayerRevisions _configuration;
    private readonly ConcurrentDictionary<string, long> _data = new(StringComparer.Ordinal);

    public DataRevisions(ILayerRevisions configuration) => _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));

    public long Current(string layerId)
    {
        var data = _data.GetValueOrDefault(layerId);
        var config = _configuration.Current(layerId);
        if (data == 0)
            return config; // unchanged layers keep the keys they had before any bump
        unchecked
        {
            return ((config * 1_000_003) + data) & long.MaxValue;
        }
    }

    public long Data(string layerId) => _data.GetValueOrDefault(layerId);

    /// <summary>Raises the layer's data revision to at least <paramref name="revision"/>.</summary>
    public void Raise(string layerId, long revision) =>
        _data.AddOrUpdate(layerId, revision, (_, old) => Math.Max(old, revision));
}
