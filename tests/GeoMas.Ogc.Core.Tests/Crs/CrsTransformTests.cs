using GeoMas.Ogc.Core.Crs;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Tests.Crs;

public class CrsTransformTests
{
    private static readonly CrsRegistry Registry = SharedRegistry.Instance;
    private static readonly GeometryFactory Lambert93 = new(new PrecisionModel(), 2154);

    /// <summary>Every ordered pair of supported CRSs with a point inside both areas of use.</summary>
    public static TheoryData<int, int> AllPairs()
    {
        var data = new TheoryData<int, int>();
        foreach (var from in SharedRegistry.Instance.SupportedSrids)
        {
            foreach (var to in SharedRegistry.Instance.SupportedSrids)
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void RoundTrip_ReturnsTheStartingPoint(int from, int to)
    {
        var forward = Registry.GetTransform(from, to);
        var back = Registry.GetTransform(to, from);

        // Centre of the overlap of both areas of use (of the source's area when they are disjoint, e.g.
        // CC42 and CC50: the formulas still hold there), expressed in the source CRS.
        var overlap = Registry.AreaOfUse(from).Intersection(Registry.AreaOfUse(to));
        var centre = overlap.IsNull ? Registry.AreaOfUse(from).Centre : overlap.Centre;
        double x0 = centre.X, y0 = centre.Y;
        Registry.GetTransform(4326, from).Transform(ref x0, ref y0);

        double x = x0, y = y0;
        forward.Transform(ref x, ref y);
        Assert.True(double.IsFinite(x) && double.IsFinite(y));
        back.Transform(ref x, ref y);

        // 1 mm in metric CRSs, 1e-8° (~1 mm) in geographic ones. Through the NTF Helmert (27572) the 2D
        // round trip drops the ellipsoidal height the shift created, which costs up to ~2 cm (PROJ alike).
        var viaHelmert = from == 27572 || to == 27572;
        var tolerance = Registry.IsGeographic(from) ? (viaHelmert ? 3e-7 : 1e-8) : (viaHelmert ? 0.03 : 1e-3);
        Assert.Equal(x0, x, tolerance);
        Assert.Equal(y0, y, tolerance);
    }

    [Fact]
    public void TransformCoordinate_ReturnsACopyAndKeepsZ()
    {
        var input = new CoordinateZ(6.0790, 44.5594, 735.0);
        var output = Registry.GetTransform(4326, 2154).Transform(input);

        Assert.NotSame(input, output);
        Assert.Equal(6.0790, input.X);
        Assert.IsType<CoordinateZ>(output);
        Assert.Equal(944469.5881, output.X, 0.01);
        Assert.Equal(6389247.2504, output.Y, 0.01);
        Assert.Equal(735.0, output.Z);
    }

    [Fact]
    public void TransformGeometry_ReturnsNewGeometryInTargetSrid()
    {
        var polygon = Lambert93.CreatePolygon(
        [
            new(944469.5881, 6389247.2504), new(945469.5881, 6389247.2504),
            new(945469.5881, 6390247.2504), new(944469.5881, 6389247.2504),
        ]);
        polygon.UserData = "parcel 42";

        var result = Registry.GetTransform(2154, 3857).Transform(polygon);

        Assert.NotSame(polygon, result);
        Assert.Equal(3857, result.SRID);
        Assert.Equal(3857, result.Factory.SRID);
        Assert.Equal("parcel 42", result.UserData);
        Assert.IsType<Polygon>(result);
        Assert.True(result.IsValid);
        Assert.Equal(676711.1845, result.Coordinates[0].X, 0.01);
        Assert.Equal(5552422.6968, result.Coordinates[0].Y, 0.01);

        // The input is untouched.
        Assert.Equal(2154, polygon.SRID);
        Assert.Equal(944469.5881, polygon.Coordinates[0].X);
    }

    [Fact]
    public void TransformGeometry_HandlesEveryGeometryTypeAndKeepsZ()
    {
        var wgs84 = new GeometryFactory(new PrecisionModel(), 4326);
        var collection = wgs84.CreateGeometryCollection(
        [
            wgs84.CreatePoint(new CoordinateZ(2.3488, 48.8534, 35)),
            wgs84.CreateMultiLineString([wgs84.CreateLineString([new(2, 48), new(3, 49)])]),
            wgs84.CreateMultiPolygon([wgs84.CreatePolygon([new(2, 48), new(3, 48), new(3, 49), new(2, 48)])]),
            wgs84.CreatePolygon(),
        ]);

        var result = (GeometryCollection)Registry.GetTransform(4326, 2154).Transform(collection);

        Assert.Equal(4, result.NumGeometries);
        Assert.All(result.Geometries, g => Assert.Equal(2154, g.SRID));
        var point = (Point)result.GetGeometryN(0);
        Assert.Equal(652216.6260, point.X, 0.01);
        Assert.Equal(6861681.5000, point.Y, 0.01);
        Assert.Equal(35, point.Coordinate.Z);
        Assert.True(result.GetGeometryN(3).IsEmpty);
        Assert.IsType<Polygon>(result.GetGeometryN(3));
    }

    [Fact]
    public void TransformGeometry_KeepsEmptyHolesAndMembers()
    {
        var wgs84 = new GeometryFactory(new PrecisionModel(), 4326);
        var shell = wgs84.CreateLinearRing([new(2, 48), new(3, 48), new(3, 49), new(2, 48)]);
        var polygon = wgs84.CreatePolygon(shell, [wgs84.CreateLinearRing()]);
        var multi = wgs84.CreateMultiPoint([wgs84.CreatePoint(new Coordinate(2, 48)), wgs84.CreatePoint()]);

        var p = (Polygon)Registry.GetTransform(4326, 3857).Transform(polygon);
        var m = (MultiPoint)Registry.GetTransform(4326, 3857).Transform(multi);

        Assert.Equal(1, p.NumInteriorRings);
        Assert.Equal(2, m.NumGeometries);
        Assert.True(m.GetGeometryN(1).IsEmpty);
    }

    [Fact]
    public void TransformGeometry_Identity_ReturnsSameInstance()
    {
        var point = Lambert93.CreatePoint(new Coordinate(700000, 6600000));
        Assert.Same(point, Registry.GetTransform(2154, 2154).Transform(point));
    }

    [Fact]
    public void TransformGeometry_Identity_WithOtherSrid_CopiesWithTargetSrid()
    {
        // A geometry without SRID must not come back claiming 0: the contract is "SRID = TargetSrid".
        var point = new GeometryFactory().CreatePoint(new Coordinate(700000, 6600000));
        var result = Registry.GetTransform(2154, 2154).Transform(point);
        Assert.NotSame(point, result);
        Assert.Equal(2154, result.SRID);
        Assert.Equal(0, point.SRID);
        Assert.Equal(new Coordinate(700000, 6600000), result.Coordinate);
    }

    [Fact]
    public void TransformGeometry_DoesNotInheritAFixedPrecisionModel()
    {
        // A centimetre grid in Lambert-93 must not snap the degrees of the result.
        var centimetres = new GeometryFactory(new PrecisionModel(100), 2154);
        var point = centimetres.CreatePoint(new Coordinate(652216.63, 6861681.50));
        var result = (Point)Registry.GetTransform(2154, 4326).Transform(point);
        Assert.True(result.PrecisionModel.IsFloating);
        Assert.Equal(2.3488, result.X, 1e-6);
        Assert.Equal(48.8534, result.Y, 1e-6);
    }

    [Fact]
    public void Transforms_AreThreadSafe()
    {
        var transform = Registry.GetTransform(4326, 27572);
        var expected = new (double X, double Y)[1000];
        for (var i = 0; i < expected.Length; i++)
        {
            double x = -4 + (i * 0.012), y = 42.5 + (i * 0.008);
            transform.Transform(ref x, ref y);
            expected[i] = (x, y);
        }

        Parallel.For(0, 64, _ =>
        {
            for (var i = 0; i < expected.Length; i++)
            {
                double x = -4 + (i * 0.012), y = 42.5 + (i * 0.008);
                transform.Transform(ref x, ref y);
                Assert.Equal(expected[i].X, x);
                Assert.Equal(expected[i].Y, y);
            }
        });
    }

    [Fact]
    public void GetTransform_ConcurrentFirstUse_BuildsOneInstance()
    {
        var registry = new CrsRegistry();
        var results = new ICrsTransform[32];
        Parallel.For(0, results.Length, i => results[i] = registry.GetTransform(3946, 32632));
        Assert.All(results, r => Assert.Same(results[0], r));
    }
}
