using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Sources.PostGis;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Sources.Tests.PostGis;

/// <summary>The rectangle that lets a bbox given in another CRS skip GEOS for the rows wholly inside it.</summary>
public sealed class InscribedRectangleTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 2154);

    [Fact]
    public void A_crs84_bbox_around_gap_in_lambert93_holds_a_rectangle_covering_most_of_it()
    {
        var crs = new CrsRegistry();
        var lonLat = new GeometryFactory(new PrecisionModel(), 4326).ToGeometry(new Envelope(6.05, 6.10, 44.54, 44.58));
        var densified = NetTopologySuite.Densify.Densifier.Densify(lonLat, 0.001);
        var native = (Polygon)crs.GetTransform(4326, 2154).Transform(densified);

        var inner = PostGisFilterCompiler.InscribedRectangle(native);

        Assert.NotNull(inner);
        Assert.True(native.Covers(Factory.ToGeometry(inner)));
        // Lambert-93 turns the box by about two degrees at 6° E: a few percent of it is lost, not more.
        Assert.True(inner.Area > 0.85 * native.Area, $"inner {inner.Area:0} m² of {native.Area:0} m²");
    }

    [Fact]
    public void A_rectangle_is_its_own_inscribed_rectangle()
    {
        var box = new Envelope(944000, 945000, 6388700, 6389700);
        Assert.Equal(box, PostGisFilterCompiler.InscribedRectangle(Factory.ToGeometry(box)));
    }

    [Fact]
    public void Shapes_without_a_safe_rectangle_get_none()
    {
        var outer = Factory.CreateLinearRing([new(0, 0), new(100, 0), new(100, 100), new(0, 100), new(0, 0)]);
        var hole = Factory.CreateLinearRing([new(40, 40), new(60, 40), new(60, 60), new(40, 60), new(40, 40)]);
        var triangle = Factory.CreatePolygon([new(0, 0), new(100, 0), new(0, 100), new(0, 0)]);

        Assert.Null(PostGisFilterCompiler.InscribedRectangle(Factory.CreatePolygon(outer, [hole])));
        Assert.Null(PostGisFilterCompiler.InscribedRectangle(triangle));
        Assert.Null(PostGisFilterCompiler.InscribedRectangle(Factory.CreateMultiPolygon([Factory.CreatePolygon(outer)])));
        Assert.Null(PostGisFilterCompiler.InscribedRectangle(Factory.CreatePoint(new Coordinate(1, 1))));
    }
}
