using GeoMas.Ogc.Core.Crs;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Tests.Crs;

/// <summary>Bounding-box reprojection and the TRAP-11 clamp to the areas of use.</summary>
public class CrsTransformEnvelopeTests
{
    private const double WebMercatorHalf = 20037508.342789244;
    private static readonly CrsRegistry Registry = SharedRegistry.Instance;

    [Fact]
    public void Crs84BoxBeyondThePole_To2154_IsEmpty()
    {
        // E-WMS bbox-outside-crs style: lon -10..10, lat 90..110 has nothing in Lambert-93's area.
        var result = Registry.GetTransform(4326, 2154).TransformEnvelope(new Envelope(-10, 10, 90, 110));
        Assert.True(result.IsNull);
    }

    [Theory]
    [InlineData(-80, -70, 10, 20)]     // Caribbean: far outside France
    [InlineData(150, 160, -40, -30)]   // Australia
    [InlineData(-9.9, -9.87, 45, 46)]  // just west of the area
    public void Crs84BoxOutsideFrance_To2154_IsEmpty(double minLon, double maxLon, double minLat, double maxLat) =>
        Assert.True(Registry.GetTransform(4326, 2154).TransformEnvelope(new Envelope(minLon, maxLon, minLat, maxLat)).IsNull);

    [Fact]
    public void PolarBox_To3857_IsClampedToTheWebMercatorSquare()
    {
        var result = Registry.GetTransform(4326, 3857).TransformEnvelope(new Envelope(-20, 20, 80, 90));
        Assert.False(result.IsNull);
        Assert.True(double.IsFinite(result.MaxY));
        Assert.Equal(WebMercatorHalf, result.MaxY, 0.01);
        Assert.Equal(15538711.0963, result.MinY, 0.01); // lat 80° (PROJ)
        Assert.Equal(-2226389.8158, result.MinX, 0.01); // lon -20°
    }

    [Fact]
    public void WholeWorld_To3857_IsTheWebMercatorSquare()
    {
        var result = Registry.GetTransform(4326, 3857).TransformEnvelope(new Envelope(-180, 180, -90, 90));
        Assert.Equal(-WebMercatorHalf, result.MinX, 0.01);
        Assert.Equal(WebMercatorHalf, result.MaxX, 0.01);
        Assert.Equal(-WebMercatorHalf, result.MinY, 0.01);
        Assert.Equal(WebMercatorHalf, result.MaxY, 0.01);
    }

    [Fact]
    public void WebMercatorZoom0Tile_To2154_IsClampedToFrance()
    {
        // A z0 WMTS tile reaching the source: only the French part may reach ST_Transform.
        var tile = new Envelope(-WebMercatorHalf, WebMercatorHalf, -WebMercatorHalf, WebMercatorHalf);
        var result = Registry.GetTransform(3857, 2154).TransformEnvelope(tile);
        var valid = Registry.ValidBounds(2154);
        Assert.False(result.IsNull);

        // Equal up to densification (21 points per edge here, 64 for ValidBounds): within 100 m.
        Assert.Equal(valid.MinX, result.MinX, 100.0);
        Assert.Equal(valid.MaxX, result.MaxX, 100.0);
        Assert.Equal(valid.MinY, result.MinY, 100.0);
        Assert.Equal(valid.MaxY, result.MaxY, 100.0);
    }

    [Fact]
    public void BoxInsideTheArea_IsTransformedWithDensifiedEdges()
    {
        // A Lambert-93 box around Gap; its lon/lat bbox must contain the projected corners and the
        // bulging edge midpoints (densification), and nothing much more.
        var box = new Envelope(900000, 1000000, 6350000, 6450000);
        var result = Registry.GetTransform(2154, 4326).TransformEnvelope(box);

        var t = Registry.GetTransform(2154, 4326);
        foreach (var (x0, y0) in new[] { (900000.0, 6350000.0), (1000000.0, 6450000.0), (950000.0, 6450000.0), (900000.0, 6400000.0) })
        {
            double x = x0, y = y0;
            t.Transform(ref x, ref y);
            Assert.True(result.Contains(x, y), $"{x} {y} not in {result}");
        }

        Assert.InRange(result.Width, 1.2, 1.4);
        Assert.InRange(result.Height, 0.85, 0.95);
    }

    [Fact]
    public void Densify_CatchesTheBulgeOfParallels()
    {
        // In Lambert-93 parallels are arcs bending north away from the central meridian (3°E): the southernmost
        // point of the 42°N edge is on 3°E, not at a corner. Without densification MinY would be a corner value.
        var box = new Envelope(-5, 10, 42, 43);
        var t = Registry.GetTransform(4326, 2154);
        double cx = 3, cy = 42, ex = 10, ey = 42;
        t.Transform(ref cx, ref cy);
        t.Transform(ref ex, ref ey);
        Assert.True(cy < ey - 10_000);

        // 100 points on a 15° edge: the chord misses the arc by ~1 m at most.
        Assert.Equal(cy, t.TransformEnvelope(box, densify: 99).MinY, 5.0);
        Assert.True(t.TransformEnvelope(box, densify: 0).MinY > cy + 10_000);
    }

    [Fact]
    public void Identity_ClampsToValidBounds()
    {
        var t = Registry.GetTransform(4326, 4326);
        var result = t.TransformEnvelope(new Envelope(-200, 200, -100, 100));
        Assert.Equal(new Envelope(-180, 180, -90, 90), result);
        Assert.True(Registry.GetTransform(2154, 2154).TransformEnvelope(new Envelope(-9e6, -8e6, 0, 1e6)).IsNull);
    }

    [Fact]
    public void Identity_ReturnsANewEnvelope()
    {
        var input = new Envelope(700000, 710000, 6600000, 6610000);
        var result = Registry.GetTransform(2154, 2154).TransformEnvelope(input);
        Assert.NotSame(input, result);
        Assert.Equal(input, result);
    }

    [Fact]
    public void NullEnvelope_StaysNull() =>
        Assert.True(Registry.GetTransform(4326, 2154).TransformEnvelope(new Envelope()).IsNull);

    [Fact]
    public void DisjointAreasOfUse_GiveEmptyResults()
    {
        // UTM 31N (0–6°E) and UTM 32N (6–12°E) only touch along 6°E: nothing to transform.
        var t = Registry.GetTransform(32631, 32632);
        Assert.True(t.TransformEnvelope(Registry.ValidBounds(32631)).IsNull);
    }

    [Fact]
    public void ClampUsesBothAreasOfUse()
    {
        // A 2154 box covering all of France, to UTM 32N: only the part east of 6°E survives.
        var t = Registry.GetTransform(2154, 32632);
        var result = t.TransformEnvelope(Registry.ValidBounds(2154));
        Assert.False(result.IsNull);
        var utm32 = Registry.ValidBounds(32632);
        Assert.True(result.MinX >= utm32.MinX - 1 && result.MaxX <= utm32.MaxX + 1, result.ToString());
    }

    [Fact]
    public void NegativeDensify_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Registry.GetTransform(4326, 2154).TransformEnvelope(new Envelope(0, 1, 45, 46), -1));
}
