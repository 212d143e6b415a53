using System.Globalization;
using System.Text;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Time;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Sources.Sql;

/// <summary>
/// Compiles the filter AST, the bbox and the time selection of one query into a WHERE condition. Property
/// names are resolved against the layer (unknown → InvalidParameterValue) and every value becomes a parameter.
/// The engine-specific parts (spatial predicates, case folding, LIKE, literal encoding) are the subclasses'.
/// One instance per statement: it owns the statement's parameter list.
/// </summary>
internal abstract class SqlFilterCompiler(LayerSchema schema, CrsRegistry crs)
{
    protected const string True = "1=1";
    protected const string False = "1=0";

    public SqlParameterList Parameters { get; } = new();
    protected LayerSchema Schema { get; } = schema;
    protected CrsRegistry Crs { get; } = crs;

    /// <summary>Condition "intersects the envelope" (native SRID); exact = geometry test, else index boxes only.</summary>
    public abstract string Bbox(Envelope native, bool exact);

    /// <summary>
    /// The bbox of a request, transformed to the table SRID after clamping to where both CRSs are valid
    /// (TRAP-11); null when nothing of it is valid, so the caller answers "no rows" without asking the database.
    /// </summary>
    public string? QueryBbox(Envelope bbox, int bboxSrid, bool exact)
    {
        var native = Schema.Layer.Srid;
        var envelope = Crs.GetTransform(bboxSrid == 0 ? native : bboxSrid, native).TransformEnvelope(bbox);
        return envelope.IsNull ? null : Bbox(envelope, exact);
    }

    /// <summary>A spatial predicate against a literal already in the table SRID; distance in table units.</summary>
    protected abstract string Spatial(SpatialOperator op, Geometry native, double? distance);

    protected abstract string Lower(string sql);

    protected abstract string Upper(string sql);

    protected abstract string CastToText(string sql);

    /// <summary>LIKE in the engine's syntax; the pattern is already case-folded when !matchCase.</summary>
    protected abstract string Like(string valueSql, LikePattern pattern, bool matchCase);

    /// <summary>Encodes a coerced CLR value as the engine stores it (SQLite: dates as ISO text).</summary>
    protected abstract object? ToDbValue(object? value);

    public string Param(object? value) => Parameters.Add(ToDbValue(value));

    /// <summary>
    /// Rows in force for the selection: today when null/current; otherwise rows whose validity [start, end)
    /// meets any of the ranges (an instant t: start &lt;= t AND (end IS NULL OR t &lt; end)).
    /// </summary>
    public string Time(TimeDimension time, TimeSelection? selection, DateOnly today)
    {
        var start = SqlIdentifier.Quote(time.StartColumn);
        var end = time.EndColumn is null ? null : SqlIdentifier.Quote(time.EndColumn);
        var startType = Schema.Resolve(time.StartColumn, "time").Type;
        var endType = time.EndColumn is null ? startType : Schema.Resolve(time.EndColumn, "time").Type;

        if (selection is null || selection.IsCurrent)
            return Overlap(start, startType, end, endType, today, today);

        var parts = selection.Ranges.Select(r => Overlap(start, startType, end, endType, r.Start, r.End)).ToList();
        return parts.Count == 1 ? parts[0] : "(" + string.Join(" OR ", parts) + ")";
    }

    private string Overlap(string start, AttributeType startType, string? end, AttributeType endType, object? from, object? to)
    {
        var terms = new List<string>(2);
        if (to is not null)
            terms.Add($"{start} <= {Param(TimeValue(to, startType))}");
        if (end is not null && from is not null)
            terms.Add($"({end} IS NULL OR {Param(TimeValue(from, endType))} < {end})");
        return terms.Count == 0 ? True : "(" + string.Join(" AND ", terms) + ")";
    }

    private static object TimeValue(object value, AttributeType type) =>
        type == AttributeType.DateTime ? LiteralCoercion.ToTimestamp(value) : LiteralCoercion.ToDate(value);

    public string Compile(Filter filter) => filter switch
    {
        Constant c => c.Value ? True : False,
        And a => Join(a.Operands, " AND ", True),
        Or o => Join(o.Operands, " OR ", False),
        Not n => $"NOT ({Compile(n.Operand)})",
        Comparison c => CompileComparison(c),
        Like l => CompileLike(l),
        IsNull n => $"{Value(n.Value, null)} IS NULL",
        Between b => CompileBetween(b),
        In i => CompileIn(i),
        IdIn ids => CompileIds(ids),
        SpatialFilter s => CompileSpatial(s),
        TemporalFilter t => CompileTemporal(t),
        _ => throw Unsupported(filter.GetType().Name),
    };

    private string Join(IReadOnlyList<Filter> operands, string op, string empty) =>
        operands.Count == 0 ? empty : "(" + string.Join(op, operands.Select(Compile)) + ")";

    private static readonly Dictionary<ComparisonOperator, string> Operators = new()
    {
        [ComparisonOperator.Equal] = "=",
        [ComparisonOperator.NotEqual] = "<>",
        [ComparisonOperator.LessThan] = "<",
        [ComparisonOperator.LessThanOrEqual] = "<=",
        [ComparisonOperator.GreaterThan] = ">",
        [ComparisonOperator.GreaterThanOrEqual] = ">=",
    };

    private string CompileComparison(Comparison c)
    {
        var leftType = TypeOf(c.Left);
        var rightType = TypeOf(c.Right);
        var left = Value(c.Left, rightType);
        var right = Value(c.Right, leftType);
        var isText = (leftType ?? rightType) == AttributeType.String;
        if (!c.MatchCase && isText)
        {
            left = Lower(left);
            right = Lower(right);
        }
        return $"{left} {Operators[c.Operator]} {right}";
    }

    private string CompileLike(Like like)
    {
        var value = Value(like.Value, AttributeType.String);
        if (TypeOf(like.Value) != AttributeType.String)
            value = CastToText(value);
        if (!like.MatchCase)
            value = Lower(value);
        return Like(value, new LikePattern(like), like.MatchCase);
    }

    private string CompileBetween(Between b)
    {
        var type = TypeOf(b.Value) ?? TypeOf(b.Lower) ?? TypeOf(b.Upper);
        return $"{Value(b.Value, type)} BETWEEN {Value(b.Lower, type)} AND {Value(b.Upper, type)}";
    }

    private string CompileIn(In i)
    {
        if (i.List.Count == 0)
            return False;
        var type = TypeOf(i.Value);
        return $"{Value(i.Value, null)} IN ({string.Join(", ", i.List.Select(e => Value(e, type)))})";
    }

    private string CompileIds(IdIn ids)
    {
        var values = new List<string>(ids.Ids.Count);
        foreach (var id in ids.Ids.Distinct(StringComparer.Ordinal))
        {
            if (Schema.IdAttribute.Type == AttributeType.String)
                values.Add(Param(id));
            else if (long.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                values.Add(Param(n));
            // A non-numeric id cannot name a row of an integer-keyed table: it simply matches nothing.
        }
        return values.Count == 0 ? False : $"{Schema.QuotedId} IN ({string.Join(", ", values)})";
    }

    private string CompileSpatial(SpatialFilter s)
    {
        if (s.Property is not null && s.Property != Schema.Layer.GeometryColumn)
            throw ServiceException.Invalid("filter", $"Layer '{Schema.Layer.Id}' has no geometry property '{s.Property}'.");

        var native = Schema.Layer.Srid;
        var transform = Crs.GetTransform(s.Srid == 0 ? native : s.Srid, native);
        if (s.Operator == SpatialOperator.BBox)
        {
            var envelope = transform.TransformEnvelope(s.Geometry.EnvelopeInternal);
            return envelope.IsNull ? False : Bbox(envelope, exact: true);
        }

        var geometry = transform.Transform(s.Geometry);
        geometry.SRID = native;
        double? distance = s.Distance is { } d
            ? d * Crs.MetersPerUnit(transform.SourceSrid) / Crs.MetersPerUnit(native)
            : null;
        if (s.Operator is SpatialOperator.DWithin or SpatialOperator.Beyond && distance is null)
            throw ServiceException.Invalid("filter", $"{s.Operator} needs a distance.");
        return Spatial(s.Operator, geometry, distance);
    }

    private string CompileTemporal(TemporalFilter t)
    {
        var column = Schema.Resolve(t.Property, "filter");
        if (column.Type is not (AttributeType.Date or AttributeType.DateTime))
            throw ServiceException.Invalid("filter", $"Property '{t.Property}' is not a date or time.");
        var sql = SqlIdentifier.Quote(column.Name);
        var start = t.Start ?? t.End;
        var end = t.End ?? t.Start;
        if (start is null || end is null)
            return True;

        string P(DateTimeOffset v) => Param(column.Type == AttributeType.Date ? LiteralCoercion.ToDate(v) : v.ToUniversalTime());
        return t.Operator switch
        {
            TemporalOperator.After => $"{sql} > {P(end.Value)}",
            TemporalOperator.Before => $"{sql} < {P(start.Value)}",
            TemporalOperator.TEquals => $"{sql} = {P(start.Value)}",
            TemporalOperator.During => $"({sql} > {P(start.Value)} AND {sql} < {P(end.Value)})",
            TemporalOperator.AnyInteracts => $"({sql} >= {P(start.Value)} AND {sql} <= {P(end.Value)})",
            _ => throw Unsupported(t.Operator.ToString()),
        };
    }

    /// <summary>Type of an expression when it is known from the schema; null for bare literals.</summary>
    private AttributeType? TypeOf(Expression e) => e switch
    {
        PropertyName p => Schema.Resolve(p.Name, "filter").Type,
        Arithmetic a => TypeOf(a.Left) is AttributeType.Integer or AttributeType.Long && TypeOf(a.Right) is AttributeType.Integer or AttributeType.Long
            ? AttributeType.Long
            : AttributeType.Double,
        FunctionCall f => FunctionType(f),
        _ => null,
    };

    private static AttributeType? FunctionType(FunctionCall f) => f.Name.ToLowerInvariant() switch
    {
        "strlength" => AttributeType.Long,
        _ => AttributeType.String,
    };

    /// <summary>SQL for an expression; literals are coerced to <paramref name="typeHint"/> (the other side's type).</summary>
    private string Value(Expression e, AttributeType? typeHint)
    {
        switch (e)
        {
            case PropertyName p:
                return SqlIdentifier.Quote(Schema.Resolve(p.Name, "filter").Name);
            case Literal { Value: null }:
                return "NULL";
            case Literal l:
                return Param(LiteralCoercion.Coerce(l.Value, typeHint, typeHint?.ToString() ?? "literal"));
            case Arithmetic a:
                var op = a.Operator switch
                {
                    ArithmeticOperator.Add => "+",
                    ArithmeticOperator.Subtract => "-",
                    ArithmeticOperator.Multiply => "*",
                    _ => "/",
                };
                return $"({Value(a.Left, AttributeType.Double)} {op} {Value(a.Right, AttributeType.Double)})";
            case FunctionCall f:
                return Function(f);
            default:
                throw Unsupported(e.GetType().Name);
        }
    }

    // The few SE/FES functions that mean the same in every engine. Others are refused rather than guessed.
    private string Function(FunctionCall f)
    {
        var args = f.Arguments.Select(a => Value(a, AttributeType.String)).ToList();
        switch (f.Name.ToLowerInvariant())
        {
            case "strtolowercase" or "lower" when args.Count == 1:
                return Lower(args[0]);
            case "strtouppercase" or "upper" when args.Count == 1:
                return Upper(args[0]);
            case "strlength" or "length" when args.Count == 1:
                return $"length({args[0]})";
            case "concatenate" or "strconcat" when args.Count >= 1:
                var sb = new StringBuilder("(");
                sb.AppendJoin(" || ", args.Select(a => "COALESCE(" + CastToText(a) + ", '')"));
                return sb.Append(')').ToString();
            default:
                throw Unsupported($"function {f.Name}");
        }
    }

    protected static ServiceException Unsupported(string what) =>
        new(ErrorKind.OperationNotSupported, "OperationNotSupported", $"Filter element not supported by this source: {what}.", "filter");
}
