using GeoMas.Ogc.Core.Crs;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Features.Filtering.Cql2;

/// <summary>
/// The meaning of CQL2, shared by the text and the JSON parser: conformance checks, CASEI, spatial and temporal
/// functions lowered to the filter AST, axis order of geometry literals, the set of referenced properties.
/// </summary>
internal sealed class Cql2Builder
{
    private readonly Cql2ParserOptions _options;
    private readonly AxisOrder _axisOrder;
    private readonly HashSet<string> _properties = new(StringComparer.Ordinal);

    public Cql2Builder(Cql2ParserOptions options)
    {
        _options = options;
        _axisOrder = AxisOrderRules.For(options.FilterCrs, AxisContext.OgcApi);
        Factory = new GeometryFactory(new PrecisionModel(), options.FilterCrs.Srid);
    }

    public GeometryFactory Factory { get; }

    public IReadOnlySet<string> Properties => _properties;

    public int MaxDepth => _options.MaxDepth;

    public void Require(Cql2Conformance conformance, string what, int? position)
    {
        if ((_options.Allowed & conformance) != conformance)
            throw new FilterParseException($"{what} is not supported here (CQL2 conformance class {conformance} is not declared).", position: position);
    }

    public ParsedFilter Result(Filter filter) => new(filter, _properties);

    public Expression Property(string name, int? position)
    {
        if (name.Length == 0)
            throw new FilterParseException("Empty property name.", position: position);
        _properties.Add(name);
        return new PropertyName(name);
    }

    /// <summary>A position of a geometry literal, given in the axis order of the filter CRS.</summary>
    public Coordinate Coordinate(double axis1, double axis2, int? position)
    {
        if (!double.IsFinite(axis1) || !double.IsFinite(axis2))
            throw new FilterParseException("Coordinates must be finite numbers.", position: position);
        return AxisSwap.ToXY(axis1, axis2, _axisOrder);
    }

    /// <summary>BBOX(w, s, e, n) or the 6-number 3D form (elevations ignored), in the filter CRS axis order.</summary>
    public Geometry Bbox(IReadOnlyList<double> values, int? position)
    {
        double a1min, a2min, a1max, a2max;
        if (values.Count == 4)
            (a1min, a2min, a1max, a2max) = (values[0], values[1], values[2], values[3]);
        else if (values.Count == 6)
            (a1min, a2min, a1max, a2max) = (values[0], values[1], values[3], values[4]);
        else
            throw new FilterParseException($"A BBOX has 4 or 6 numbers, not {values.Count}.", position: position);
        if (values.Any(v => !double.IsFinite(v)))
            throw new FilterParseException("BBOX values must be finite numbers.", position: position);
        if (a1min > a1max || a2min > a2max)
            throw new FilterParseException("BBOX minimum is greater than its maximum (boxes crossing the antimeridian are not supported).", position: position);
        var envelope = AxisSwap.ToXY(a1min, a2min, a1max, a2max, _axisOrder);
        return Factory.ToGeometry(envelope);
    }

    public Expression Function(string name, IReadOnlyList<Expression> args, int? position)
    {
        Require(Cql2Conformance.Functions, $"Function {name}()", position);
        if (!FilterFunctionNames.TryResolve(name, args.Count, out var canonical, out var error))
            throw new FilterParseException(error, position: position);
        return new FunctionCall(canonical, args.Select(Lower).ToArray());
    }

    public Expression CaseI(Expression inner, int? position)
    {
        Require(Cql2Conformance.CaseInsensitiveComparison, "CASEI()", position);
        return new CaseInsensitive(inner);
    }

    public static Expression AccentI(int? position) =>
        throw new FilterParseException("ACCENTI() (accent-insensitive comparison) is not supported by this server.", position: position);

    public Expression Arithmetic(ArithmeticOperator op, Expression left, Expression right, int? position)
    {
        Require(Cql2Conformance.Arithmetic, "Arithmetic", position);
        return new Arithmetic(op, Lower(left), Lower(right));
    }

    public Filter Compare(ComparisonOperator op, Expression left, Expression right, int? position)
    {
        CheckPropertyProperty(position, left, right);
        if (left is CaseInsensitive l && right is CaseInsensitive r)
            return new Comparison(op, Lower(l.Inner), Lower(r.Inner), MatchCase: false);
        return new Comparison(op, Lower(left), Lower(right));
    }

    public Filter Like(Expression value, Expression pattern, int? position)
    {
        Require(Cql2Conformance.AdvancedComparison, "LIKE", position);
        var caseless = value is CaseInsensitive || pattern is CaseInsensitive;
        if (pattern is CaseInsensitive ci)
            pattern = ci.Inner;
        if (value is CaseInsensitive cv)
            value = cv.Inner;
        if (pattern is not Literal { Value: string text })
            throw new FilterParseException("The pattern of LIKE must be a character literal.", position: position);
        return new Like(Lower(value), text, '%', '_', '\\', MatchCase: !caseless);
    }

    public Filter Between(Expression value, Expression lower, Expression upper, int? position)
    {
        Require(Cql2Conformance.AdvancedComparison, "BETWEEN", position);
        CheckPropertyProperty(position, value, lower, upper);
        return new Between(Lower(value), Lower(lower), Lower(upper));
    }

    public Filter In(Expression value, IReadOnlyList<Expression> list, int? position)
    {
        Require(Cql2Conformance.AdvancedComparison, "IN", position);
        if (list.Count == 0)
            throw new FilterParseException("IN needs at least one value.", position: position);
        CheckPropertyProperty(position, [value, .. list]);
        return new In(Lower(value), list.Select(Lower).ToArray());
    }

    public static Filter IsNull(Expression value) => new IsNull(Lower(value));

    /// <summary>CASEI left where no comparison can use it is a lower-casing function.</summary>
    public static Expression Lower(Expression e) => e switch
    {
        CaseInsensitive ci => new FunctionCall("strToLowerCase", [Lower(ci.Inner)]),
        _ => e,
    };

    private void CheckPropertyProperty(int? position, params Expression[] operands)
    {
        var withProperties = operands.Count(ContainsProperty);
        if (withProperties > 1)
            Require(Cql2Conformance.PropertyProperty, "A comparison between properties", position);
    }

    private static bool ContainsProperty(Expression e) => e switch
    {
        PropertyName => true,
        CaseInsensitive ci => ContainsProperty(ci.Inner),
        Arithmetic a => ContainsProperty(a.Left) || ContainsProperty(a.Right),
        FunctionCall f => f.Arguments.Any(ContainsProperty),
        _ => false,
    };

    private static readonly Dictionary<string, SpatialOperator> SpatialFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["S_INTERSECTS"] = SpatialOperator.Intersects,
        ["S_DISJOINT"] = SpatialOperator.Disjoint,
        ["S_CONTAINS"] = SpatialOperator.Contains,
        ["S_WITHIN"] = SpatialOperator.Within,
        ["S_TOUCHES"] = SpatialOperator.Touches,
        ["S_CROSSES"] = SpatialOperator.Crosses,
        ["S_OVERLAPS"] = SpatialOperator.Overlaps,
        ["S_EQUALS"] = SpatialOperator.Equals,
    };

    public static bool IsSpatialFunction(string name) => SpatialFunctions.ContainsKey(name);

    public Filter Spatial(string name, Cql2Operand first, Cql2Operand second, int? position)
    {
        var op = SpatialFunctions[name];
        if (op == SpatialOperator.Intersects)
            Require(Cql2Conformance.BasicSpatialFunctions, name.ToUpperInvariant(), position);
        else
            Require(Cql2Conformance.SpatialFunctions, name.ToUpperInvariant(), position);

        switch (first, second)
        {
            case (ScalarOperand { Expression: PropertyName p }, GeometryOperand g):
                return SpatialOn(op, p.Name, g.Geometry);
            case (GeometryOperand g, ScalarOperand { Expression: PropertyName p }):
                // S_CONTAINS(literal, prop) ⇔ prop within literal; the other predicates are symmetric.
                var mirrored = op switch
                {
                    SpatialOperator.Contains => SpatialOperator.Within,
                    SpatialOperator.Within => SpatialOperator.Contains,
                    _ => op,
                };
                return SpatialOn(mirrored, p.Name, g.Geometry);
            case (GeometryOperand a, GeometryOperand b):
                return new Constant(EvaluateLiterals(op, a.Geometry, b.Geometry));
            case (ScalarOperand { Expression: PropertyName }, ScalarOperand { Expression: PropertyName }):
                throw new FilterParseException($"{name.ToUpperInvariant()} between two properties is not supported.", position: position);
            default:
                throw new FilterParseException($"The arguments of {name.ToUpperInvariant()} must be a geometry property and a geometry literal.", position: position);
        }
    }

    private SpatialFilter SpatialOn(SpatialOperator op, string property, Geometry geometry) =>
        new(op, _options.DefaultGeometryNames.Contains(property) ? null : property, geometry, _options.FilterCrs.Srid);

    private static bool EvaluateLiterals(SpatialOperator op, Geometry a, Geometry b) => op switch
    {
        SpatialOperator.Intersects => a.Intersects(b),
        SpatialOperator.Disjoint => a.Disjoint(b),
        SpatialOperator.Contains => a.Contains(b),
        SpatialOperator.Within => a.Within(b),
        SpatialOperator.Touches => a.Touches(b),
        SpatialOperator.Crosses => a.Crosses(b),
        SpatialOperator.Overlaps => a.Overlaps(b),
        _ => a.EqualsTopologically(b),
    };

    private static readonly Dictionary<string, string> TemporalMirror = new(StringComparer.OrdinalIgnoreCase)
    {
        ["T_AFTER"] = "T_BEFORE",
        ["T_BEFORE"] = "T_AFTER",
        ["T_DURING"] = "T_CONTAINS",
        ["T_CONTAINS"] = "T_DURING",
        ["T_STARTS"] = "T_STARTEDBY",
        ["T_STARTEDBY"] = "T_STARTS",
        ["T_FINISHES"] = "T_FINISHEDBY",
        ["T_FINISHEDBY"] = "T_FINISHES",
        ["T_MEETS"] = "T_METBY",
        ["T_METBY"] = "T_MEETS",
        ["T_OVERLAPS"] = "T_OVERLAPPEDBY",
        ["T_OVERLAPPEDBY"] = "T_OVERLAPS",
        ["T_EQUALS"] = "T_EQUALS",
        ["T_INTERSECTS"] = "T_INTERSECTS",
        ["T_DISJOINT"] = "T_DISJOINT",
    };

    public static bool IsTemporalFunction(string name) => TemporalMirror.ContainsKey(name);

    /// <summary>
    /// Temporal functions on instant-valued properties (TemporalFilter) or on INTERVAL(start_property, end_property)
    /// (plain comparisons; a null end property means "still open", as valid_to of plu_zones).
    /// </summary>
    public Filter Temporal(string name, Cql2Operand first, Cql2Operand second, int? position)
    {
        var fn = name.ToUpperInvariant();
        Require(Cql2Conformance.TemporalFunctions, fn, position);
        if (!IsPropertySide(first) && IsPropertySide(second))
        {
            (first, second) = (second, first);
            fn = TemporalMirror[fn];
        }
        if (!IsPropertySide(first))
            throw new FilterParseException($"{name.ToUpperInvariant()} needs a temporal property or INTERVAL of properties as one argument.", position: position);
        var (start, end, isInstant) = LiteralRange(second, fn, position);

        return first switch
        {
            ScalarOperand { Expression: PropertyName p } => OnInstantProperty(fn, p.Name, start, end, isInstant, position),
            IntervalOperand i => OnIntervalProperties(fn, i, start, end, position),
            _ => throw new FilterParseException($"Unsupported first argument of {fn}.", position: position),
        };
    }

    private static bool IsPropertySide(Cql2Operand operand) => operand switch
    {
        ScalarOperand { Expression: PropertyName } => true,
        IntervalOperand i => i.Start.Property is not null || i.End.Property is not null,
        _ => false,
    };

    private static (DateTimeOffset? Start, DateTimeOffset? End, bool IsInstant) LiteralRange(Cql2Operand operand, string fn, int? position) => operand switch
    {
        ScalarOperand { Expression: Literal { Value: DateOnly d } } => (ToInstant(d), ToInstant(d), true),
        ScalarOperand { Expression: Literal { Value: DateTimeOffset t } } => (t, t, true),
        IntervalOperand { Start.Property: null, End.Property: null } i => (i.Start.Instant, i.End.Instant, false),
        _ => throw new FilterParseException($"{fn} compares a temporal property with a DATE, TIMESTAMP or INTERVAL literal.", position: operand.Position),
    };

    public static DateTimeOffset ToInstant(DateOnly d) => new(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static Filter OnInstantProperty(string fn, string property, DateTimeOffset? start, DateTimeOffset? end, bool isInstant, int? position)
    {
        var notNull = new Not(new IsNull(new PropertyName(property)));
        switch (fn)
        {
            case "T_AFTER":
                return end is null ? new Constant(false) : new TemporalFilter(TemporalOperator.After, property, end, end);
            case "T_BEFORE":
                return start is null ? new Constant(false) : new TemporalFilter(TemporalOperator.Before, property, start, start);
            case "T_EQUALS" when isInstant:
                return new TemporalFilter(TemporalOperator.TEquals, property, start, end);
            case "T_DURING" when !isInstant:
                return OpenIntervals.Range(TemporalOperator.During, property, start, end);
            case "T_INTERSECTS":
                return OpenIntervals.Range(TemporalOperator.AnyInteracts, property, start, end);
            case "T_DISJOINT":
                return start is null && end is null
                    ? new Constant(false)
                    : new And([notNull, new Not(OpenIntervals.Range(TemporalOperator.AnyInteracts, property, start, end))]);
            default:
                throw new FilterParseException(
                    $"{fn} with an instant-valued property and {(isInstant ? "an instant" : "an interval")} is not supported "
                    + "(supported: T_AFTER, T_BEFORE, T_EQUALS with an instant, T_DURING/T_CONTAINS with an interval, T_INTERSECTS, T_DISJOINT; "
                    + "INTERVAL(start_property, end_property) for interval relations).",
                    position: position);
        }
    }

    private static Filter OnIntervalProperties(string fn, IntervalOperand interval, DateTimeOffset? s, DateTimeOffset? e, int? position)
    {
        var from = interval.Start;
        var to = interval.End;
        if (from.Instant is not null || to.Instant is not null)
            throw new FilterParseException("An INTERVAL of properties must have a property or '..' at both ends.", position: interval.Position);

        // Bounds of the property interval: an absent or null property is unbounded.
        Filter StartAtMost(ComparisonOperator op, DateTimeOffset v) => Bound(from.Property, op, v, openMatches: true);
        Filter EndAtLeast(ComparisonOperator op, DateTimeOffset v) => Bound(to.Property, op, v, openMatches: true);
        Filter StartStrict(ComparisonOperator op, DateTimeOffset v) => Bound(from.Property, op, v, openMatches: false);
        Filter EndStrict(ComparisonOperator op, DateTimeOffset v) => Bound(to.Property, op, v, openMatches: false);

        var terms = new List<Filter>();
        switch (fn)
        {
            case "T_INTERSECTS":
            case "T_DISJOINT":
                if (e is { } ie)
                    terms.Add(StartAtMost(ComparisonOperator.LessThanOrEqual, ie));
                if (s is { } isv)
                    terms.Add(EndAtLeast(ComparisonOperator.GreaterThanOrEqual, isv));
                var intersects = Conjunction(terms);
                return fn == "T_INTERSECTS" ? intersects : new Not(intersects);
            case "T_AFTER":
                return e is { } ae ? StartStrict(ComparisonOperator.GreaterThan, ae) : new Constant(false);
            case "T_BEFORE":
                return s is { } bs ? EndStrict(ComparisonOperator.LessThan, bs) : new Constant(false);
            case "T_DURING":
                terms.Add(s is { } ds ? StartStrict(ComparisonOperator.GreaterThan, ds) : new Constant(true));
                terms.Add(e is { } de ? EndStrict(ComparisonOperator.LessThan, de) : new Constant(true));
                return Conjunction(terms);
            case "T_CONTAINS":
                terms.Add(s is { } cs ? StartAtMost(ComparisonOperator.LessThan, cs) : new Constant(false));
                terms.Add(e is { } ce ? EndAtLeast(ComparisonOperator.GreaterThan, ce) : new Constant(false));
                return Conjunction(terms);
            case "T_EQUALS":
                if (s is null || e is null)
                    return new Constant(false);
                terms.Add(StartStrict(ComparisonOperator.Equal, s.Value));
                terms.Add(EndStrict(ComparisonOperator.Equal, e.Value));
                return Conjunction(terms);
            default:
                throw new FilterParseException($"{fn} on an INTERVAL of properties is not supported (supported: T_INTERSECTS, T_DISJOINT, T_AFTER, T_BEFORE, T_DURING, T_CONTAINS, T_EQUALS).", position: position);
        }
    }

    /// <summary>property op value; when the property is absent ('..') or its value is null, <paramref name="openMatches"/> decides.</summary>
    private static Filter Bound(string? property, ComparisonOperator op, DateTimeOffset value, bool openMatches)
    {
        if (property is null)
            return new Constant(openMatches);
        var comparison = new Comparison(op, new PropertyName(property), new Literal(value));
        return openMatches ? new Or([new IsNull(new PropertyName(property)), comparison]) : comparison;
    }

    private static Filter Conjunction(List<Filter> terms)
    {
        var kept = terms.Where(t => t is not Constant { Value: true }).ToList();
        if (kept.Any(t => t is Constant { Value: false }))
            return new Constant(false);
        return kept.Count switch
        {
            0 => new Constant(true),
            1 => kept[0],
            _ => new And(kept),
        };
    }
}
