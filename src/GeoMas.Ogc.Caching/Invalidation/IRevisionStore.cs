using GeoMas.Ogc.Core.Caching;

namespace GeoMas.Ogc.Caching.Invalidation;

/// <summary>Layer revisions that data changes can move: <see cref="ILayerRevisions.Current"/> stays a fast local read.</summary>
public interface IRevisionStore : ILayerRevisions
{
    /// <summary>Moves the data revision of these layers; returns the new values (to tell the other instances).</summary>
    Task<IReadOnlyDictionary<string, long>> BumpAsync(IReadOnlyCollection<string> layerIds, CancellationToken cancellationToken);

    /// <summary>Takes revisions announced by another instance (never moves one backwards).</summary>
    void Observe(IReadOnlyDictionary<string, long> revisions);

    /// <summary>Re-reads every revision from the shared store (start, reconnection, periodic healing).</summary>
    Task RefreshAsync(CancellationToken cancellationToken);
}
