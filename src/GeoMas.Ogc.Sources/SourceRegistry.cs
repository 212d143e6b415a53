using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Sources.GeoPackage;
using GeoMas.Ogc.Sources.PostGis;

namespace GeoMas.Ogc.Sources;

/// <summary>
/// The feature sources of the configuration, created once: one pooled <see cref="PostGisFeatureSource"/> or
/// <see cref="GeoPackageFeatureSource"/> per vector source definition (raster sources are not feature sources).
/// </summary>
public sealed class SourceRegistry : IFeatureSourceProvider, IAsyncDisposable
{
    private readonly Dictionary<string, IFeatureSource> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceDefinition> _definitions = new(StringComparer.Ordinal);

    public SourceRegistry(IEnumerable<SourceDefinition> sources, CrsRegistry crs)
        : this(sources, crs, null)
    {
    }

    /// <summary>
    /// A registry for a reloaded configuration: a source whose definition equals the one in <paramref name="previous"/>
    /// is taken over as is (same object, same connection pool), so a reload does not drop the pools of unchanged
    /// databases. Dispose the previous registry with <see cref="DisposeReplacedAsync"/>, never whole.
    /// </summary>
    public SourceRegistry(IEnumerable<SourceDefinition> sources, CrsRegistry crs, SourceRegistry? previous)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(crs);
        foreach (var definition in sources)
        {
            IFeatureSource? source = previous is not null && previous._definitions.TryGetValue(definition.Id, out var known) && known == definition
                ? previous._sources[definition.Id]
                : definition.Kind switch
                {
                    SourceKind.PostGis => new PostGisFeatureSource(definition, crs),
                    SourceKind.GeoPackage => new GeoPackageFeatureSource(definition, crs),
                    _ => null,
                };
            if (source is null)
                continue;
            if (!_sources.TryAdd(definition.Id, source))
                throw new ArgumentException($"Source '{definition.Id}' is defined twice.", nameof(sources));
            _definitions[definition.Id] = definition;
        }
    }

    /// <summary>Ids of the sources taken over from the previous registry (the same objects).</summary>
    public IReadOnlyCollection<string> SharedWith(SourceRegistry other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return [.. _sources.Where(s => other._sources.TryGetValue(s.Key, out var o) && ReferenceEquals(o, s.Value)).Select(s => s.Key)];
    }

    /// <summary>Disposes the sources <paramref name="successor"/> did not take over (after a reload swapped it in).</summary>
    public async ValueTask DisposeReplacedAsync(SourceRegistry successor)
    {
        ArgumentNullException.ThrowIfNull(successor);
        var kept = successor._sources.Values.ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var source in _sources.Values.Where(s => !kept.Contains(s)))
        {
            if (source is IAsyncDisposable disposable)
                await disposable.DisposeAsync().ConfigureAwait(false);
        }
        _sources.Clear();
        _definitions.Clear();
    }

    public IReadOnlyCollection<IFeatureSource> All => _sources.Values;

    /// <summary>The source of a vector layer; a layer naming an unknown source is a configuration error.</summary>
    public IFeatureSource For(LayerDefinition layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return layer.SourceId is { } id && _sources.TryGetValue(id, out var source)
            ? source
            : throw new ServiceException(ErrorKind.Internal, "NoApplicableCode",
                $"Layer '{layer.Id}' names feature source '{layer.SourceId}', which is not configured.");
    }

    /// <summary>The source with this id, or null (a reload removed it).</summary>
    public IFeatureSource? Find(string sourceId) => _sources.GetValueOrDefault(sourceId);

    public IFeatureSource Get(string sourceId) =>
        _sources.TryGetValue(sourceId, out var source)
            ? source
            : throw new ServiceException(ErrorKind.Internal, "NoApplicableCode", $"Feature source '{sourceId}' is not configured.");

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources.Values)
        {
            if (source is IAsyncDisposable disposable)
                await disposable.DisposeAsync().ConfigureAwait(false);
        }
        _sources.Clear();
    }
}
