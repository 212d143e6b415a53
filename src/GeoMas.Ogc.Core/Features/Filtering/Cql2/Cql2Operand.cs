using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Features.Filtering.Cql2;

/// <summary>An argument of a spatial or temporal CQL2 function, before it is lowered into the filter AST.</summary>
internal abstract record Cql2Operand(int? Position);

/// <summary>A scalar expression (property, literal, function...).</summary>
internal sealed record ScalarOperand(Expression Expression, int? Position) : Cql2Operand(Position);

/// <summary>A geometry literal, already in internal x/y order.</summary>
internal sealed record GeometryOperand(Geometry Geometry, int? Position) : Cql2Operand(Position);

/// <summary>An interval; each bound is an instant, a property name, or open (both null).</summary>
internal sealed record IntervalOperand(IntervalBound Start, IntervalBound End, int? Position) : Cql2Operand(Position);

internal sealed record IntervalBound(DateTimeOffset? Instant, string? Property)
{
    public static IntervalBound Open { get; } = new(null, null);

    public bool IsOpen => Instant is null && Property is null;
}

/// <summary>CASEI(x) while parsing: unwrapped by comparisons and LIKE, lowered to strToLowerCase elsewhere.</summary>
internal sealed record CaseInsensitive(Expression Inner) : Expression;
