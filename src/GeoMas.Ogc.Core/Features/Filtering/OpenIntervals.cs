namespace GeoMas.Ogc.Core.Features.Filtering;

/// <summary>
/// <see cref="TemporalFilter"/> reads a null <see cref="TemporalFilter.End"/> as "an instant" (End = Start) in the
/// evaluator and the SQL compilers, so parsers express half-open intervals ('..' in CQL2, indeterminate GML
/// positions) as plain comparisons instead.
/// </summary>
internal static class OpenIntervals
{
    /// <summary>During / AnyInteracts over [start, end] where either bound may be open (not both).</summary>
    public static Filter Range(TemporalOperator op, string property, DateTimeOffset? start, DateTimeOffset? end)
    {
        if (start is not null && end is not null)
            return new TemporalFilter(op, property, start, end);
        var strict = op == TemporalOperator.During;
        if (start is { } s)
            return new Comparison(strict ? ComparisonOperator.GreaterThan : ComparisonOperator.GreaterThanOrEqual, new PropertyName(property), new Literal(s));
        if (end is { } e)
            return new Comparison(strict ? ComparisonOperator.LessThan : ComparisonOperator.LessThanOrEqual, new PropertyName(property), new Literal(e));
        return new Not(new IsNull(new PropertyName(property)));
    }
}
