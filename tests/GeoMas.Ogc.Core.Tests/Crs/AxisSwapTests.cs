using GeoMas.Ogc.Core.Crs;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Tests.Crs;

public class AxisSwapTests
{
    [Fact]
    public void ToXY_EastNorth_KeepsOrder()
    {
        var env = AxisSwap.ToXY(2.0, 48.0, 3.0, 49.0, AxisOrder.EastNorth);
        Assert.Equal(new Envelope(2.0, 3.0, 48.0, 49.0), env);
        Assert.Equal(2.0, env.MinX);
        Assert.Equal(48.0, env.MinY);
    }

    [Fact]
    public void ToXY_NorthEast_SwapsAxes()
    {
        // WMS 1.3.0 BBOX=48,2,49,3 with CRS=EPSG:4326 is lat,lon.
        var env = AxisSwap.ToXY(48.0, 2.0, 49.0, 3.0, AxisOrder.NorthEast);
        Assert.Equal(2.0, env.MinX);
        Assert.Equal(3.0, env.MaxX);
        Assert.Equal(48.0, env.MinY);
        Assert.Equal(49.0, env.MaxY);
    }

    [Theory]
    [InlineData(AxisOrder.EastNorth, 2.0, 48.0, 3.0, 49.0)]
    [InlineData(AxisOrder.NorthEast, 48.0, 2.0, 49.0, 3.0)]
    public void FromXY_WritesWireOrder(AxisOrder order, double a1min, double a2min, double a1max, double a2max)
    {
        var env = new Envelope(2.0, 3.0, 48.0, 49.0);
        Assert.Equal((a1min, a2min, a1max, a2max), AxisSwap.FromXY(env, order));
    }

    [Theory]
    [InlineData(AxisOrder.EastNorth)]
    [InlineData(AxisOrder.NorthEast)]
    public void RoundTrip_IsLossless(AxisOrder order)
    {
        var wire = (1.5, -2.25, 10.125, 20.0625);
        var env = AxisSwap.ToXY(wire.Item1, wire.Item2, wire.Item3, wire.Item4, order);
        Assert.Equal(wire, AxisSwap.FromXY(env, order));
    }

    [Theory]
    [InlineData(AxisOrder.EastNorth, 2.0, 48.0)]
    [InlineData(AxisOrder.NorthEast, 48.0, 2.0)]
    public void Coordinates_FollowTheSameRule(AxisOrder order, double a1, double a2)
    {
        var c = AxisSwap.ToXY(a1, a2, order);
        Assert.Equal(2.0, c.X);
        Assert.Equal(48.0, c.Y);
        Assert.Equal((a1, a2), AxisSwap.FromXY(c, order));
    }
}
