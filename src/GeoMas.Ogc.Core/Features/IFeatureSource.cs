using GeoMas.Ogc.Core.Catalog;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Features;

/// <summary>
/// A vector store (PostGIS, GeoPackage). Results stream: nothing is materialised whole.
/// Implementations are thread-safe and created once per source.
/// </summary>
public interface IFeatureSource
{
    string SourceId { get; }

    IAsyncEnumerable<Feature> QueryAsync(FeatureQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Rows matching the query (paging ignored): exact, or the database's estimate when the layer's
    /// <see cref="Catalog.LayerDefinition.Count"/> is <see cref="FeatureCountMode.Estimated"/> and the store keeps
    /// statistics. Callers skip the call for <see cref="FeatureCountMode.None"/>.
    /// </summary>
    Task<long> CountAsync(FeatureQuery query, CancellationToken cancellationToken);

    Task<Feature?> GetByIdAsync(LayerDefinition layer, string id, int? outputSrid, CancellationToken cancellationToken);

    /// <summary>Extent of the layer's rows in the native SRID, or null when empty.</summary>
    Task<Envelope?> GetExtentAsync(LayerDefinition layer, CancellationToken cancellationToken);

    /// <summary>Distinct start/end dates of a layer's time dimension, ascending.</summary>
    Task<IReadOnlyList<DateOnly>> GetTimeValuesAsync(LayerDefinition layer, CancellationToken cancellationToken);

    /// <summary>Checks the table, id/geometry/attribute columns and SRID; returns every problem found (empty = fine).</summary>
    Task<IReadOnlyList<string>> ValidateLayerAsync(LayerDefinition layer, CancellationToken cancellationToken);

    /// <summary>Can the store answer now (readiness)?</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);
}

/// <summary>Finds the source object of a layer.</summary>
public interface IFeatureSourceProvider
{
    IFeatureSource For(LayerDefinition layer);
}
