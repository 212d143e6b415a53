using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Catalog.Configuration;
using GeoMas.Ogc.Core.Features;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Tests.Catalog.Configuration;

public class CatalogLoaderTests
{
    /// <summary>
    /// The shipped configuration as the loader receives it at startup: raster layers without a configured extent
    /// already carry their source's (the server opens the raster sources first; here the demo COG's bounds).
    /// </summary>
    private static CatalogSnapshot Draft()
    {
        var draft = TestConfigs.Build(TestConfigs.LoadRealConfig()).Snapshot!;
        var layers = draft.Layers.Select(l => l.Kind == LayerKind.Raster && l.Extent.IsNull ? l with { Extent = DemoOrtho } : l).ToList();
        return new CatalogSnapshot(draft.Service, draft.Sources, layers, draft.Limits, draft.SupportedSrids, draft.UpdateSequence);
    }

    private static readonly Envelope DemoOrtho = new(944000, 945000, 6388700, 6389700);

    private static readonly Envelope Gap = new(940000, 950000, 6380000, 6400000);

    [Fact]
    public async Task Fills_extents_time_values_and_group_unions()
    {
        var source = new FakeSource("main") { Extent = Gap, TimeValues = [new DateOnly(2010, 5, 1), new DateOnly(2019, 3, 2)] };
        source.ExtentsByTable["communes"] = new Envelope(890000, 1030000, 6290000, 6460000);

        var result = await CatalogLoader.LoadAsync(Draft(), source, [source], TestConfigs.Crs, requireSources: true, CancellationToken.None);

        Assert.Empty(result.Errors);
        var snapshot = result.Snapshot!;
        var parcelles = snapshot.FindLayer("parcelles")!;
        Assert.Equal(Gap, parcelles.Extent);
        // Gap is about 6.07°E 44.56°N.
        Assert.InRange(parcelles.GeographicExtent.Centre.X, 5.9, 6.2);
        Assert.InRange(parcelles.GeographicExtent.Centre.Y, 44.4, 44.7);
        Assert.Equal([new DateOnly(2010, 5, 1), new DateOnly(2019, 3, 2)], snapshot.FindLayer("plu_zones")!.Time!.Values);

        var plan = snapshot.FindLayer("plan")!;
        Assert.Equal(new Envelope(890000, 1030000, 6290000, 6460000), plan.Extent);
        Assert.True(plan.GeographicExtent.Contains(parcelles.GeographicExtent));
        Assert.NotEqual(Draft().UpdateSequence, snapshot.UpdateSequence);
    }

    [Fact]
    public async Task Collects_every_validation_problem()
    {
        var source = new FakeSource("main") { Extent = Gap };
        source.ProblemsByTable["parcelles"] = ["column \"numero\" not found", "SRID is 4326, expected 2154"];
        source.ProblemsByTable["routes"] = ["table \"geomas.routes\" not found"];

        var result = await CatalogLoader.LoadAsync(Draft(), source, [source], TestConfigs.Crs, requireSources: true, CancellationToken.None);

        Assert.Null(result.Snapshot);
        Assert.Equal(
        [
            "layer 'parcelles': column \"numero\" not found",
            "layer 'parcelles': SRID is 4326, expected 2154",
            "layer 'routes': table \"geomas.routes\" not found",
        ], result.Errors);
    }

    [Fact]
    public async Task An_unreachable_source_is_one_error_or_a_degraded_start()
    {
        var source = new FakeSource("main") { Reachable = false };

        var strict = await CatalogLoader.LoadAsync(Draft(), source, [source], TestConfigs.Crs, requireSources: true, CancellationToken.None);
        var lenient = await CatalogLoader.LoadAsync(Draft(), source, [source], TestConfigs.Crs, requireSources: false, CancellationToken.None);

        Assert.Equal(["source 'main' is unreachable: connection refused"], strict.Errors);
        Assert.Empty(lenient.Errors);
        Assert.Equal(["source 'main' is unreachable: connection refused"], lenient.Warnings);
        Assert.Equal(TestConfigs.Crs.ValidBounds(2154), lenient.Snapshot!.FindLayer("parcelles")!.Extent);
        Assert.Equal(0, source.ValidateCalls);
    }

    [Fact]
    public async Task An_empty_table_without_configured_extent_is_an_error()
    {
        var source = new FakeSource("main") { Extent = Gap };
        source.ExtentsByTable["batiments"] = null;

        var result = await CatalogLoader.LoadAsync(Draft(), source, [source], TestConfigs.Crs, requireSources: true, CancellationToken.None);

        Assert.Equal(["layer 'batiments': the table holds no rows, so its extent is unknown; set \"extent\" in the configuration"], result.Errors);
    }

    private sealed class FakeSource(string id) : IFeatureSource, IFeatureSourceProvider
    {
        public Envelope? Extent { get; init; }
        public Dictionary<string, Envelope?> ExtentsByTable { get; } = [];
        public Dictionary<string, IReadOnlyList<string>> ProblemsByTable { get; } = [];
        public IReadOnlyList<DateOnly> TimeValues { get; init; } = [];
        public bool Reachable { get; init; } = true;
        public int ValidateCalls { get; private set; }

        public string SourceId => id;
        public IFeatureSource For(LayerDefinition layer) => this;

        public Task<bool> PingAsync(CancellationToken cancellationToken) =>
            Reachable ? Task.FromResult(true) : throw new IOException("connection refused");

        public Task<IReadOnlyList<string>> ValidateLayerAsync(LayerDefinition layer, CancellationToken cancellationToken)
        {
            ValidateCalls++;
            return Task.FromResult(ProblemsByTable.GetValueOrDefault(layer.Table!) ?? []);
        }

        public Task<Envelope?> GetExtentAsync(LayerDefinition layer, CancellationToken cancellationToken) =>
            Task.FromResult(ExtentsByTable.TryGetValue(layer.Table!, out var e) ? e : Extent);

        public Task<IReadOnlyList<DateOnly>> GetTimeValuesAsync(LayerDefinition layer, CancellationToken cancellationToken) =>
            Task.FromResult(TimeValues);

        public IAsyncEnumerable<Feature> QueryAsync(FeatureQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<long> CountAsync(FeatureQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<Feature?> GetByIdAsync(LayerDefinition layer, string id, int? outputSrid, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
