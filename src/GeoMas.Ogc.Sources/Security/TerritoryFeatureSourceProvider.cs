using System.Collections.Concurrent;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features;

namespace GeoMas.Ogc.Sources.Security;

/// <summary>
/// Hands out every source wrapped in a <see cref="TerritoryFeatureSource"/> (one wrapper per source), so every
/// reader of features through <see cref="IFeatureSourceProvider"/> gets territory clipping without knowing of it.
/// </summary>
public sealed class TerritoryFeatureSourceProvider(IFeatureSourceProvider inner) : IFeatureSourceProvider
{
    private readonly ConcurrentDictionary<IFeatureSource, TerritoryFeatureSource> _wrappers = new(ReferenceEqualityComparer.Instance);

    public IFeatureSource For(LayerDefinition layer)
    {
        var source = inner.For(layer);
        return source is TerritoryFeatureSource ? source : _wrappers.GetOrAdd(source, s => new TerritoryFeatureSource(s));
    }
}
