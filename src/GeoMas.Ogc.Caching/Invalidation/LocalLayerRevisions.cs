using GeoMas.Ogc.Core.Caching;

namespace GeoMas.Ogc.Caching.Invalidation;

/// <summary>Revisions of a single instance without Redis: bumps are counted in memory (the process is the only reader of its L1 and disk).</summary>
public sealed class LocalLayerRevisions : IRevisionStore
{
    private readonly DataRevisions _revisions;

    public LocalLayerRevisions(ILayerRevisions configuration) => _revisions = new DataRevisions(configuration);

    public long Current(string layerId) => _revisions.Current(layerId);

    public Task<IReadOnlyDictionary<string, long>> BumpAsync(IReadOnlyCollection<string> layerIds, CancellationToken cancellationToken)
    {
        var bumped = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var layer in layerIds)
        {
            var next = _revisions.Data(layer) + 1;
            _revisions.Raise(layer, next);
            bumped[layer] = next;
        }
        return Task.FromResult<IReadOnlyDictionary<string, long>>(bumped);
    }

    public void Observe(IReadOnlyDictionary<string, long> revisions)
    {
        foreach (var (layer, revision) in revisions)
            _revisions.Raise(layer, revision);
    }

    public Task RefreshAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
