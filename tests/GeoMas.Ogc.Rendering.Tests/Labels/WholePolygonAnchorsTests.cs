using GeoMas.Ogc.Rendering.Labels;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace GeoMas.Ogc.Rendering.Tests.Labels;

public sealed class WholePolygonAnchorsTests
{
    private static readonly GeometryFactory Factory = new();

    // Coordinates no other test uses, so the shared memo holds nothing for them beforehand.
    private static Polygon Square(double x0, double size) => Factory.CreatePolygon(
        [new(x0, 7_654_321), new(x0 + size, 7_654_321), new(x0 + size, 7_654_321 + size), new(x0, 7_654_321 + size), new(x0, 7_654_321)]);

    [Fact]
    public void The_same_polygon_at_the_same_scale_is_searched_once()
    {
        var searches = 0;
        SKPoint? Find()
        {
            searches++;
            return new SKPoint(10, 10);
        }

        var first = WholePolygonAnchors.GetOrFind(Square(123_456.5, 100), 2, 2, 5, Find);
        var again = WholePolygonAnchors.GetOrFind(Square(123_456.5, 100), 2, 2, 5, Find);

        Assert.Equal(new SKPoint(10, 10), first);
        Assert.Equal(first, again);
        Assert.Equal(1, searches);
    }

    [Fact]
    public void A_moved_vertex_another_scale_or_precision_is_searched_again()
    {
        var searches = 0;
        SKPoint? Find()
        {
            searches++;
            return null;
        }

        WholePolygonAnchors.GetOrFind(Square(223_456.5, 100), 2, 2, 5, Find);
        var edited = Factory.CreatePolygon(
            [new(223_456.5, 7_654_321), new(223_556.5, 7_654_321), new(223_556.5, 7_654_421), new(223_456.5, 7_654_421.25), new(223_456.5, 7_654_321)]);
        WholePolygonAnchors.GetOrFind(edited, 2, 2, 5, Find);
        WholePolygonAnchors.GetOrFind(Square(223_456.5, 100), 4, 4, 5, Find);
        WholePolygonAnchors.GetOrFind(Square(223_456.5, 100), 2, 2, 10, Find);

        Assert.Equal(4, searches);
    }
}
