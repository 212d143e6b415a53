using System.Globalization;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Features.Filtering.Cql2;

/// <summary>
/// Parses CQL2 text (OGC 21-065, cql2-text) into the filter AST: a recursive-descent parser over the BNF
/// (booleanExpression → OR of AND of [NOT] primaries). Keywords are case-insensitive; property names are
/// identifiers or double-quoted; every error is a <see cref="FilterParseException"/> with the character position.
/// </summary>
public sealed class Cql2TextParser
{
    private readonly List<Cql2Token> _tokens;
    private readonly Cql2Builder _build;
    private int _index;
    private int _depth;

    private Cql2TextParser(List<Cql2Token> tokens, Cql2ParserOptions options)
    {
        _tokens = tokens;
        _build = new Cql2Builder(options);
    }

    public static ParsedFilter Parse(string text, Cql2ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= Cql2ParserOptions.Default;
        if (text.Length > options.MaxLength)
            throw new FilterParseException($"The filter is longer than {options.MaxLength.ToString(CultureInfo.InvariantCulture)} characters.");
        if (string.IsNullOrWhiteSpace(text))
            throw new FilterParseException("The filter is empty.", position: 0);

        var parser = new Cql2TextParser(Cql2Lexer.Tokenize(text), options);
        var filter = parser.ParseOr();
        if (parser.Current.Kind != Cql2TokenKind.End)
            throw parser.Error($"Unexpected {parser.Current.Describe()} after a complete filter");
        return parser._build.Result(filter);
    }

    private Cql2Token Current => _tokens[_index];

    private Cql2Token Peek(int ahead = 1) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    private Cql2Token Next() => _tokens[_index < _tokens.Count - 1 ? _index++ : _index];

    private FilterParseException Error(string message, Cql2Token? at = null) =>
        new($"{message}.", position: (at ?? Current).Position);

    private void Expect(string op)
    {
        if (!Current.IsOperator(op))
            throw Error($"Expected '{op}' but found {Current.Describe()}");
        Next();
    }

    private void Enter()
    {
        if (++_depth > _build.MaxDepth)
            throw Error("The filter is nested too deeply");
    }

    // booleanExpression = booleanTerm { OR booleanTerm }
    private Filter ParseOr()
    {
        Enter();
        var operands = new List<Filter> { ParseAnd() };
        while (Current.IsKeyword("OR"))
        {
            Next();
            operands.Add(ParseAnd());
        }
        _depth--;
        return operands.Count == 1 ? operands[0] : new Or(operands);
    }

    // booleanTerm = booleanFactor { AND booleanFactor }
    private Filter ParseAnd()
    {
        var operands = new List<Filter> { ParseNot() };
        while (Current.IsKeyword("AND"))
        {
            Next();
            operands.Add(ParseNot());
        }
        return operands.Count == 1 ? operands[0] : new And(operands);
    }

    // booleanFactor = [ NOT ] booleanPrimary
    private Filter ParseNot()
    {
        if (Current.IsKeyword("NOT"))
        {
            Next();
            Enter();
            var operand = ParseNot();
            _depth--;
            return new Not(operand);
        }
        return ParsePrimary();
    }

    private Filter ParsePrimary()
    {
        var token = Current;
        if (token.IsOperator("("))
        {
            // "(" may open a boolean group or an arithmetic operand such as (a + b) > 3: try the group first.
            var mark = _index;
            var depth = _depth;
            FilterParseException? groupError = null;
            try
            {
                Next();
                var inner = ParseOr();
                Expect(")");
                if (!ContinuesPredicate())
                    return inner;
            }
            catch (FilterParseException e)
            {
                groupError = e;
            }
            // Not a boolean group: re-read as a scalar predicate. When both readings fail, the one that got
            // further describes the mistake.
            _index = mark;
            _depth = depth;
            try
            {
                return ParsePredicate();
            }
            catch (FilterParseException e) when (groupError is not null && (groupError.Position ?? 0) > (e.Position ?? 0))
            {
                throw groupError;
            }
        }
        if (token.Kind == Cql2TokenKind.Identifier && Peek().IsOperator("("))
        {
            if (Cql2Builder.IsSpatialFunction(token.Text))
                return ParseSpatial();
            if (Cql2Builder.IsTemporalFunction(token.Text))
                return ParseTemporal();
            if (token.Text.StartsWith("A_", StringComparison.OrdinalIgnoreCase))
                throw Error($"Array function {token.Text.ToUpperInvariant()} is not supported");
        }
        if ((token.IsKeyword("TRUE") || token.IsKeyword("FALSE")) && !StartsOperatorAt(_index + 1))
        {
            Next();
            return new Constant(token.IsKeyword("TRUE"));
        }
        return ParsePredicate();
    }

    private bool ContinuesPredicate() => StartsOperatorAt(_index);

    private bool StartsOperatorAt(int index)
    {
        var t = _tokens[Math.Min(index, _tokens.Count - 1)];
        if (t.Kind == Cql2TokenKind.Operator)
            return t.Text is "=" or "<>" or "!=" or "<" or ">" or "<=" or ">=" or "+" or "-" or "*" or "/" or "%" or "^";
        if (t.IsKeyword("NOT"))
        {
            var n = _tokens[Math.Min(index + 1, _tokens.Count - 1)];
            return n.IsKeyword("LIKE") || n.IsKeyword("BETWEEN") || n.IsKeyword("IN");
        }
        return t.IsKeyword("LIKE") || t.IsKeyword("BETWEEN") || t.IsKeyword("IN") || t.IsKeyword("IS") || t.IsKeyword("DIV");
    }

    private Filter ParsePredicate()
    {
        var start = Current;
        var left = ParseScalar();
        var op = Current;
        if (op.Kind == Cql2TokenKind.Operator && ComparisonFor(op.Text) is { } comparison)
        {
            Next();
            var right = ParseScalar();
            return _build.Compare(comparison, left, right, op.Position);
        }
        if (op.IsKeyword("IS"))
        {
            Next();
            var negate = false;
            if (Current.IsKeyword("NOT"))
            {
                Next();
                negate = true;
            }
            if (!Current.IsKeyword("NULL"))
                throw Error($"Expected NULL after IS but found {Current.Describe()}");
            Next();
            var isNull = Cql2Builder.IsNull(left);
            return negate ? new Not(isNull) : isNull;
        }
        var not = false;
        if (op.IsKeyword("NOT"))
        {
            Next();
            not = true;
        }
        Filter filter;
        if (Current.IsKeyword("LIKE"))
        {
            Next();
            filter = _build.Like(left, ParseScalar(), op.Position);
        }
        else if (Current.IsKeyword("BETWEEN"))
        {
            Next();
            var lower = ParseScalar();
            if (!Current.IsKeyword("AND"))
                throw Error($"Expected AND in BETWEEN but found {Current.Describe()}");
            Next();
            filter = _build.Between(left, lower, ParseScalar(), op.Position);
        }
        else if (Current.IsKeyword("IN"))
        {
            Next();
            Expect("(");
            var list = new List<Expression> { ParseScalar() };
            while (Current.IsOperator(","))
            {
                Next();
                list.Add(ParseScalar());
            }
            Expect(")");
            filter = _build.In(left, list, op.Position);
        }
        else
        {
            throw Error(not
                ? $"Expected LIKE, BETWEEN or IN after NOT but found {Current.Describe()}"
                : $"Expected a comparison operator, LIKE, BETWEEN, IN or IS after {Describe(start)} but found {Current.Describe()}");
        }
        return not ? new Not(filter) : filter;
    }

    private static string Describe(Cql2Token token) => token.Describe();

    private static ComparisonOperator? ComparisonFor(string op) => op switch
    {
        "=" => ComparisonOperator.Equal,
        "<>" or "!=" => ComparisonOperator.NotEqual,
        "<" => ComparisonOperator.LessThan,
        ">" => ComparisonOperator.GreaterThan,
        "<=" => ComparisonOperator.LessThanOrEqual,
        ">=" => ComparisonOperator.GreaterThanOrEqual,
        _ => null,
    };

    // Arithmetic: additive = term { (+|-) term }, term = unary { (*|/) unary }.
    private Expression ParseScalar()
    {
        Enter();
        var left = ParseTerm();
        while (Current.IsOperator("+") || Current.IsOperator("-"))
        {
            var op = Next();
            var right = ParseTerm();
            left = _build.Arithmetic(op.Text == "+" ? ArithmeticOperator.Add : ArithmeticOperator.Subtract, left, right, op.Position);
        }
        _depth--;
        return left;
    }

    private Expression ParseTerm()
    {
        var left = ParseUnary();
        while (true)
        {
            var op = Current;
            if (op.IsOperator("*") || op.IsOperator("/"))
            {
                Next();
                var right = ParseUnary();
                left = _build.Arithmetic(op.Text == "*" ? ArithmeticOperator.Multiply : ArithmeticOperator.Divide, left, right, op.Position);
            }
            else if (op.IsOperator("%") || op.IsOperator("^") || op.IsKeyword("DIV"))
            {
                throw Error($"Operator '{op.Text}' is not supported (supported: + - * /)");
            }
            else
            {
                return left;
            }
        }
    }

    private Expression ParseUnary()
    {
        var token = Current;
        if (token.IsOperator("-") || token.IsOperator("+"))
        {
            Next();
            // A signed number is a literal, not arithmetic (Basic CQL2 allows -5 without the Arithmetic class).
            if (Current.Kind == Cql2TokenKind.Number)
            {
                var number = ParseNumber(Next());
                return new Literal(token.Text == "-" ? Negate(number) : number);
            }
            Enter();
            var operand = ParseUnary();
            _depth--;
            return token.Text == "-"
                ? _build.Arithmetic(ArithmeticOperator.Subtract, new Literal(0L), operand, token.Position)
                : operand;
        }
        return ParseAtom();
    }

    private static object Negate(object number) => number switch
    {
        long l => -l,
        double d => -d,
        _ => number,
    };

    private Expression ParseAtom()
    {
        var token = Current;
        switch (token.Kind)
        {
            case Cql2TokenKind.String:
                Next();
                return new Literal(token.Text);
            case Cql2TokenKind.Number:
                Next();
                return new Literal(ParseNumber(token));
            case Cql2TokenKind.QuotedIdentifier:
                Next();
                return _build.Property(token.Text, token.Position);
            case Cql2TokenKind.Operator when token.Text == "(":
                Next();
                var inner = ParseScalar();
                Expect(")");
                return inner;
            case Cql2TokenKind.Identifier:
                return ParseIdentifierAtom();
            default:
                throw Error($"Expected a value but found {token.Describe()}");
        }
    }

    private Expression ParseIdentifierAtom()
    {
        var token = Next();
        var name = token.Text;
        if (token.IsKeyword("TRUE") || token.IsKeyword("FALSE"))
            return new Literal(token.IsKeyword("TRUE"));
        if (token.IsKeyword("NULL"))
            throw Error("NULL is only allowed in IS [NOT] NULL", token);
        if (IsReserved(name))
            throw Error($"Unexpected keyword {name.ToUpperInvariant()}", token);
        if (!Current.IsOperator("("))
            return _build.Property(name, token.Position);

        switch (name.ToUpperInvariant())
        {
            case "DATE":
                return new Literal(ParseDate(ParseSingleStringArgument()));
            case "TIMESTAMP":
                return new Literal(ParseTimestamp(ParseSingleStringArgument()));
            case "CASEI":
                Next();
                var ci = ParseScalar();
                Expect(")");
                return _build.CaseI(ci, token.Position);
            case "ACCENTI":
                return Cql2Builder.AccentI(token.Position);
            case "INTERVAL":
                throw Error("INTERVAL is only allowed in temporal functions (T_...)", token);
            default:
                if (WktKeywords.Contains(name))
                    throw Error($"Geometry literal {name.ToUpperInvariant()} is only allowed in spatial functions (S_...)", token);
                Next();
                var args = new List<Expression>();
                if (!Current.IsOperator(")"))
                {
                    args.Add(ParseScalar());
                    while (Current.IsOperator(","))
                    {
                        Next();
                        args.Add(ParseScalar());
                    }
                }
                Expect(")");
                return _build.Function(name, args, token.Position);
        }
    }

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "DIV",
    };

    private static readonly HashSet<string> WktKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION", "BBOX",
    };

    private static bool IsReserved(string name) => Reserved.Contains(name);

    private Cql2Token ParseSingleStringArgument()
    {
        Expect("(");
        var value = Current;
        if (value.Kind != Cql2TokenKind.String)
            throw Error($"Expected a quoted date or timestamp but found {value.Describe()}");
        Next();
        Expect(")");
        return value;
    }

    private object ParseNumber(Cql2Token token)
    {
        var text = token.Text;
        if (text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var l))
            return l;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
            return d;
        throw Error($"Malformed number '{text}'", token);
    }

    private DateOnly ParseDate(Cql2Token token)
    {
        if (DateOnly.TryParseExact(token.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        throw Error($"'{token.Text}' is not a date (YYYY-MM-DD)", token);
    }

    private DateTimeOffset ParseTimestamp(Cql2Token token) =>
        Cql2Instants.TryParseTimestamp(token.Text, out var t) ? t : throw Error($"'{token.Text}' is not a timestamp (YYYY-MM-DDThh:mm:ss[.f]Z)", token);

    // --- spatial -------------------------------------------------------------------------------------------

    private Filter ParseSpatial()
    {
        var name = Next();
        Expect("(");
        var first = ParseGeometryOperand();
        Expect(",");
        var second = ParseGeometryOperand();
        Expect(")");
        return _build.Spatial(name.Text, first, second, name.Position);
    }

    private Cql2Operand ParseGeometryOperand()
    {
        var token = Current;
        if (token.Kind == Cql2TokenKind.Identifier && WktKeywords.Contains(token.Text)
            && (Peek().IsOperator("(") || Peek().IsKeyword("Z") || Peek().IsKeyword("EMPTY")))
        {
            return new GeometryOperand(ParseGeometryLiteral(), token.Position);
        }
        return new ScalarOperand(ParseScalar(), token.Position);
    }

    private Geometry ParseGeometryLiteral()
    {
        var token = Next();
        var kind = token.Text.ToUpperInvariant();
        if (kind is not ("POINT" or "BBOX"))
            _build.Require(Cql2Conformance.BasicSpatialFunctionsPlus, $"Geometry literal {kind}", token.Position);
        if (kind == "BBOX")
        {
            Expect("(");
            var values = new List<double> { ParseSignedNumber() };
            while (Current.IsOperator(","))
            {
                Next();
                values.Add(ParseSignedNumber());
            }
            Expect(")");
            return _build.Bbox(values, token.Position);
        }
        var hasZ = false;
        if (Current.IsKeyword("Z"))
        {
            Next();
            hasZ = true;
        }
        if (Current.IsKeyword("EMPTY"))
            throw Error("Empty geometry literals are not supported");
        return ParseTaggedBody(kind, hasZ);
    }

    private Geometry ParseTaggedBody(string kind, bool hasZ)
    {
        var f = _build.Factory;
        switch (kind)
        {
            case "POINT":
                Expect("(");
                var c = ParseCoordinate(hasZ);
                Expect(")");
                return f.CreatePoint(c);
            case "LINESTRING":
                return CreateLine(ParseCoordinateList(hasZ, 2));
            case "POLYGON":
                return ParsePolygonText(hasZ);
            case "MULTIPOINT":
                // Both MULTIPOINT((1 2),(3 4)) and the common MULTIPOINT(1 2, 3 4).
                Expect("(");
                var points = new List<Point>();
                do
                {
                    if (Current.IsOperator("("))
                    {
                        Next();
                        points.Add(f.CreatePoint(ParseCoordinate(hasZ)));
                        Expect(")");
                    }
                    else
                    {
                        points.Add(f.CreatePoint(ParseCoordinate(hasZ)));
                    }
                }
                while (TryComma());
                Expect(")");
                return f.CreateMultiPoint(points.ToArray());
            case "MULTILINESTRING":
                Expect("(");
                var lines = new List<LineString>();
                do
                {
                    lines.Add(CreateLine(ParseCoordinateList(hasZ, 2)));
                }
                while (TryComma());
                Expect(")");
                return f.CreateMultiLineString(lines.ToArray());
            case "MULTIPOLYGON":
                Expect("(");
                var polygons = new List<Polygon>();
                do
                {
                    polygons.Add(ParsePolygonText(hasZ));
                }
                while (TryComma());
                Expect(")");
                return f.CreateMultiPolygon(polygons.ToArray());
            case "GEOMETRYCOLLECTION":
                Expect("(");
                var members = new List<Geometry>();
                do
                {
                    var member = Current;
                    if (member.Kind != Cql2TokenKind.Identifier || !WktKeywords.Contains(member.Text) || member.IsKeyword("BBOX"))
                        throw Error($"Expected a geometry in GEOMETRYCOLLECTION but found {member.Describe()}");
                    members.Add(ParseGeometryLiteral());
                }
                while (TryComma());
                Expect(")");
                return f.CreateGeometryCollection(members.ToArray());
            default:
                throw Error($"Unknown geometry type {kind}");
        }
    }

    private LineString CreateLine(Coordinate[] coordinates) => _build.Factory.CreateLineString(coordinates);

    private Polygon ParsePolygonText(bool hasZ)
    {
        var position = Current.Position;
        Expect("(");
        var rings = new List<Coordinate[]>();
        do
        {
            rings.Add(ParseCoordinateList(hasZ, 4));
        }
        while (TryComma());
        Expect(")");
        var f = _build.Factory;
        foreach (var ring in rings)
        {
            if (!ring[0].Equals2D(ring[^1]))
                throw new FilterParseException("A polygon ring must be closed (first point = last point).", position: position);
        }
        return f.CreatePolygon(f.CreateLinearRing(rings[0]), rings.Skip(1).Select(f.CreateLinearRing).ToArray());
    }

    private bool TryComma()
    {
        if (!Current.IsOperator(","))
            return false;
        Next();
        return true;
    }

    private Coordinate[] ParseCoordinateList(bool hasZ, int minimum)
    {
        var position = Current.Position;
        Expect("(");
        var list = new List<Coordinate> { ParseCoordinate(hasZ) };
        while (TryComma())
            list.Add(ParseCoordinate(hasZ));
        Expect(")");
        if (list.Count < minimum)
            throw new FilterParseException($"Expected at least {minimum} positions but found {list.Count}.", position: position);
        return list.ToArray();
    }

    private Coordinate ParseCoordinate(bool hasZ)
    {
        var position = Current.Position;
        var a1 = ParseSignedNumber();
        var a2 = ParseSignedNumber();
        // A third ordinate (POINT Z, or a 3D position without the tag) is elevation: the filter is 2D.
        if (hasZ || Current.Kind == Cql2TokenKind.Number || Current.IsOperator("-") || Current.IsOperator("+"))
            ParseSignedNumber();
        return _build.Coordinate(a1, a2, position);
    }

    private double ParseSignedNumber()
    {
        var sign = 1.0;
        if (Current.IsOperator("-") || Current.IsOperator("+"))
        {
            sign = Next().Text == "-" ? -1 : 1;
        }
        var token = Current;
        if (token.Kind != Cql2TokenKind.Number)
            throw Error($"Expected a number but found {token.Describe()}");
        Next();
        return sign * Convert.ToDouble(ParseNumber(token), CultureInfo.InvariantCulture);
    }

    // --- temporal ------------------------------------------------------------------------------------------

    private Filter ParseTemporal()
    {
        var name = Next();
        Expect("(");
        var first = ParseTemporalOperand();
        Expect(",");
        var second = ParseTemporalOperand();
        Expect(")");
        return _build.Temporal(name.Text, first, second, name.Position);
    }

    private Cql2Operand ParseTemporalOperand()
    {
        var token = Current;
        if (!token.IsKeyword("INTERVAL") || !Peek().IsOperator("("))
            return new ScalarOperand(ParseScalar(), token.Position);
        Next();
        Expect("(");
        var start = ParseIntervalBound();
        Expect(",");
        var end = ParseIntervalBound();
        Expect(")");
        if (start.Instant is { } s && end.Instant is { } e && s > e)
            throw Error("INTERVAL starts after it ends", token);
        return new IntervalOperand(start, end, token.Position);
    }

    private IntervalBound ParseIntervalBound()
    {
        var token = Current;
        if (token.Kind == Cql2TokenKind.String)
        {
            Next();
            if (token.Text == "..")
                return IntervalBound.Open;
            if (DateOnly.TryParseExact(token.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                return new IntervalBound(Cql2Builder.ToInstant(d), null);
            return new IntervalBound(ParseTimestamp(token), null);
        }
        var value = ParseScalar();
        return value switch
        {
            Literal { Value: DateOnly d } => new IntervalBound(Cql2Builder.ToInstant(d), null),
            Literal { Value: DateTimeOffset t } => new IntervalBound(t, null),
            PropertyName p => new IntervalBound(null, p.Name),
            _ => throw Error("An INTERVAL bound is a date, a timestamp, '..' or a property", token),
        };
    }
}
