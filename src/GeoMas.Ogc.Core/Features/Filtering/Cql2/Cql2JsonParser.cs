using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Features.Filtering.Cql2;

/// <summary>
/// Parses CQL2-JSON (OGC 21-065 cql2.json: <c>{"op": …, "args": […]}</c>, <c>{"property": …}</c>,
/// <c>{"date": …}</c>, <c>{"timestamp": …}</c>, <c>{"interval": […]}</c>, <c>{"bbox": […]}</c>, GeoJSON geometries)
/// into the filter AST with the same meaning as <see cref="Cql2TextParser"/>. Errors name the JSON path
/// (<c>$.args[1]</c>); JSON syntax errors carry line and column.
/// </summary>
public sealed class Cql2JsonParser
{
    private readonly Cql2Builder _build;
    private int _depth;

    private Cql2JsonParser(Cql2ParserOptions options) => _build = new Cql2Builder(options);

    public static ParsedFilter Parse(string json, Cql2ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        options ??= Cql2ParserOptions.Default;
        if (json.Length > options.MaxLength)
            throw new FilterParseException($"The filter is longer than {options.MaxLength.ToString(CultureInfo.InvariantCulture)} characters.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = options.MaxDepth });
        }
        catch (JsonException e)
        {
            throw new FilterParseException("The filter is not valid JSON: " + FirstSentence(e.Message),
                line: (int)(e.LineNumber ?? 0) + 1, column: (int)(e.BytePositionInLine ?? 0) + 1, inner: e);
        }
        using (document)
            return Parse(document.RootElement, options);
    }

    /// <summary>Parses an already-read JSON value (e.g. the <c>filter</c> member of a POST body).</summary>
    public static ParsedFilter Parse(JsonElement element, Cql2ParserOptions? options = null)
    {
        var parser = new Cql2JsonParser(options ?? Cql2ParserOptions.Default);
        try
        {
            return parser._build.Result(parser.ParseBoolean(element, "$"));
        }
        catch (InvalidOperationException e)
        {
            // JsonElement's readers throw this for text JSON accepts but .NET cannot hold, such as an escaped lone
            // surrogate ("\ud800"): the request's fault (it was a 500 before the endpoint fuzz found it).
            throw new FilterParseException("The filter holds a value that cannot be read: " + e.Message, inner: e);
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static FilterParseException Error(string path, string message) => new($"{message} (at {path}).");

    private void Enter(string path)
    {
        if (++_depth > _build.MaxDepth)
            throw Error(path, "The filter is nested too deeply");
    }

    private Filter ParseBoolean(JsonElement e, string path)
    {
        Enter(path);
        try
        {
            return e.ValueKind switch
            {
                JsonValueKind.True => new Constant(true),
                JsonValueKind.False => new Constant(false),
                JsonValueKind.Object => ParseOperation(e, path),
                _ => throw Error(path, $"Expected a boolean expression (an object with \"op\" and \"args\") but found {Describe(e)}"),
            };
        }
        finally
        {
            _depth--;
        }
    }

    private Filter ParseOperation(JsonElement e, string path)
    {
        try
        {
            return ParseOperationCore(e, path);
        }
        catch (FilterParseException ex) when (ex.Position is null && ex.Line is null && !ex.Reason.Contains(" (at $", StringComparison.Ordinal))
        {
            // The shared builder knows no JSON path: name the operation that failed.
            throw Error(path, ex.Reason.TrimEnd('.'));
        }
    }

    private Filter ParseOperationCore(JsonElement e, string path)
    {
        var (op, args) = Operation(e, path);
        var a = $"{path}.args";
        switch (op.ToLowerInvariant())
        {
            case "and":
            case "or":
                if (args.Length < 1)
                    throw Error(a, $"'{op}' needs at least one argument");
                var operands = args.Select((x, i) => ParseBoolean(x, $"{a}[{i}]")).ToArray();
                return operands.Length == 1 ? operands[0] : op.Equals("and", StringComparison.OrdinalIgnoreCase) ? new And(operands) : new Or(operands);
            case "not":
                Arity(args, 1, op, a);
                return new Not(ParseBoolean(args[0], a + "[0]"));
            case "=": return Compare(ComparisonOperator.Equal, args, op, a);
            case "<>": return Compare(ComparisonOperator.NotEqual, args, op, a);
            case "<": return Compare(ComparisonOperator.LessThan, args, op, a);
            case ">": return Compare(ComparisonOperator.GreaterThan, args, op, a);
            case "<=": return Compare(ComparisonOperator.LessThanOrEqual, args, op, a);
            case ">=": return Compare(ComparisonOperator.GreaterThanOrEqual, args, op, a);
            case "like":
                Arity(args, 2, op, a);
                return _build.Like(ParseScalar(args[0], a + "[0]"), ParseScalar(args[1], a + "[1]"), null);
            case "between":
                if (args.Length == 2 && args[1].ValueKind == JsonValueKind.Array && args[1].GetArrayLength() == 2)
                    return _build.Between(ParseScalar(args[0], a + "[0]"), ParseScalar(args[1][0], a + "[1][0]"), ParseScalar(args[1][1], a + "[1][1]"), null);
                Arity(args, 3, op, a);
                return _build.Between(ParseScalar(args[0], a + "[0]"), ParseScalar(args[1], a + "[1]"), ParseScalar(args[2], a + "[2]"), null);
            case "in":
                Arity(args, 2, op, a);
                if (args[1].ValueKind != JsonValueKind.Array)
                    throw Error(a + "[1]", "The second argument of 'in' must be an array");
                var list = args[1].EnumerateArray().Select((x, i) => ParseScalar(x, $"{a}[1][{i}]")).ToArray();
                return _build.In(ParseScalar(args[0], a + "[0]"), list, null);
            case "isnull":
                Arity(args, 1, op, a);
                return Cql2Builder.IsNull(ParseScalar(args[0], a + "[0]"));
            default:
                if (Cql2Builder.IsSpatialFunction(op))
                {
                    Arity(args, 2, op, a);
                    return _build.Spatial(op, ParseGeometryOperand(args[0], a + "[0]"), ParseGeometryOperand(args[1], a + "[1]"), null);
                }
                if (Cql2Builder.IsTemporalFunction(op))
                {
                    Arity(args, 2, op, a);
                    return _build.Temporal(op, ParseTemporalOperand(args[0], a + "[0]"), ParseTemporalOperand(args[1], a + "[1]"), null);
                }
                throw Error(path, $"Unknown or unsupported operator '{op}'");
        }
    }

    private Filter Compare(ComparisonOperator comparison, JsonElement[] args, string op, string path)
    {
        Arity(args, 2, op, path);
        return _build.Compare(comparison, ParseScalar(args[0], path + "[0]"), ParseScalar(args[1], path + "[1]"), null);
    }

    private static (string Op, JsonElement[] Args) Operation(JsonElement e, string path)
    {
        if (!e.TryGetProperty("op", out var op) || op.ValueKind != JsonValueKind.String)
            throw Error(path, "Expected an object with a string \"op\"");
        if (!e.TryGetProperty("args", out var args))
            return (op.GetString()!, []);
        if (args.ValueKind != JsonValueKind.Array)
            throw Error(path + ".args", "\"args\" must be an array");
        return (op.GetString()!, args.EnumerateArray().ToArray());
    }

    private static void Arity(JsonElement[] args, int count, string op, string path)
    {
        if (args.Length != count)
            throw Error(path, $"'{op}' takes {count} argument(s), not {args.Length}");
    }

    private Expression ParseScalar(JsonElement e, string path)
    {
        Enter(path);
        try
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String:
                    return new Literal(e.GetString());
                case JsonValueKind.Number:
                    return new Literal(e.TryGetInt64(out var l) ? (object)l : e.GetDouble());
                case JsonValueKind.True:
                    return new Literal(true);
                case JsonValueKind.False:
                    return new Literal(false);
                case JsonValueKind.Object:
                    return ParseScalarObject(e, path);
                default:
                    throw Error(path, $"Expected a value but found {Describe(e)}");
            }
        }
        finally
        {
            _depth--;
        }
    }

    private Expression ParseScalarObject(JsonElement e, string path)
    {
        if (e.TryGetProperty("property", out var property))
        {
            if (property.ValueKind != JsonValueKind.String)
                throw Error(path + ".property", "A property name must be a string");
            return _build.Property(property.GetString()!, null);
        }
        if (e.TryGetProperty("date", out var date))
            return new Literal(date.ValueKind == JsonValueKind.String && Cql2Instants.TryParseDate(date.GetString()!, out var d)
                ? d
                : throw Error(path + ".date", "Expected a date string YYYY-MM-DD"));
        if (e.TryGetProperty("timestamp", out var timestamp))
            return new Literal(timestamp.ValueKind == JsonValueKind.String && Cql2Instants.TryParseTimestamp(timestamp.GetString()!, out var t)
                ? t
                : throw Error(path + ".timestamp", "Expected a timestamp string YYYY-MM-DDThh:mm:ss[.f]Z"));
        if (e.TryGetProperty("function", out var function))
            return ParseFunction(function, path + ".function");
        if (e.TryGetProperty("interval", out _) || e.TryGetProperty("bbox", out _) || e.TryGetProperty("type", out _))
            throw Error(path, "Intervals and geometries are only allowed in temporal and spatial operators");

        var (op, args) = Operation(e, path);
        var a = path + ".args";
        try
        {
            return ParseScalarOperation(op, args, path, a);
        }
        catch (FilterParseException ex) when (ex.Position is null && ex.Line is null && !ex.Reason.Contains(" (at $", StringComparison.Ordinal))
        {
            throw Error(path, ex.Reason.TrimEnd('.'));
        }
    }

    private Expression ParseScalarOperation(string op, JsonElement[] args, string path, string a)
    {
        switch (op.ToLowerInvariant())
        {
            case "casei":
                Arity(args, 1, op, a);
                return _build.CaseI(ParseScalar(args[0], a + "[0]"), null);
            case "accenti":
                return Cql2Builder.AccentI(null);
            case "+": return Arithmetic(ArithmeticOperator.Add, args, op, a);
            case "-": return Arithmetic(ArithmeticOperator.Subtract, args, op, a);
            case "*": return Arithmetic(ArithmeticOperator.Multiply, args, op, a);
            case "/": return Arithmetic(ArithmeticOperator.Divide, args, op, a);
            case "%" or "div" or "^":
                throw Error(path, $"Operator '{op}' is not supported (supported: + - * /)");
            default:
                // CQL2 1.0 writes functions as {"op": name, "args": [...]}.
                return _build.Function(op, args.Select((x, i) => ParseScalar(x, $"{a}[{i}]")).ToArray(), null);
        }
    }

    private Expression ParseFunction(JsonElement function, string path)
    {
        if (function.ValueKind != JsonValueKind.Object || !function.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
            throw Error(path, "A function needs a string \"name\"");
        var args = function.TryGetProperty("args", out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select((x, i) => ParseScalar(x, $"{path}.args[{i}]")).ToArray()
            : [];
        return _build.Function(name.GetString()!, args, null);
    }

    private Expression Arithmetic(ArithmeticOperator op, JsonElement[] args, string name, string path)
    {
        Arity(args, 2, name, path);
        return _build.Arithmetic(op, ParseScalar(args[0], path + "[0]"), ParseScalar(args[1], path + "[1]"), null);
    }

    // --- spatial -------------------------------------------------------------------------------------------

    private Cql2Operand ParseGeometryOperand(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            if (e.TryGetProperty("bbox", out var bbox) && !e.TryGetProperty("type", out _))
            {
                if (bbox.ValueKind != JsonValueKind.Array)
                    throw Error(path + ".bbox", "A bbox is an array of 4 or 6 numbers");
                var values = bbox.EnumerateArray().Select((x, i) => Number(x, $"{path}.bbox[{i}]")).ToArray();
                return new GeometryOperand(WithPath(path, () => _build.Bbox(values, null)), null);
            }
            if (e.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
                return new GeometryOperand(ParseGeoJson(e, type.GetString()!, path, 0), null);
        }
        return new ScalarOperand(ParseScalar(e, path), null);
    }

    private static T WithPath<T>(string path, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (FilterParseException ex)
        {
            throw Error(path, ex.Reason.TrimEnd('.'));
        }
    }

    private Geometry ParseGeoJson(JsonElement e, string type, string path, int depth)
    {
        if (type != "Point")
            _build.Require(Cql2Conformance.BasicSpatialFunctionsPlus, $"Geometry literal {type}", null);
        var f = _build.Factory;
        if (type == "GeometryCollection")
        {
            if (depth > 0 || !e.TryGetProperty("geometries", out var geometries) || geometries.ValueKind != JsonValueKind.Array)
                throw Error(path, "A GeometryCollection needs a \"geometries\" array (not nested)");
            return f.CreateGeometryCollection(geometries.EnumerateArray().Select((g, i) =>
            {
                var p = $"{path}.geometries[{i}]";
                return g.ValueKind == JsonValueKind.Object && g.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                    ? ParseGeoJson(g, t.GetString()!, p, depth + 1)
                    : throw Error(p, "Expected a GeoJSON geometry");
            }).ToArray());
        }
        if (!e.TryGetProperty("coordinates", out var c) || c.ValueKind != JsonValueKind.Array)
            throw Error(path, $"A GeoJSON {type} needs a \"coordinates\" array");
        var cp = path + ".coordinates";
        return type switch
        {
            "Point" => f.CreatePoint(Position(c, cp)),
            "LineString" => f.CreateLineString(Positions(c, cp, 2)),
            "Polygon" => Polygon(c, cp),
            "MultiPoint" => f.CreateMultiPoint(Items(c, cp).Select((x, i) => f.CreatePoint(Position(x, $"{cp}[{i}]"))).ToArray()),
            "MultiLineString" => f.CreateMultiLineString(Items(c, cp).Select((x, i) => f.CreateLineString(Positions(x, $"{cp}[{i}]", 2))).ToArray()),
            "MultiPolygon" => f.CreateMultiPolygon(Items(c, cp).Select((x, i) => Polygon(x, $"{cp}[{i}]")).ToArray()),
            _ => throw Error(path, $"Unknown GeoJSON geometry type '{type}'"),
        };
    }

    private Polygon Polygon(JsonElement rings, string path)
    {
        var f = _build.Factory;
        var list = Items(rings, path).Select((r, i) => Positions(r, $"{path}[{i}]", 4)).ToList();
        if (list.Count == 0)
            throw Error(path, "A polygon needs at least one ring");
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i][0].Equals2D(list[i][^1]))
                throw Error($"{path}[{i}]", "A polygon ring must be closed (first position = last position)");
        }
        return f.CreatePolygon(f.CreateLinearRing(list[0]), list.Skip(1).Select(f.CreateLinearRing).ToArray());
    }

    private static JsonElement[] Items(JsonElement array, string path) =>
        array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().ToArray() : throw Error(path, "Expected an array");

    private Coordinate[] Positions(JsonElement array, string path, int minimum)
    {
        var items = Items(array, path);
        if (items.Length < minimum)
            throw Error(path, $"Expected at least {minimum} positions but found {items.Length}");
        return items.Select((x, i) => Position(x, $"{path}[{i}]")).ToArray();
    }

    private Coordinate Position(JsonElement position, string path)
    {
        var items = Items(position, path);
        if (items.Length is < 2 or > 3)
            throw Error(path, "A position has 2 or 3 numbers");
        return _build.Coordinate(Number(items[0], path + "[0]"), Number(items[1], path + "[1]"), null);
    }

    private static double Number(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var d) && double.IsFinite(d) ? d : throw Error(path, "Expected a finite number");

    // --- temporal ------------------------------------------------------------------------------------------

    private Cql2Operand ParseTemporalOperand(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("interval", out var interval))
            return new ScalarOperand(ParseScalar(e, path), null);
        var p = path + ".interval";
        if (interval.ValueKind != JsonValueKind.Array || interval.GetArrayLength() != 2)
            throw Error(p, "An interval is an array of two bounds");
        var start = Bound(interval[0], p + "[0]");
        var end = Bound(interval[1], p + "[1]");
        if (start.Instant is { } s && end.Instant is { } en && s > en)
            throw Error(p, "The interval starts after it ends");
        return new IntervalOperand(start, end, null);
    }

    private IntervalBound Bound(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.String)
        {
            var text = e.GetString()!;
            if (text == "..")
                return IntervalBound.Open;
            if (Cql2Instants.TryParseDate(text, out var d))
                return new IntervalBound(Cql2Builder.ToInstant(d), null);
            if (Cql2Instants.TryParseTimestamp(text, out var t))
                return new IntervalBound(t, null);
            throw Error(path, $"'{text}' is not a date, a timestamp or '..'");
        }
        return ParseScalar(e, path) switch
        {
            Literal { Value: DateOnly d } => new IntervalBound(Cql2Builder.ToInstant(d), null),
            Literal { Value: DateTimeOffset t } => new IntervalBound(t, null),
            PropertyName pn => new IntervalBound(null, pn.Name),
            _ => throw Error(path, "An interval bound is a date, a timestamp, '..' or a property"),
        };
    }

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => e.ValueKind.ToString().ToLowerInvariant(),
    };
}
