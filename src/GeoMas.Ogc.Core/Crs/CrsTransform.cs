using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems.Transformations;

namespace GeoMas.Ogc.Core.Crs;

/// <summary>
/// <see cref="ICrsTransform"/> over a short chain of ProjNET <see cref="MathTransform"/>s (empty for identity
/// and for lon/lat between null-shift datums). Thread-safe: ProjNET transforms keep no per-call state as long
/// as nobody calls Inverse()/Invert() on them, and this class never does (the registry builds each direction).
/// </summary>
internal sealed class CrsTransform : ICrsTransform
{
    private readonly MathTransform[] _steps;

    // Where the input may be transformed, in source units: source area of use ∩ target area of use
    // (null when they do not overlap). Clamping to it keeps polar or out-of-area boxes away from the
    // projection formulas, which return infinities or garbage there (TRAP-11).
    private readonly Envelope? _domain;
    private readonly Func<CoordinateSequence, CoordinateSequence> _transformCopy;

    public CrsTransform(int sourceSrid, int targetSrid, MathTransform[] steps, Envelope? domain)
    {
        SourceSrid = sourceSrid;
        TargetSrid = targetSrid;
        _steps = steps;
        _domain = domain;
        _transformCopy = TransformCopy;
    }

    public int SourceSrid { get; }

    public int TargetSrid { get; }

    public bool IsIdentity => SourceSrid == TargetSrid;

    public void Transform(ref double x, ref double y)
    {
        foreach (var step in _steps)
        {
            step.Transform(ref x, ref y);
        }
    }

    public Coordinate Transform(Coordinate c) => TransformedCopies.Of(this, c);

    public Geometry Transform(Geometry g)
    {
        ArgumentNullException.ThrowIfNull(g);
        return IsIdentity && g.SRID == TargetSrid ? g : TransformedCopies.Of(g, TargetSrid, _transformCopy);
    }

    public Envelope TransformEnvelope(Envelope e, int densify = 21)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentOutOfRangeException.ThrowIfNegative(densify);
        if (e.IsNull || _domain is null || !_domain.Intersects(e))
        {
            return new Envelope();
        }

        var clamped = _domain.Intersection(e);
        if (_steps.Length == 0)
        {
            return clamped;
        }

        var result = new Envelope();
        var steps = densify + 1;
        for (var i = 0; i < steps; i++)
        {
            var t = (double)i / steps;
            var x = clamped.MinX + (t * clamped.Width);
            var y = clamped.MinY + (t * clamped.Height);

            // One point per edge per step, walking the ring: bottom, right, top, left.
            Add(result, x, clamped.MinY);
            Add(result, clamped.MaxX, y);
            Add(result, clamped.MaxX - (t * clamped.Width), clamped.MaxY);
            Add(result, clamped.MinX, clamped.MaxY - (t * clamped.Height));
        }

        return result;
    }

    private void Add(Envelope result, double x, double y)
    {
        try
        {
            Transform(ref x, ref y);
        }
        catch (ArgumentException)
        {
            // Some ProjNET projections throw outside their domain instead of returning NaN; skip the point.
            return;
        }

        if (double.IsFinite(x) && double.IsFinite(y))
        {
            result.ExpandToInclude(x, y);
        }
    }

    private CoordinateSequence TransformCopy(CoordinateSequence sequence) =>
        _steps.Length == 0 ? sequence.Copy() : TransformedCopies.Of(this, sequence);
}
