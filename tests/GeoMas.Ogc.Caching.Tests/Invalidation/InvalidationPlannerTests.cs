using GeoMas.Ogc.Caching.Invalidation;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Tiling;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Caching.Tests.Invalidation;

public class InvalidationPlannerTests
{
    // A parcel-sized change near Gap, in EPSG:2154.
    private static readonly Envelope Parcel = new(944_000, 944_030, 6_389_000, 6_389_025);

    private static InvalidationPlanner Planner(int margin = 128, int maxPositions = 50_000) =>
        new(InvalidationCatalogs.Sets, InvalidationCatalogs.Crs, new InvalidationOptions { MarginPixels = margin, MaxPositions = maxPositions });

    [Fact]
    public void A_small_change_covers_its_tiles_in_every_set_and_matrix_for_the_layer_and_the_groups_drawing_it()
    {
        var plan = Planner().Plan(InvalidationCatalogs.Catalog(), [new LayerDirt("parcelles", [Parcel])]);

        Assert.Empty(plan.BumpLayers);
        foreach (var set in InvalidationCatalogs.Sets.All)
        {
            foreach (var matrix in set.TileMatrices)
            {
                foreach (var layer in new[] { "parcelles", "plan", "tout" })
                    Assert.Contains(plan.Positions, p => p.StartsWith($"{layer}/{set.Id}/{matrix.Id}/", StringComparison.Ordinal));
            }
        }
        Assert.DoesNotContain(plan.Positions, p => p.StartsWith("routes/", StringComparison.Ordinal) || p.StartsWith("fond/", StringComparison.Ordinal));
        Assert.Equal(plan.Positions.Count, plan.Positions.Distinct().Count());
    }

    [Fact]
    public void The_tile_holding_the_change_is_in_the_plan_and_a_far_tile_is_not()
    {
        var set = InvalidationCatalogs.Sets.Find("WebMercatorQuad")!;
        var matrix = set.FindMatrix("16")!;
        var toMercator = InvalidationCatalogs.Crs.GetTransform(2154, 3857);
        var centre = toMercator.Transform(new Coordinate(Parcel.Centre.X, Parcel.Centre.Y));
        var (row, _, col, _) = TileMath.TileRange(matrix, new Envelope(centre))!.Value;

        var plan = Planner().Plan(InvalidationCatalogs.Catalog(), [new LayerDirt("parcelles", [Parcel])]);

        Assert.Contains($"parcelles/WebMercatorQuad/16/{row}/{col}", plan.Positions);
        Assert.Contains($"plan/WebMercatorQuad/16/{row}/{col}", plan.Positions);
        Assert.DoesNotContain($"parcelles/WebMercatorQuad/16/{row}/{col + 5}", plan.Positions);
    }

    [Fact]
    public void The_margin_reaches_the_neighbouring_tiles_where_strokes_and_labels_spill()
    {
        var set = InvalidationCatalogs.Sets.Find("LAMB93")!;
        var matrix = set.FindMatrix("14")!;
        // A tile over Gap; a change 1 m from its east edge: without a margin that tile only, with 128 px its east neighbour too.
        var tile = TileMath.TileBounds(matrix, 1709, 288);
        var inside = new Envelope(tile.Centre);
        var range = TileMath.TileRange(matrix, inside)!.Value;
        Assert.Equal((1709L, 1709L, 288L, 288L), range);

        var atEdge = new Envelope(tile.MaxX - 1, tile.MaxX - 1, tile.Centre.Y, tile.Centre.Y);
        var none = Planner(margin: 0).Plan(InvalidationCatalogs.Catalog(), [new LayerDirt("routes", [atEdge])], new PlanScope((s, m) => s.Id == "LAMB93" && m.Id == "14"));
        var some = Planner(margin: 128).Plan(InvalidationCatalogs.Catalog(), [new LayerDirt("routes", [atEdge])], new PlanScope((s, m) => s.Id == "LAMB93" && m.Id == "14"));

        Assert.DoesNotContain("routes/LAMB93/14/1709/289", none.Positions);
        Assert.Contains("routes/LAMB93/14/1709/289", some.Positions);
        Assert.Contains("fond/LAMB93/14/1709/289", some.Positions);
    }

    [Fact]
    public void Too_many_positions_or_a_whole_layer_become_a_revision_bump()
    {
        var commune = new Envelope(930_000, 950_000, 6_380_000, 6_400_000); // 20 km: hundreds of thousands of tiles at z20+

        var big = Planner().Plan(InvalidationCatalogs.Catalog(), [new LayerDirt("parcelles", [commune])]);
        var whole = Planner().Plan(InvalidationCatalogs.Catalog(), [new LayerDirt("routes", null), new LayerDirt("parcelles", [Parcel])]);

        Assert.Equal(["parcelles"], big.BumpLayers);
        Assert.Empty(big.Positions);
        Assert.Equal(["routes"], whole.BumpLayers);
        Assert.Contains(whole.Positions, p => p.StartsWith("parcelles/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_zoom_scope_limits_the_matrices()
    {
        var plan = Planner().Plan(InvalidationCatalogs.Catalog(), [new LayerDirt("parcelles", [Parcel])],
            new PlanScope((s, m) => s.Id == "WebMercatorQuad" && int.Parse(m.Id, System.Globalization.CultureInfo.InvariantCulture) <= 10, 0));

        Assert.All(plan.Positions, p => Assert.Contains("/WebMercatorQuad/", p));
        // One tile per zoom 0..10 (a 30 m parcel far from tile edges), for the layer and its two groups.
        Assert.InRange(plan.Positions.Count, 33, 40);
    }

    [Fact]
    public void Unknown_layers_are_ignored()
    {
        Assert.True(Planner().Plan(InvalidationCatalogs.Catalog(), [new LayerDirt("nope", [Parcel])]).IsEmpty);
    }
}
