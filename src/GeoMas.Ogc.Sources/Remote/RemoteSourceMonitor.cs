using System.Collections.Concurrent;

namespace GeoMas.Ogc.Sources.Remote;

/// <summary>
/// The cascaded sources that are open right now (one per raster layer on a remote source, across catalog reloads):
/// what the capabilities refresher walks and what readiness reports.
/// </summary>
public sealed class RemoteSourceMonitor
{
    private readonly ConcurrentDictionary<IRemoteRasterSource, byte> _sources = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyCollection<IRemoteRasterSource> Sources => (IReadOnlyCollection<IRemoteRasterSource>)_sources.Keys;

    /// <summary>Sources that cannot serve yet (capabilities never read), with the reason.</summary>
    public IReadOnlyList<(string SourceId, string Reason)> Unavailable =>
        _sources.Keys.Where(s => !s.IsReady).Select(s => (s.SourceId, s.LastError ?? "capabilities not read yet")).ToList();

    internal void Add(IRemoteRasterSource source) => _sources.TryAdd(source, 0);

    internal void Remove(IRemoteRasterSource source) => _sources.TryRemove(source, out _);
}
