using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Crs;

/// <summary>
/// Converts wire-order bounding boxes (axis 1, axis 2) to and from x/y <see cref="Envelope"/>s.
/// Also guards the NTS trap: the Envelope constructor takes (x1, x2, y1, y2), not (minx, miny, maxx, maxy).
/// </summary>
public static class AxisSwap
{
    /// <summary>Builds an x/y envelope from a bbox given in wire order (a1min, a2min, a1max, a2max).</summary>
    public static Envelope ToXY(double a1min, double a2min, double a1max, double a2max, AxisOrder order) =>
        order == AxisOrder.EastNorth
            ? new Envelope(a1min, a1max, a2min, a2max)
            : new Envelope(a2min, a2max, a1min, a1max);

    /// <summary>Writes an x/y envelope in wire order (a1min, a2min, a1max, a2max).</summary>
    public static (double a1min, double a2min, double a1max, double a2max) FromXY(Envelope env, AxisOrder order)
    {
        ArgumentNullException.ThrowIfNull(env);
        return order == AxisOrder.EastNorth
            ? (env.MinX, env.MinY, env.MaxX, env.MaxY)
            : (env.MinY, env.MinX, env.MaxY, env.MaxX);
    }

    /// <summary>Builds an x/y coordinate from a position given in wire order.</summary>
    public static Coordinate ToXY(double a1, double a2, AxisOrder order) =>
        order == AxisOrder.EastNorth ? new Coordinate(a1, a2) : new Coordinate(a2, a1);

    /// <summary>Writes an x/y coordinate in wire order.</summary>
    public static (double a1, double a2) FromXY(Coordinate c, AxisOrder order)
    {
        ArgumentNullException.ThrowIfNull(c);
        return order == AxisOrder.EastNorth ? (c.X, c.Y) : (c.Y, c.X);
    }
}
