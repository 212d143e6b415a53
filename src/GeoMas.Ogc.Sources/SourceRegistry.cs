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

    public SourceRegistry(IEnumerable<SourceDefinition> sources, CrsRegistry crs)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(crs);
        foreach (var definition in sources)
        {
            IFeatureSource? source = definition.Kind switch
            {
                SourceKind.PostGis => new PostGisFeatureSource(definition, crs),
                SourceKind.GeoPackage => new GeoPackageFeatureSource(definition, crs),
                _ => null,
            };
            if (source is not null && !_sources.TryAdd(definition.Id, source))
                throw new ArgumentException($"Source '{definition.Id}' is defined twice.", nameof(sources));
        }
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
