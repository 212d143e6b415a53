using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Sources;

namespace GeoMas.Ogc.Server.Reload;

/// <summary>
/// The current <see cref="CatalogGeneration"/>, swapped whole by a reload. Every consumer reads
/// <see cref="ICatalogProvider.Current"/> (and feature sources through <see cref="IFeatureSourceProvider"/>) per
/// request, so a swap is one reference write: a request that already took the old snapshot finishes on it. The
/// sources a reload replaced are disposed only after a drain delay, when such requests are done. Owns the sources:
/// disposing the store closes the current ones and any still waiting to be drained.
/// </summary>
public sealed class CatalogSnapshotStore : ICatalogProvider, IFeatureSourceProvider, IAsyncDisposable
{
    private readonly Lock _retiring = new();
    private readonly List<Task> _drains = [];
    private readonly CancellationTokenSource _disposing = new();
    private volatile CatalogGeneration _current;

    public CatalogSnapshotStore(CatalogGeneration initial) => _current = initial ?? throw new ArgumentNullException(nameof(initial));

    public CatalogGeneration Generation => _current;

    public CatalogSnapshot Current => _current.Snapshot;

    public IFeatureSource For(LayerDefinition layer) => _current.Sources.For(layer);

    /// <summary>Raised after each swap with the old and the new generation.</summary>
    public event Action<CatalogGeneration, CatalogGeneration>? Swapped;

    /// <summary>
    /// Makes <paramref name="next"/> current; the sources of the previous generation that <paramref name="next"/> did
    /// not take over are disposed after <paramref name="drain"/> (requests in flight may still use them).
    /// </summary>
    public void Swap(CatalogGeneration next, TimeSpan drain)
    {
        ArgumentNullException.ThrowIfNull(next);
        var previous = Interlocked.Exchange(ref _current, next);
        Swapped?.Invoke(previous, next);
        if (ReferenceEquals(previous.Sources, next.Sources))
            return;
        lock (_retiring)
        {
            _drains.RemoveAll(t => t.IsCompleted);
            _drains.Add(RetireAsync(previous.Sources, next.Sources, drain));
        }
    }

    private async Task RetireAsync(SourceRegistry retired, SourceRegistry successor, TimeSpan drain)
    {
        try
        {
            await Task.Delay(drain, _disposing.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the host has drained its requests already, close now.
        }
        await retired.DisposeReplacedAsync(successor).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _disposing.CancelAsync().ConfigureAwait(false);
        Task[] drains;
        lock (_retiring)
            drains = [.. _drains];
        await Task.WhenAll(drains).ConfigureAwait(false);
        await _current.Sources.DisposeAsync().ConfigureAwait(false);
        _disposing.Dispose();
    }
}
