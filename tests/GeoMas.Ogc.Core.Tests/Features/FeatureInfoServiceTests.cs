using System.Runtime.CompilerServices;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Time;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Tests.Features;

public sealed class FeatureInfoServiceTests
{
    private static readonly CrsRegistry Crs = new();

    private static LayerDefinition Layer(string id, GeometryKind kind, LayerKind layerKind = LayerKind.Vector) => new()
    {
        Id = id,
        Title = id,
        Kind = layerKind,
        GeometryKind = kind,
        Srid = 2154,
        Attributes = [new AttributeDefinition("nom", AttributeType.String)],
    };

    // 1000 m × 1000 m in 100 × 100 pixels: 10 m per pixel.
    private static FeatureInfoRequest Request(params LayerDefinition[] layers) => new()
    {
        Bbox = new Envelope(944000, 945000, 6388000, 6389000),
        Srid = 2154,
        Width = 100,
        Height = 100,
        QueryLayers = layers,
        I = 10,
        J = 20,
        FeatureCount = 2,
        TolerancePixels = 4,
        Time = new TimeSelection([TimeRange.Instant(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero))]),
    };

    [Fact]
    public async Task Polygons_are_queried_at_the_pixel_centre_with_the_tolerance_box_as_prefilter()
    {
        var source = new RecordingSource(5);
        var results = await new FeatureInfoService(source, Crs).QueryAsync(Request(Layer("parcelles", GeometryKind.Polygon)), default);

        var query = Assert.Single(source.Queries);
        var filter = Assert.IsType<SpatialFilter>(query.Filter);
        Assert.Equal(SpatialOperator.Intersects, filter.Operator);
        var point = Assert.IsType<Point>(filter.Geometry);
        Assert.Equal((944105d, 6388795d), (point.X, point.Y)); // (10.5, 20.5) pixels from the upper-left corner
        Assert.Equal(new Envelope(944065, 944145, 6388755, 6388835), query.Bbox);
        Assert.Equal(2154, query.BboxSrid);
        Assert.Equal(2, query.Limit);
        Assert.Equal(2154, query.OutputSrid);
        Assert.NotNull(query.Time);
        Assert.Equal(2, Assert.Single(results).Features.Count); // stops at FeatureCount even if the source gives more
        Assert.Equal(["nom"], results[0].Properties);
    }

    [Theory]
    [InlineData(GeometryKind.Line)]
    [InlineData(GeometryKind.Point)]
    public async Task Lines_and_points_only_need_to_touch_the_tolerance_box(GeometryKind kind)
    {
        var source = new RecordingSource(1);
        await new FeatureInfoService(source, Crs).QueryAsync(Request(Layer("routes", kind)), default);
        var filter = Assert.IsType<SpatialFilter>(Assert.Single(source.Queries).Filter);
        Assert.IsType<Polygon>(filter.Geometry);
        Assert.Equal(new Envelope(944065, 944145, 6388755, 6388835), filter.Geometry.EnvelopeInternal);
    }

    [Fact]
    public async Task The_box_is_transformed_to_the_layer_srid_and_geometries_come_back_in_the_map_crs()
    {
        var source = new RecordingSource(1);
        var request = Request(Layer("parcelles", GeometryKind.Polygon)) with
        {
            Bbox = new Envelope(6.0, 6.1, 44.5, 44.6),
            Srid = 4326,
        };
        await new FeatureInfoService(source, Crs).QueryAsync(request, default);
        var query = Assert.Single(source.Queries);
        Assert.Equal(2154, query.BboxSrid);
        Assert.InRange(query.Bbox!.MinX, 900000, 1000000); // Lambert-93 eastings near Gap
        Assert.InRange(query.Bbox.MinY, 6300000, 6500000);
        Assert.Equal(4326, query.OutputSrid);
        Assert.True(query.Bbox.Contains(((Point)((SpatialFilter)query.Filter!).Geometry).Coordinate));
    }

    [Fact]
    public async Task Raster_layers_are_skipped_and_clicks_outside_the_crs_domain_find_nothing()
    {
        var source = new RecordingSource(1);
        var service = new FeatureInfoService(source, Crs);
        var results = await service.QueryAsync(Request(Layer("ortho", GeometryKind.Polygon, LayerKind.Raster)), default);
        Assert.Empty(results);

        var far = Request(Layer("parcelles", GeometryKind.Polygon)) with { Bbox = new Envelope(150, 160, -10, 0), Srid = 4326 };
        var nothing = await service.QueryAsync(far, default);
        Assert.Empty(Assert.Single(nothing).Features);
        Assert.Empty(source.Queries);
    }

    private sealed class RecordingSource(int available) : IFeatureSourceProvider, IFeatureSource
    {
        public List<FeatureQuery> Queries { get; } = [];
        public string SourceId => "test";

        public IFeatureSource For(LayerDefinition layer) => this;

        public async IAsyncEnumerable<Feature> QueryAsync(FeatureQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Queries.Add(query);
            for (var i = 0; i < available; i++)
            {
                await Task.Yield();
                yield return new Feature(i.ToString(System.Globalization.CultureInfo.InvariantCulture), null, ["x"]);
            }
        }

        public Task<long> CountAsync(FeatureQuery query, CancellationToken cancellationToken) => Task.FromResult((long)available);
        public Task<Feature?> GetByIdAsync(LayerDefinition layer, string id, int? outputSrid, CancellationToken cancellationToken) => Task.FromResult<Feature?>(null);
        public Task<Envelope?> GetExtentAsync(LayerDefinition layer, CancellationToken cancellationToken) => Task.FromResult<Envelope?>(null);
        public Task<IReadOnlyList<DateOnly>> GetTimeValuesAsync(LayerDefinition layer, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DateOnly>>([]);
        public Task<IReadOnlyList<string>> ValidateLayerAsync(LayerDefinition layer, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);
        public Task<bool> PingAsync(CancellationToken cancellationToken) => Task.FromResult(true);
    }
}
