using System.Runtime.CompilerServices;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Features.Filtering;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Sources.Security;

/// <summary>
/// Applies a layer's access territory where features are read, so maps, tiles, WMS/WFS/OGC API features, feature
/// info and counts are all clipped by the same code: a query on a layer carrying <see cref="LayerDefinition.Access"/>
/// with a territory gets <c>Intersects(geometry, territory)</c> ANDed to its filter. Layers without one pass through.
/// </summary>
public sealed class TerritoryFeatureSource(IFeatureSource inner) : IFeatureSource
{
    public IFeatureSource Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    public string SourceId => Inner.SourceId;

    public IAsyncEnumerable<Feature> QueryAsync(FeatureQuery query, CancellationToken cancellationToken) =>
        Inner.QueryAsync(Restrict(query), cancellationToken);

    public Task<long> CountAsync(FeatureQuery query, CancellationToken cancellationToken) =>
        Inner.CountAsync(Restrict(query), cancellationToken);

    public async Task<Feature?> GetByIdAsync(LayerDefinition layer, string id, int? outputSrid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (layer.Access?.Territory is not { } territory)
            return await Inner.GetByIdAsync(layer, id, outputSrid, cancellationToken).ConfigureAwait(false);

        // Judged in the native SRID (the territory's), then fetched again in the asked one: an item outside the
        // territory is "not found", exactly like an id that does not exist.
        var native = await Inner.GetByIdAsync(layer, id, null, cancellationToken).ConfigureAwait(false);
        if (native?.Geometry is not { } geometry || !territory.Intersects(geometry))
            return null;
        return outputSrid is null || outputSrid == layer.Srid
            ? native
            : await Inner.GetByIdAsync(layer, id, outputSrid, cancellationToken).ConfigureAwait(false);
    }

    public Task<Envelope?> GetExtentAsync(LayerDefinition layer, CancellationToken cancellationToken) => Inner.GetExtentAsync(layer, cancellationToken);

    public Task<IReadOnlyList<DateOnly>> GetTimeValuesAsync(LayerDefinition layer, CancellationToken cancellationToken) =>
        Inner.GetTimeValuesAsync(layer, cancellationToken);

    public Task<IReadOnlyList<string>> ValidateLayerAsync(LayerDefinition layer, CancellationToken cancellationToken) =>
        Inner.ValidateLayerAsync(layer, cancellationToken);

    public Task<bool> PingAsync(CancellationToken cancellationToken) => Inner.PingAsync(cancellationToken);

    /// <summary>The query with the territory condition added (the same query when the layer has no territory).</summary>
    public static FeatureQuery Restrict(FeatureQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Layer.Access?.Territory is not { } territory)
            return query;
        var inside = new SpatialFilter(SpatialOperator.Intersects, null, territory, query.Layer.Srid);
        return query with { Filter = query.Filter is null ? inside : new And([query.Filter, inside]) };
    }
}
