using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Crs;

/// <summary>Copies of coordinates, sequences and geometries through a transform's point arithmetic, for every <see cref="ICrsTransform"/>.</summary>
internal static class TransformedCopies
{
    /// <summary>A copy of <paramref name="c"/> (Z and M kept) with X/Y transformed.</summary>
    public static Coordinate Of(ICrsTransform transform, Coordinate c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var copy = c.Copy();
        double x = c.X, y = c.Y;
        transform.Transform(ref x, ref y);
        copy.X = x;
        copy.Y = y;
        return copy;
    }

    /// <summary>A copy of the sequence (its type and its Z/M ordinates kept) with X/Y transformed, in one pass.</summary>
    public static CoordinateSequence Of(ICrsTransform transform, CoordinateSequence sequence)
    {
        var copy = sequence.Copy();
        for (var i = 0; i < copy.Count; i++)
        {
            double x = copy.GetX(i), y = copy.GetY(i);
            transform.Transform(ref x, ref y);
            copy.SetX(i, x);
            copy.SetY(i, y);
        }
        return copy;
    }

    /// <summary>
    /// A copy of <paramref name="g"/> in <paramref name="targetSrid"/>, each sequence rewritten by <paramref name="map"/>
    /// (a cached delegate: one per transform, not one per geometry).
    /// </summary>
    public static Geometry Of(Geometry g, int targetSrid, Func<CoordinateSequence, CoordinateSequence> map)
    {
        ArgumentNullException.ThrowIfNull(g);
        // A floating precision model: a source factory with a fixed (metric) precision would snap degrees.
        var services = NtsGeometryServices.Instance;
        var factory = services.CreateGeometryFactory(services.DefaultPrecisionModel, targetSrid, g.Factory.CoordinateSequenceFactory);
        return GeometryCopier.Copy(g, factory, map);
    }
}
