namespace GeoMas.Ogc.Core.Features.Filtering;

/// <summary>A value inside a filter or a style: a property, a literal or a function of those.</summary>
public abstract record Expression;

public sealed record PropertyName(string Name) : Expression;

public sealed record Literal(object? Value) : Expression;

public enum ArithmeticOperator { Add, Subtract, Multiply, Divide }

public sealed record Arithmetic(ArithmeticOperator Operator, Expression Left, Expression Right) : Expression;

/// <summary>A named function (SE: Concatenate, strToUpperCase...). Unknown names are rejected by parsers.</summary>
public sealed record FunctionCall(string Name, IReadOnlyList<Expression> Arguments) : Expression;
