using GeoMas.Ogc.Core.Crs;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Tests.Crs;

public class InterpolatedCrsTransformTests
{
    private static readonly CrsRegistry Registry = SharedRegistry.Instance;

    /// <summary>
    /// Lambert-93 areas around Gap as a map asks for them: a metatile's 1,152 pixels (4 tiles and a 64 px buffer) and
    /// half of that again on every side, at the Web Mercator pixel sizes of zooms 12, 15 and 18; and a 120 km area.
    /// </summary>
    public static TheoryData<double, double> Areas => new()
    {
        // Side of the area in metres, pixel size in Web Mercator metres.
        { 2 * 1152 * 38.22, 38.22 },
        { 2 * 1152 * 4.777, 4.777 },
        { 2 * 1152 * 0.597, 0.597 },
        { 120_000, 38.22 },
    };

    [Theory]
    [MemberData(nameof(Areas))]
    public void Positions_inside_the_area_are_within_a_sixteenth_of_a_pixel_of_the_exact_transform(double side, double pixel)
    {
        var exact = Registry.GetTransform(2154, 3857);
        var area = new Envelope(944_000 - (side / 2), 944_000 + (side / 2), 6_389_000 - (side / 2), 6_389_000 + (side / 2));

        var fitted = Assert.IsType<InterpolatedCrsTransform>(InterpolatedCrsTransform.Fit(exact, area, pixel / 16));

        var random = new Random(2154);
        var worst = 0.0;
        for (var n = 0; n < 5_000; n++)
        {
            double x = area.MinX + (random.NextDouble() * area.Width), y = area.MinY + (random.NextDouble() * area.Height);
            double ex = x, ey = y;
            exact.Transform(ref ex, ref ey);
            fitted.Transform(ref x, ref y);
            worst = Math.Max(worst, Math.Max(Math.Abs(ex - x), Math.Abs(ey - y)));
        }
        Assert.True(worst <= pixel / 16, $"worst error {worst / pixel} px with {fitted.Cells} cells");
        Assert.True(worst <= fitted.MaxError * 1.01, $"worst error {worst} beyond the {fitted.MaxError} found when fitted");
    }

    [Fact]
    public void A_metatile_at_street_zooms_is_interpolated_to_under_a_hundredth_of_a_pixel_with_4_cells()
    {
        var exact = Registry.GetTransform(2154, 3857);
        var side = 2 * 1152 * 0.597;
        var area = new Envelope(944_000 - (side / 2), 944_000 + (side / 2), 6_389_000 - (side / 2), 6_389_000 + (side / 2));

        var fitted = Assert.IsType<InterpolatedCrsTransform>(InterpolatedCrsTransform.Fit(exact, area, 0.597 / 16));

        Assert.Equal(4, fitted.Cells);
        Assert.InRange(fitted.MaxError / 0.597, 0, 0.01);
    }

    [Fact]
    public void A_larger_area_gets_as_many_cells_as_the_square_law_asks_for()
    {
        var exact = Registry.GetTransform(2154, 3857);
        var area = new Envelope(884_000, 1_004_000, 6_329_000, 6_449_000);

        var fitted = Assert.IsType<InterpolatedCrsTransform>(InterpolatedCrsTransform.Fit(exact, area, 38.22 / 16));

        Assert.InRange(fitted.Cells, 5, 32);
        Assert.True(fitted.MaxError <= 38.22 / 16);
    }

    [Fact]
    public void Nodes_and_positions_outside_the_area_are_exact()
    {
        var exact = Registry.GetTransform(2154, 3857);
        var area = new Envelope(940_000, 950_000, 6_380_000, 6_390_000);
        var fitted = Assert.IsType<InterpolatedCrsTransform>(InterpolatedCrsTransform.Fit(exact, area, 1));
        Assert.Equal(4, fitted.Cells); // nodes every 2,500 m: the area's corners and centre are nodes

        foreach (var (x0, y0) in new[] { (940_000.0, 6_380_000.0), (950_000.0, 6_390_000.0), (945_000.0, 6_385_000.0), (900_000.0, 6_300_000.0), (1_000_000.0, 6_385_000.0) })
        {
            double x = x0, y = y0, ex = x0, ey = y0;
            exact.Transform(ref ex, ref ey);
            fitted.Transform(ref x, ref y);
            Assert.Equal(ex, x, 1e-6);
            Assert.Equal(ey, y, 1e-6);
        }
    }

    [Fact]
    public void An_area_the_grid_cannot_follow_closely_enough_keeps_the_exact_transform()
    {
        var exact = Registry.GetTransform(4326, 3857);

        // Most of the world's latitudes: Mercator's y grows too fast towards the poles for 32 cells to stay within 1 m.
        Assert.Same(exact, InterpolatedCrsTransform.Fit(exact, new Envelope(-180, 180, -85, 85), 1));
        // Nothing to fit: no area, no tolerance, or the same CRS.
        Assert.Same(exact, InterpolatedCrsTransform.Fit(exact, new Envelope(), 1));
        Assert.Same(exact, InterpolatedCrsTransform.Fit(exact, new Envelope(5, 6, 44, 45), 0));
        var identity = Registry.GetTransform(2154, 2154);
        Assert.Same(identity, InterpolatedCrsTransform.Fit(identity, new Envelope(940_000, 950_000, 6_380_000, 6_390_000), 1));
    }

    [Fact]
    public void An_area_reaching_out_of_the_projection_domain_keeps_the_exact_transform()
    {
        var exact = Registry.GetTransform(4326, 3857);

        // Mercator has no y at the pole.
        Assert.Same(exact, InterpolatedCrsTransform.Fit(exact, new Envelope(5, 6, 89.5, 90), 1000));
    }

    [Fact]
    public void A_geometry_is_copied_into_the_target_srid_with_its_structure_and_user_data()
    {
        var exact = Registry.GetTransform(2154, 3857);
        var fitted = InterpolatedCrsTransform.Fit(exact, new Envelope(940_000, 950_000, 6_380_000, 6_390_000), 0.01);
        var factory = new GeometryFactory(new PrecisionModel(100), 2154);
        var shell = factory.CreateLinearRing([new(941_000, 6_381_000), new(949_000, 6_381_000), new(949_000, 6_389_000), new(941_000, 6_381_000)]);
        var hole = factory.CreateLinearRing([new(942_000, 6_382_000), new(943_000, 6_382_000), new(943_000, 6_383_000), new(942_000, 6_382_000)]);
        var polygon = factory.CreateMultiPolygon([factory.CreatePolygon(shell, [hole]), factory.CreatePolygon()]);
        polygon.UserData = "kept";

        var result = fitted.Transform(polygon);
        var reference = exact.Transform(polygon);

        Assert.Equal(3857, result.SRID);
        Assert.Equal("kept", result.UserData);
        Assert.Equal(2, result.NumGeometries);
        Assert.True(result.GetGeometryN(1).IsEmpty);
        Assert.Equal(1, ((Polygon)result.GetGeometryN(0)).NumInteriorRings);
        var coordinates = result.Coordinates;
        var expected = reference.Coordinates;
        Assert.Equal(expected.Length, coordinates.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(expected[i].Distance(coordinates[i]) < 0.01, $"vertex {i}: {coordinates[i]} instead of {expected[i]}");
    }
}
