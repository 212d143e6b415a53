using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Crs;

/// <summary>
/// A cached, thread-safe transformation between two CRSs of the <see cref="CrsRegistry"/>.
/// Coordinates are always x = east (lon), y = north (lat); axis order is a wire concern (<see cref="AxisOrderRules"/>).
/// </summary>
public interface ICrsTransform
{
    /// <summary>EPSG code of the input coordinates.</summary>
    int SourceSrid { get; }

    /// <summary>EPSG code of the output coordinates.</summary>
    int TargetSrid { get; }

    /// <summary>True when source and target are the same CRS (no arithmetic is done).</summary>
    bool IsIdentity { get; }

    /// <summary>Transforms one position in place; the allocation-free hot path.</summary>
    void Transform(ref double x, ref double y);

    /// <summary>Returns a transformed copy of <paramref name="c"/> (Z and M are kept).</summary>
    Coordinate Transform(Coordinate c);

    /// <summary>
    /// Returns a new geometry in the target CRS (SRID and factory set to <see cref="TargetSrid"/>, user data kept).
    /// Identity fast path: returns <paramref name="g"/> itself when its SRID already is the target SRID.
    /// </summary>
    Geometry Transform(Geometry g);

    /// <summary>
    /// Transforms a bounding box: the input is first clamped to where both CRSs are valid (TRAP-11), then its
    /// edges are densified with <paramref name="densify"/> points each and the bbox of the transformed ring is
    /// returned. Returns a null envelope (<see cref="Envelope.IsNull"/>) when nothing of the input is valid.
    /// </summary>
    Envelope TransformEnvelope(Envelope e, int densify = 21);
}
