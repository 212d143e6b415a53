using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace GeoMas.Ogc.Core.Features.Filtering;

/// <summary>
/// Evaluates the filter AST in memory against <see cref="Feature"/>s (style rules, post-filters of sources that cannot
/// translate a predicate to SQL). Filters are compiled once into delegates: property names are resolved to indexes
/// of <see cref="Feature.Values"/>, literals are pre-parsed, regexes and prepared geometries are built up front, so
/// evaluating a rule per feature costs no lookups and no allocations beyond boxing.
/// </summary>
/// <remarks>
/// Semantics: comparisons follow SQL three-valued logic collapsed to false (a null operand never matches, not even
/// NotEqual); numbers compare numerically across CLR types; strings compare ordinally (MatchCase=false → ordinal
/// ignore case); dates compare with ISO-8601 strings. Spatial predicates use <see cref="Feature.Geometry"/> whatever
/// the property name, and assume the feature geometry and the filter geometry share one CRS: callers reproject
/// the literal (<see cref="SpatialFilter.Srid"/>) to the query's output CRS before compiling.
/// Unknown property names throw <see cref="ArgumentException"/> at compile time rather than silently matching nothing.
/// </remarks>
public static class FilterEvaluator
{
    /// <summary>Compiles <paramref name="filter"/> for features whose values are aligned with <paramref name="propertyNames"/>.</summary>
    public static Func<Feature, bool> Compile(Filter filter, IReadOnlyList<string> propertyNames)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(propertyNames);
        return CompileFilter(filter, new ExpressionCompiler(propertyNames));
    }

    /// <summary>Compiles an expression to a function returning its raw value (null when unknown).</summary>
    public static Func<Feature, object?> Compile(Expression expression, IReadOnlyList<string> propertyNames)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(propertyNames);
        return new ExpressionCompiler(propertyNames).Compile(expression);
    }

    /// <summary>
    /// Compiles a label expression (TextSymbolizer Label) to text: numbers in invariant culture, integers without
    /// decimals, doubles without trailing zeros; null or empty results mean "no label".
    /// </summary>
    public static Func<Feature, string?> CompileLabel(Expression expression, IReadOnlyList<string> propertyNames)
    {
        var value = Compile(expression, propertyNames);
        return feature => FilterValues.ToText(value(feature)) is { Length: > 0 } text ? text : null;
    }

    /// <summary>One-off evaluation; prefer <see cref="Compile(Filter, IReadOnlyList{string})"/> in loops.</summary>
    public static bool Evaluate(Filter filter, Feature feature, IReadOnlyList<string> propertyNames) =>
        Compile(filter, propertyNames)(feature);

    /// <summary>One-off evaluation of an expression.</summary>
    public static object? Evaluate(Expression expression, Feature feature, IReadOnlyList<string> propertyNames) =>
        Compile(expression, propertyNames)(feature);

    private static Func<Feature, bool> CompileFilter(Filter filter, ExpressionCompiler expressions) => filter switch
    {
        Constant c => c.Value ? static _ => true : static _ => false,
        And and => CompileAnd(and.Operands.Select(o => CompileFilter(o, expressions)).ToArray()),
        Or or => CompileOr(or.Operands.Select(o => CompileFilter(o, expressions)).ToArray()),
        Not not => CompileNot(CompileFilter(not.Operand, expressions)),
        Comparison c => CompileComparison(c, expressions),
        Between b => CompileBetween(b, expressions),
        Like l => CompileLike(l, expressions),
        IsNull n => CompileIsNull(expressions.Compile(n.Value)),
        In i => CompileIn(i, expressions),
        IdIn ids => CompileIdIn(ids),
        SpatialFilter s => CompileSpatial(s),
        TemporalFilter t => CompileTemporal(t, expressions),
        _ => throw new ArgumentException($"Filter type {filter.GetType().Name} cannot be evaluated in memory.", nameof(filter)),
    };

    private static Func<Feature, bool> CompileAnd(Func<Feature, bool>[] operands) => feature =>
    {
        foreach (var operand in operands)
        {
            if (!operand(feature))
                return false;
        }
        return true;
    };

    private static Func<Feature, bool> CompileOr(Func<Feature, bool>[] operands) => feature =>
    {
        foreach (var operand in operands)
        {
            if (operand(feature))
                return true;
        }
        return false;
    };

    private static Func<Feature, bool> CompileNot(Func<Feature, bool> operand) => feature => !operand(feature);

    private static Func<Feature, bool> CompileComparison(Comparison comparison, ExpressionCompiler expressions)
    {
        var left = expressions.CompileOperand(comparison.Left);
        var right = expressions.CompileOperand(comparison.Right);
        var ignoreCase = !comparison.MatchCase;
        Func<int, bool> test = comparison.Operator switch
        {
            ComparisonOperator.Equal => static c => c == 0,
            ComparisonOperator.NotEqual => static c => c != 0,
            ComparisonOperator.LessThan => static c => c < 0,
            ComparisonOperator.LessThanOrEqual => static c => c <= 0,
            ComparisonOperator.GreaterThan => static c => c > 0,
            ComparisonOperator.GreaterThanOrEqual => static c => c >= 0,
            _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison.Operator, "Unknown comparison operator."),
        };
        return feature => FilterValues.Compare(left(feature), right(feature), ignoreCase) is { } c && test(c);
    }

    private static Func<Feature, bool> CompileBetween(Between between, ExpressionCompiler expressions)
    {
        var value = expressions.CompileOperand(between.Value);
        var lower = expressions.CompileOperand(between.Lower);
        var upper = expressions.CompileOperand(between.Upper);
        return feature =>
        {
            var v = value(feature);
            return FilterValues.Compare(v, lower(feature), false) >= 0 && FilterValues.Compare(v, upper(feature), false) <= 0;
        };
    }

    private static Func<Feature, bool> CompileLike(Like like, ExpressionCompiler expressions)
    {
        var value = expressions.Compile(like.Value);
        var regex = LikePattern.ToRegex(like.Pattern, like.WildCard, like.SingleChar, like.Escape, like.MatchCase);
        return feature => FilterValues.ToText(value(feature)) is { } text && regex.IsMatch(text);
    }

    private static Func<Feature, bool> CompileIsNull(Func<Feature, object?> value) => feature => value(feature) is null;

    private static Func<Feature, bool> CompileIn(In @in, ExpressionCompiler expressions)
    {
        var value = expressions.CompileOperand(@in.Value);
        var candidates = @in.List.Select(expressions.CompileOperand).ToArray();
        return feature =>
        {
            var v = value(feature);
            foreach (var candidate in candidates)
            {
                if (FilterValues.Compare(v, candidate(feature), false) == 0)
                    return true;
            }
            return false;
        };
    }

    /// <summary>
    /// Ids match exactly, or in the "typeName.id" form WFS clients send (GML ids must not start with a digit,
    /// so servers prefix the layer name): the part after the first dot is also accepted.
    /// </summary>
    private static Func<Feature, bool> CompileIdIn(IdIn ids)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids.Ids)
        {
            set.Add(id);
            var dot = id.IndexOf('.', StringComparison.Ordinal);
            if (dot >= 0 && dot < id.Length - 1)
                set.Add(id[(dot + 1)..]);
        }
        return feature => set.Contains(feature.Id);
    }

    private static Func<Feature, bool> CompileSpatial(SpatialFilter spatial)
    {
        var literal = spatial.Geometry;
        var prepared = PreparedGeometryFactory.Prepare(literal);
        Func<Geometry, bool> test = spatial.Operator switch
        {
            SpatialOperator.Intersects => prepared.Intersects,
            // BBOX is "intersects the envelope" (FES 2.0 §7.8.3.2); the literal is already the envelope polygon.
            SpatialOperator.BBox => g => g.EnvelopeInternal.Intersects(literal.EnvelopeInternal) && prepared.Intersects(g),
            SpatialOperator.Disjoint => prepared.Disjoint,
            SpatialOperator.Contains => prepared.Within,   // feature contains literal ⇔ literal within feature
            SpatialOperator.Within => prepared.Contains,   // feature within literal ⇔ literal contains feature
            SpatialOperator.Touches => prepared.Touches,
            SpatialOperator.Crosses => prepared.Crosses,
            SpatialOperator.Overlaps => prepared.Overlaps,
            SpatialOperator.Equals => g => g.EqualsTopologically(literal),
            SpatialOperator.DWithin => g => g.IsWithinDistance(literal, RequireDistance(spatial)),
            SpatialOperator.Beyond => g => !g.IsWithinDistance(literal, RequireDistance(spatial)),
            _ => throw new ArgumentOutOfRangeException(nameof(spatial), spatial.Operator, "Unknown spatial operator."),
        };
        return feature => feature.Geometry is { IsEmpty: false } g && test(g);
    }

    private static double RequireDistance(SpatialFilter spatial) =>
        spatial.Distance ?? throw new ArgumentException($"{spatial.Operator} needs a distance.", nameof(spatial));

    private static Func<Feature, bool> CompileTemporal(TemporalFilter temporal, ExpressionCompiler expressions)
    {
        var value = expressions.Compile(new PropertyName(temporal.Property));
        var (start, end) = (temporal.Start, temporal.End ?? temporal.Start);
        Func<DateTimeOffset, bool> test = temporal.Operator switch
        {
            TemporalOperator.After => t => end is { } e && t > e,
            TemporalOperator.Before => t => start is { } s && t < s,
            // An open bound (null) is unbounded: "../2020-01-01" style intervals.
            TemporalOperator.During => t => (start is not { } s || t > s) && (end is not { } e || t < e),
            TemporalOperator.TEquals => t => start is { } s && t == s,
            TemporalOperator.AnyInteracts => t => (start is not { } s || t >= s) && (end is not { } e || t <= e),
            _ => throw new ArgumentOutOfRangeException(nameof(temporal), temporal.Operator, "Unknown temporal operator."),
        };
        return feature => FilterValues.ToDateTimeOffset(value(feature)) is { } t && test(t);
    }
}
