using System.Runtime.CompilerServices;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Rendering.Tests.TestSupport;

/// <summary>
/// A test double of a vector store: hand-made features kept in memory, answered the way real sources do
/// (bbox intersection, only the asked properties in order, limit) and every query recorded for assertions.
/// </summary>
internal sealed class InMemoryFeatureSource : IFeatureSource, IFeatureSourceProvider
{
    private readonly List<(string Id, Geometry Geometry, Dictionary<string, object?> Values)> _rows = [];

    public string SourceId => "memory";
    public List<FeatureQuery> Queries { get; } = [];

    public InMemoryFeatureSource Add(string id, Geometry geometry, params (string Name, object? Value)[] values)
    {
        _rows.Add((id, geometry, values.ToDictionary(v => v.Name, v => v.Value)));
        return this;
    }

    public IFeatureSource For(LayerDefinition layer) => this;

    public async IAsyncEnumerable<Feature> QueryAsync(FeatureQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Queries.Add(query);
        var properties = query.EffectiveProperties;
        var returned = 0;
        foreach (var (id, geometry, values) in _rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (query.Bbox is { } bbox && !bbox.Intersects(geometry.EnvelopeInternal))
                continue;
            if (query.Limit is { } limit && returned >= limit)
                yield break;
            var row = new object?[properties.Count];
            for (var i = 0; i < properties.Count; i++)
                row[i] = values.GetValueOrDefault(properties[i]);
            returned++;
            // Real sources complete most reads synchronously from a buffer: yield now and then, not per row.
            if (returned % 256 == 0)
                await Task.Yield();
            yield return new Feature(id, geometry, row);
        }
    }

    public Task<long> CountAsync(FeatureQuery query, CancellationToken cancellationToken) => Task.FromResult((long)_rows.Count);

    public Task<Feature?> GetByIdAsync(LayerDefinition layer, string id, int? outputSrid, CancellationToken cancellationToken) =>
        Task.FromResult<Feature?>(null);

    public Task<Envelope?> GetExtentAsync(LayerDefinition layer, CancellationToken cancellationToken) => Task.FromResult<Envelope?>(null);

    public Task<IReadOnlyList<DateOnly>> GetTimeValuesAsync(LayerDefinition layer, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DateOnly>>([]);

    public Task<IReadOnlyList<string>> ValidateLayerAsync(LayerDefinition layer, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public Task<bool> PingAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}
