using System.Runtime.CompilerServices;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Protocols.Tests.Wfs.Features;

/// <summary>The demo's parcelles and plu_zones feature types (same columns as config/geomas.json) and a groups layer.</summary>
public static class WfsFeatureTestCatalog
{
    public static readonly LayerDefinition Parcelles = new()
    {
        Id = "parcelles",
        Title = "Parcelles",
        SourceId = "main",
        Table = "parcelles",
        Attributes =
        [
            new AttributeDefinition("id", AttributeType.String),
            new AttributeDefinition("commune", AttributeType.String),
            new AttributeDefinition("section", AttributeType.String),
            new AttributeDefinition("numero", AttributeType.Integer),
            new AttributeDefinition("contenance", AttributeType.Integer),
            new AttributeDefinition("updated_at", AttributeType.DateTime),
        ],
    };

    public static readonly LayerDefinition PluZones = new()
    {
        Id = "plu_zones",
        Title = "PLU",
        SourceId = "main",
        Table = "plu_zones",
        Attributes =
        [
            new AttributeDefinition("id", AttributeType.Integer),
            new AttributeDefinition("libelle", AttributeType.String),
            new AttributeDefinition("valid_from", AttributeType.Date),
            new AttributeDefinition("valid_to", AttributeType.Date),
        ],
        Time = new TimeDimension { StartColumn = "valid_from", EndColumn = "valid_to" },
    };

    public static CatalogSnapshot Build(ServiceLimits? limits = null) => new(
        new ServiceMetadata { Title = "GeoMas WFS test", PublicBaseUrl = "https://maps.example.org/geo" },
        new Dictionary<string, SourceDefinition>(),
        [Parcelles, PluZones, new LayerDefinition { Id = "plan", Title = "Plan", Kind = LayerKind.Group, Children = ["parcelles"] }],
        limits ?? new ServiceLimits { MaxFeaturesPerPage = 1000, MaxFeaturesPerDownload = 50_000 },
        [2154, 3857, 4326, 3944],
        "1");

    /// <summary>Two Lambert-93 parcels near Gap (one multi, one single polygon) and a third without geometry.</summary>
    public static IReadOnlyList<Feature> ParcelFeatures()
    {
        var factory = new GeometryFactory(new PrecisionModel(), 2154);
        Polygon Square(double x, double y) => factory.CreatePolygon([new(x, y), new(x + 10, y), new(x + 10, y + 10), new(x, y + 10), new(x, y)]);
        return
        [
            new Feature("05061000AB0001", factory.CreateMultiPolygon([Square(944000, 6389000)]),
                ["05061000AB0001", "05061", "AB", 1, 120, new DateTime(2025, 3, 1, 10, 30, 0, DateTimeKind.Utc)]),
            new Feature("05061000AB0002", Square(944020, 6389000), ["05061000AB0002", "05061", "AB", 2, null, null]),
            new Feature("05061000AB0003", null, ["05061000AB0003", "05061", "A&B <x>", 3, 5, null]),
        ];
    }
}

/// <summary>
/// A source serving fixed features of the parcelles layout: applies offset/limit, projects the values onto the query's
/// properties (as real sources select only those columns), records the queries and counts.
/// </summary>
public sealed class FixedFeatureSource(IReadOnlyList<Feature> features) : IFeatureSource, IFeatureSourceProvider
{
    public List<FeatureQuery> Queries { get; } = [];
    public int Counts { get; private set; }

    public string SourceId => "main";

    public IFeatureSource For(LayerDefinition layer) => this;

    public async IAsyncEnumerable<Feature> QueryAsync(FeatureQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        lock (Queries)
            Queries.Add(query);
        await Task.Yield();
        var columns = query.EffectiveProperties.Select(p => WfsFeatureTestCatalog.Parcelles.Attributes.ToList().FindIndex(a => a.Name == p)).ToArray();
        foreach (var feature in features.Skip((int)query.Offset).Take(query.Limit ?? int.MaxValue))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new Feature(feature.Id, query.IncludeGeometry ? feature.Geometry : null, columns.Select(c => feature.Values[c]).ToArray());
        }
    }

    public Task<long> CountAsync(FeatureQuery query, CancellationToken cancellationToken)
    {
        Counts++;
        return Task.FromResult((long)features.Count);
    }

    public Task<Feature?> GetByIdAsync(LayerDefinition layer, string id, int? outputSrid, CancellationToken cancellationToken) =>
        Task.FromResult(features.FirstOrDefault(f => f.Id == id));

    public Task<Envelope?> GetExtentAsync(LayerDefinition layer, CancellationToken cancellationToken) => Task.FromResult<Envelope?>(null);

    public Task<IReadOnlyList<DateOnly>> GetTimeValuesAsync(LayerDefinition layer, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DateOnly>>([]);

    public Task<IReadOnlyList<string>> ValidateLayerAsync(LayerDefinition layer, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public Task<bool> PingAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}
