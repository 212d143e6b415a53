using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Features.Filtering;

/// <summary>
/// The one filter model of the server: SLD rules, FES 2.0 and CQL2 all parse into it; sources compile it to SQL
/// and <see cref="FilterEvaluator"/> evaluates it in memory.
/// </summary>
public abstract record Filter;

public enum ComparisonOperator { Equal, NotEqual, LessThan, LessThanOrEqual, GreaterThan, GreaterThanOrEqual }

public sealed record Comparison(ComparisonOperator Operator, Expression Left, Expression Right, bool MatchCase = true) : Filter;

/// <summary>SQL-like pattern match with configurable wildcard characters (FES PropertyIsLike).</summary>
public sealed record Like(Expression Value, string Pattern, char WildCard = '%', char SingleChar = '_', char Escape = '\\', bool MatchCase = true) : Filter;

public sealed record IsNull(Expression Value) : Filter;

public sealed record Between(Expression Value, Expression Lower, Expression Upper) : Filter;

public sealed record In(Expression Value, IReadOnlyList<Expression> List) : Filter;

public sealed record And(IReadOnlyList<Filter> Operands) : Filter;

public sealed record Or(IReadOnlyList<Filter> Operands) : Filter;

public sealed record Not(Filter Operand) : Filter;

/// <summary>Feature id selection (FES ResourceId).</summary>
public sealed record IdIn(IReadOnlyList<string> Ids) : Filter;

public enum SpatialOperator { Intersects, Disjoint, Contains, Within, Touches, Crosses, Overlaps, Equals, BBox, DWithin, Beyond }

/// <summary>
/// A spatial predicate between a geometry property (null = the layer's geometry) and a literal geometry
/// given in x/y order of <paramref name="Srid"/>. <paramref name="Distance"/> is in units of that SRID (DWithin/Beyond).
/// </summary>
public sealed record SpatialFilter(SpatialOperator Operator, string? Property, Geometry Geometry, int Srid, double? Distance = null) : Filter;

public enum TemporalOperator { After, Before, During, TEquals, AnyInteracts }

/// <summary>A temporal predicate on a date/time property against an instant or interval.</summary>
public sealed record TemporalFilter(TemporalOperator Operator, string Property, DateTimeOffset? Start, DateTimeOffset? End) : Filter;

/// <summary>Matches everything / nothing; useful as neutral elements.</summary>
public sealed record Constant(bool Value) : Filter;
