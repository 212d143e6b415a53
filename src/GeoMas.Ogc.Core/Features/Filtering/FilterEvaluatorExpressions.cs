using System.Globalization;

namespace GeoMas.Ogc.Core.Features.Filtering;

/// <summary>Compiles <see cref="Expression"/>s to delegates over <see cref="Feature.Values"/> (used by <see cref="FilterEvaluator"/>).</summary>
internal sealed class ExpressionCompiler(IReadOnlyList<string> propertyNames)
{
    public Func<Feature, object?> Compile(Expression expression) => expression switch
    {
        Literal l => Constant(l.Value is DBNull ? null : l.Value),
        PropertyName p => CompileProperty(p.Name),
        Arithmetic a => CompileArithmetic(a),
        FunctionCall f => CompileFunction(f),
        _ => throw new ArgumentException($"Expression type {expression.GetType().Name} cannot be evaluated.", nameof(expression)),
    };

    /// <summary>
    /// Like <see cref="Compile"/>, but a string literal becomes a <see cref="TextLiteral"/> parsed once as number and
    /// date: SLD literals are always text, and re-parsing "1000" for every feature of every rule is wasted work.
    /// </summary>
    public Func<Feature, object?> CompileOperand(Expression expression) =>
        expression is Literal { Value: string text } ? Constant(TextLiteral.Parse(text)) : Compile(expression);

    private static Func<Feature, object?> Constant(object? value) => _ => value;

    private Func<Feature, object?> CompileProperty(string name)
    {
        var index = IndexOf(name);
        return feature =>
        {
            var values = feature.Values;
            var value = index < values.Length ? values[index] : null;
            return value is DBNull ? null : value;
        };
    }

    /// <summary>Exact name first, then case-insensitive (PostgreSQL folds unquoted names, SLD authors do not).</summary>
    private int IndexOf(string name)
    {
        for (var i = 0; i < propertyNames.Count; i++)
        {
            if (string.Equals(propertyNames[i], name, StringComparison.Ordinal))
                return i;
        }
        for (var i = 0; i < propertyNames.Count; i++)
        {
            if (string.Equals(propertyNames[i], name, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        throw new ArgumentException(
            $"Property '{name}' is not among the queried properties ({string.Join(", ", propertyNames)}).", nameof(name));
    }

    private Func<Feature, object?> CompileArithmetic(Arithmetic arithmetic)
    {
        var left = CompileOperand(arithmetic.Left);
        var right = CompileOperand(arithmetic.Right);
        Func<double, double, double> op = arithmetic.Operator switch
        {
            ArithmeticOperator.Add => static (a, b) => a + b,
            ArithmeticOperator.Subtract => static (a, b) => a - b,
            ArithmeticOperator.Multiply => static (a, b) => a * b,
            ArithmeticOperator.Divide => static (a, b) => a / b,
            _ => throw new ArgumentOutOfRangeException(nameof(arithmetic), arithmetic.Operator, "Unknown operator."),
        };
        return feature => FilterValues.ToDouble(left(feature)) is { } a && FilterValues.ToDouble(right(feature)) is { } b
            ? op(a, b)
            : null;
    }

    private Func<Feature, object?> CompileFunction(FunctionCall call)
    {
        var args = call.Arguments.Select(Compile).ToArray();
        switch (call.Name.ToLowerInvariant())
        {
            // GeoServer's SE Concatenate and the FES strConcat: null parts contribute nothing.
            case "concatenate":
            case "strconcat":
                return feature => string.Concat(args.Select(a => FilterValues.ToText(a(feature))));
            case "strtouppercase":
                RequireArity(call, 1);
                return feature => FilterValues.ToText(args[0](feature))?.ToUpperInvariant();
            case "strtolowercase":
                RequireArity(call, 1);
                return feature => FilterValues.ToText(args[0](feature))?.ToLowerInvariant();
            case "strtrim":
                RequireArity(call, 1);
                return feature => FilterValues.ToText(args[0](feature))?.Trim();
            case "strlength":
                RequireArity(call, 1);
                return feature => FilterValues.ToText(args[0](feature)) is { } s ? s.Length : null;
            default:
                throw new ArgumentException(
                    $"Function '{call.Name}' is not supported (supported: Concatenate, strConcat, strToUpperCase, strToLowerCase, strTrim, strLength).",
                    nameof(call));
        }
    }

    private static void RequireArity(FunctionCall call, int count)
    {
        if (call.Arguments.Count != count)
            throw new ArgumentException($"Function '{call.Name}' takes {count.ToString(CultureInfo.InvariantCulture)} argument(s).", nameof(call));
    }
}

/// <summary>A text literal with its number and date readings computed once.</summary>
internal sealed record TextLiteral(string Text, double? Number, DateTimeOffset? Date)
{
    public static TextLiteral Parse(string text) => new(
        text,
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
        FilterValues.TryParseDate(text, out var t) ? t : null);
}
