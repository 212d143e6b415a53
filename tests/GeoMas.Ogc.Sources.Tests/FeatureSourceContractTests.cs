using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Time;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Sources.Tests;

/// <summary>
/// The <see cref="IFeatureSource"/> contract, run against every source. The expected numbers come from the
/// demo data (identical in the PostGIS "small" scale and the demo GeoPackage, checked with psql and sqlite3).
/// </summary>
public abstract class FeatureSourceContractTests
{
    // Gap town centre, Lambert-93.
    protected static readonly Envelope GapCentre = new(943000, 946000, 6387000, 6390000);

    protected abstract IFeatureSource Source { get; }

    private static FeatureQuery Query(LayerDefinition layer) => new() { Layer = layer, BboxSrid = 2154 };

    [Fact]
    public async Task Counts_every_row_of_a_table()
    {
        Assert.Equal(24555, await Source.CountAsync(Query(TestLayers.Parcelles), default));
        Assert.Equal(360, await Source.CountAsync(Query(TestLayers.Communes), default));
        Assert.Equal(13230, await Source.CountAsync(Query(TestLayers.Batiments), default));
    }

    [Fact]
    public async Task Bbox_selects_exactly_the_intersecting_rows_and_count_agrees()
    {
        var query = Query(TestLayers.Parcelles) with { Bbox = GapCentre, Properties = [] };
        var features = await Source.QueryAsync(query, default).ToListAsync();

        Assert.Equal(8076, features.Count);
        Assert.Equal(8076, await Source.CountAsync(query, default));
        var box = new GeometryFactory().ToGeometry(GapCentre);
        Assert.All(features, f => Assert.True(f.Geometry!.Intersects(box)));
    }

    [Fact]
    public async Task Rendering_queries_keep_the_index_test_only()
    {
        var exact = Query(TestLayers.Parcelles) with { Bbox = GapCentre, Properties = [] };
        var rendering = exact with { SimplifyTolerance = 1 };

        var full = await Source.QueryAsync(exact, default).ToListAsync();
        var boxes = await Source.QueryAsync(rendering, default).ToListAsync();

        // Box overlap is a superset of true intersection (a few parcels only touch the window with their box).
        Assert.InRange(boxes.Count, full.Count, full.Count + 10);
        Assert.Empty(full.Select(f => f.Id).Except(boxes.Select(f => f.Id)));
    }

    [Fact]
    public async Task Simplification_drops_vertices_but_no_feature()
    {
        var query = Query(TestLayers.Communes) with { Properties = [] };

        var full = await Source.QueryAsync(query, default).ToListAsync();
        var simplified = await Source.QueryAsync(query with { SimplifyTolerance = 200 }, default).ToListAsync();

        Assert.Equal(full.Select(f => f.Id), simplified.Select(f => f.Id));
        var fullVertices = full.Sum(f => f.Geometry!.NumPoints);
        var simplifiedVertices = simplified.Sum(f => f.Geometry!.NumPoints);
        Assert.True(simplifiedVertices < fullVertices / 2, $"{simplifiedVertices} vs {fullVertices}");
        Assert.All(simplified, f => Assert.False(f.Geometry!.IsEmpty));
    }

    [Fact]
    public async Task Bbox_in_another_crs_is_transformed_and_output_srid_is_honoured()
    {
        var lonLat = new Envelope(6.07, 6.09, 44.55, 44.57);
        var query = Query(TestLayers.Communes) with { Bbox = lonLat, BboxSrid = 4326, OutputSrid = 4326 };

        var features = await Source.QueryAsync(query, default).ToListAsync();

        var gap = Assert.Single(features, f => f.Id == "05061");
        Assert.Equal(4326, gap.Geometry!.SRID);
        var centre = gap.Geometry.EnvelopeInternal.Centre;
        Assert.InRange(centre.X, 5.9, 6.2);
        Assert.InRange(centre.Y, 44.45, 44.7);
        Assert.True(gap.Geometry.Intersects(new GeometryFactory().CreatePoint(new Coordinate(6.08, 44.56))));
    }

    [Fact]
    public async Task Bbox_outside_the_crs_area_gives_no_rows_without_error()
    {
        var query = Query(TestLayers.Parcelles) with { Bbox = new Envelope(100, 101, 10, 11), BboxSrid = 4326 };

        Assert.Empty(await Source.QueryAsync(query, default).ToListAsync());
        Assert.Equal(0L, await Source.CountAsync(query, default));
    }

    [Fact]
    public async Task Time_defaults_to_rows_in_force_today_and_follows_a_requested_date()
    {
        var current = Query(TestLayers.PluZones);
        var in2010 = current with { Time = new TimeSelection([TimeRange.Instant(new DateTimeOffset(2010, 1, 1, 0, 0, 0, TimeSpan.Zero))]) };
        var since2000 = current with { Time = new TimeSelection([new TimeRange(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), null)]) };

        Assert.Equal(206, await Source.CountAsync(current, default));
        Assert.Equal(206, await Source.CountAsync(current with { Time = TimeSelection.Current }, default));
        Assert.Equal(103, await Source.CountAsync(in2010, default));
        Assert.Equal(309, await Source.CountAsync(since2000, default));
        var zones = await Source.QueryAsync(current, default).ToListAsync();
        Assert.All(zones, z => Assert.Null(z.Values[4]));
    }

    [Fact]
    public async Task Time_values_are_the_distinct_dates_ascending()
    {
        var values = await Source.GetTimeValuesAsync(TestLayers.PluZones, default);

        Assert.NotEmpty(values);
        Assert.Equal(values.Order().Distinct(), values);
        Assert.Empty(await Source.GetTimeValuesAsync(TestLayers.Parcelles, default));
    }

    public static TheoryData<string, Filter, long> Filters => new()
    {
        { "parcelles", new Comparison(ComparisonOperator.Equal, new PropertyName("commune"), new Literal("05068")), 572 },
        { "parcelles", new Between(new PropertyName("contenance"), new Literal("1000"), new Literal(2000)), 5961 },
        { "parcelles", new Like(new PropertyName("id"), "05061000A*", WildCard: '*', SingleChar: '.', Escape: '!'), 4129 },
        { "communes", new Like(new PropertyName("nom"), "Saint-%"), 43 },
        { "communes", new Like(new PropertyName("nom"), "%CHÂ%", MatchCase: false), 10 },
        { "communes", new Like(new PropertyName("nom"), "%ch_teau%", MatchCase: false), 9 },
        { "plu_zones", new Comparison(ComparisonOperator.Equal, new PropertyName("typezone"), new Literal("u"), MatchCase: false), 52 },
        { "plu_zones", new Comparison(ComparisonOperator.Equal, new PropertyName("typezone"), new Literal("u")), 0 },
        { "routes", new In(new PropertyName("classe"), [new Literal("autoroute"), new Literal("nationale")]), 25 },
        { "routes", new Not(new In(new PropertyName("classe"), [new Literal("autoroute"), new Literal("nationale")])), 3135 - 25 },
        { "parcelles", new And([new Comparison(ComparisonOperator.Equal, new PropertyName("commune"), new Literal("05068")), new Constant(false)]), 0 },
        { "parcelles", new Or([new IsNull(new PropertyName("commune")), new IdIn(["05061000AA0001", "nope"])]), 1 },
        { "routes", new IdIn(["1", "2", "x"]), 2 },
        { "parcelles", new TemporalFilter(TemporalOperator.Before, "updated_at", new DateTimeOffset(2014, 1, 1, 2, 11, 2, TimeSpan.Zero), null), 1 },
        { "plu_zones", new TemporalFilter(TemporalOperator.After, "valid_from", new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), null), 0 },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Filters_select_the_expected_rows(string layerId, Filter filter, long expected)
    {
        var layer = Layer(layerId);
        var query = Query(layer) with { Filter = filter };

        Assert.Equal(expected, await Source.CountAsync(query, default));
        Assert.Equal(expected, (await Source.QueryAsync(query with { IncludeGeometry = false }, default).ToListAsync()).Count);
    }

    [Fact]
    public async Task Spatial_filter_literals_are_transformed_to_the_table_srid()
    {
        var point = new GeometryFactory().CreatePoint(new Coordinate(6.08, 44.56));
        var intersects = Query(TestLayers.Communes) with { Filter = new SpatialFilter(SpatialOperator.Intersects, null, point, 4326) };
        var disjoint = intersects with { Filter = new SpatialFilter(SpatialOperator.Disjoint, "geom", point, 4326) };
        var near = intersects with { Filter = new SpatialFilter(SpatialOperator.DWithin, null, point, 4326, 0.1) };

        var hit = Assert.Single(await Source.QueryAsync(intersects, default).ToListAsync());
        Assert.Equal("05061", hit.Id);
        Assert.Equal(359, await Source.CountAsync(disjoint, default));
        Assert.InRange(await Source.CountAsync(near, default), 2, 100);
    }

    [Fact]
    public async Task Paging_walks_every_feature_once_in_a_stable_order()
    {
        var all = Query(TestLayers.Parcelles) with
        {
            Filter = new Comparison(ComparisonOperator.Equal, new PropertyName("commune"), new Literal("05068")),
            SortBy = [new SortKey("section", SortDirection.Descending)],
            IncludeGeometry = false,
        };
        var expected = (await Source.QueryAsync(all, default).ToListAsync()).Select(f => f.Id).ToList();

        var paged = new List<string>();
        for (var offset = 0L; ; offset += 100)
        {
            var page = await Source.QueryAsync(all with { Offset = offset, Limit = 100 }, default).ToListAsync();
            paged.AddRange(page.Select(f => f.Id));
            if (page.Count < 100)
                break;
        }

        Assert.Equal(572, expected.Count);
        Assert.Equal(expected, paged);
        Assert.Equal(expected.Count, paged.Distinct().Count());
        // Within one section the id closes the order.
        var sections = (await Source.QueryAsync(all with { Properties = ["section"] }, default).ToListAsync()).Select(f => (string)f.Values[0]!).ToList();
        Assert.Equal(sections.OrderDescending(StringComparer.Ordinal), sections);
    }

    [Fact]
    public async Task Properties_come_in_the_requested_order_with_catalog_types()
    {
        var query = Query(TestLayers.Parcelles) with { Properties = ["numero", "commune", "updated_at"], Limit = 1 };

        var feature = Assert.Single(await Source.QueryAsync(query, default).ToListAsync());

        Assert.Equal("05037000AA0001", feature.Id);
        Assert.Equal(3, feature.Values.Length);
        Assert.Equal(1, Assert.IsType<int>(feature.Values[0]));
        Assert.Equal("05037", Assert.IsType<string>(feature.Values[1]));
        var updated = Assert.IsType<DateTimeOffset>(feature.Values[2]);
        Assert.Equal(TimeSpan.Zero, updated.Offset);
        Assert.Equal(new DateTimeOffset(2014, 7, 3, 20, 58, 2, TimeSpan.Zero), updated);
    }

    [Fact]
    public async Task Value_types_follow_the_catalog()
    {
        var zone = Assert.Single(await Source.QueryAsync(Query(TestLayers.PluZones) with { Limit = 1 }, default).ToListAsync());
        var route = Assert.Single(await Source.QueryAsync(Query(TestLayers.Routes) with { Limit = 1 }, default).ToListAsync());

        Assert.IsType<DateOnly>(zone.Values[3]);
        Assert.Equal("1", zone.Id);
        Assert.IsType<double>(route.Values[2]);
        Assert.Equal("1", route.Id);
        Assert.Equal(2154, route.Geometry!.SRID);
        Assert.IsAssignableFrom<ILineal>(route.Geometry);
    }

    [Fact]
    public async Task Get_by_id_ignores_the_time_default_and_returns_null_when_absent()
    {
        var historic = await Source.QueryAsync(Query(TestLayers.PluZones) with
        {
            Time = new TimeSelection([TimeRange.Instant(new DateTimeOffset(2010, 1, 1, 0, 0, 0, TimeSpan.Zero))]),
            Filter = new Not(new IsNull(new PropertyName("valid_to"))),
            Limit = 1,
        }, default).ToListAsync();
        var id = Assert.Single(historic).Id;

        var found = await Source.GetByIdAsync(TestLayers.PluZones, id, 4326, default);

        Assert.NotNull(found);
        Assert.Equal(id, found.Id);
        Assert.Equal(4326, found.Geometry!.SRID);
        Assert.Null(await Source.GetByIdAsync(TestLayers.Parcelles, "does-not-exist", null, default));
        Assert.Null(await Source.GetByIdAsync(TestLayers.PluZones, "abc", null, default));
    }

    [Fact]
    public async Task Extent_covers_the_table()
    {
        var extent = await Source.GetExtentAsync(TestLayers.Parcelles, default);

        Assert.NotNull(extent);
        // The GeoPackage rtree stores float32 boxes rounded outwards: within a metre at Lambert-93 magnitudes.
        Assert.InRange(extent.MinX, 935263.24 - 1, 935263.25);
        Assert.InRange(extent.MinY, 6378595.8 - 1, 6378595.81);
        Assert.InRange(extent.MaxX, 950073.02, 950073.03 + 1);
        Assert.InRange(extent.MaxY, 6400756.01, 6400756.02 + 1);
    }

    [Fact]
    public async Task Cancellation_stops_a_running_query()
    {
        using var cts = new CancellationTokenSource();
        var read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Source.QueryAsync(Query(TestLayers.Parcelles), cts.Token))
            {
                if (++read == 10)
                    await cts.CancelAsync();
            }
        });
        Assert.Equal(10, read);
    }

    [Fact]
    public async Task Validation_accepts_the_real_layers_and_lists_every_problem()
    {
        Assert.Empty(await Source.ValidateLayerAsync(TestLayers.Parcelles, default));
        Assert.Empty(await Source.ValidateLayerAsync(TestLayers.PluZones, default));

        var broken = TestLayers.Parcelles with
        {
            Srid = 3857,
            Attributes = [.. TestLayers.Parcelles.Attributes, new AttributeDefinition("surface", AttributeType.Double)],
        };
        var problems = await Source.ValidateLayerAsync(broken, default);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("'surface'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("2154", StringComparison.Ordinal) && p.Contains("3857", StringComparison.Ordinal));
        var missing = await Source.ValidateLayerAsync(TestLayers.Parcelles with { Table = "nothing_here" }, default);
        Assert.Single(missing);
    }

    /// <summary>Found by the endpoint fuzz: a WFS filter literal "NaN" on a number made the GeoPackage source throw (500).</summary>
    [Fact]
    public async Task A_NaN_literal_on_a_number_matches_no_row()
    {
        var query = Query(TestLayers.Parcelles) with
        {
            Filter = new Comparison(ComparisonOperator.Equal, new PropertyName("contenance"), new Literal("NaN")),
        };

        Assert.Equal(0L, await Source.CountAsync(query, default));
    }

    [Fact]
    public async Task Unknown_property_names_are_the_clients_error()
    {
        var bad = Query(TestLayers.Parcelles);
        var filter = bad with { Filter = new Comparison(ComparisonOperator.Equal, new PropertyName("x; DROP TABLE parcelles"), new Literal(1)) };
        var sort = bad with { SortBy = [new SortKey("nope")] };
        var properties = bad with { Properties = ["commune", "geom"] };

        foreach (var query in new[] { filter, sort, properties })
        {
            var e = await Assert.ThrowsAsync<ServiceException>(() => Source.QueryAsync(query, default).ToListAsync());
            Assert.Equal(ErrorKind.InvalidParameter, e.Kind);
        }
        var count = await Assert.ThrowsAsync<ServiceException>(() => Source.CountAsync(filter, default));
        Assert.Equal(ErrorKind.InvalidParameter, count.Kind);
    }

    [Fact]
    public async Task Ping_answers()
    {
        Assert.True(await Source.PingAsync(default));
    }

    protected static LayerDefinition Layer(string id) => id switch
    {
        "communes" => TestLayers.Communes,
        "parcelles" => TestLayers.Parcelles,
        "batiments" => TestLayers.Batiments,
        "plu_zones" => TestLayers.PluZones,
        "routes" => TestLayers.Routes,
        _ => throw new ArgumentOutOfRangeException(nameof(id)),
    };
}
