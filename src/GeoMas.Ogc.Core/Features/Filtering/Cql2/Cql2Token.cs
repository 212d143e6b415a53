namespace GeoMas.Ogc.Core.Features.Filtering.Cql2;

internal enum Cql2TokenKind
{
    Identifier,
    QuotedIdentifier,
    String,
    Number,
    Operator,
    End,
}

/// <summary>One lexical token of CQL2 text; <see cref="Position"/> is its 0-based character offset.</summary>
internal readonly record struct Cql2Token(Cql2TokenKind Kind, string Text, int Position)
{
    public bool IsKeyword(string keyword) => Kind == Cql2TokenKind.Identifier && Text.Equals(keyword, StringComparison.OrdinalIgnoreCase);

    public bool IsOperator(string op) => Kind == Cql2TokenKind.Operator && Text == op;

    public string Describe() => Kind switch
    {
        Cql2TokenKind.End => "end of filter",
        Cql2TokenKind.String => $"'{Text}'",
        Cql2TokenKind.QuotedIdentifier => $"\"{Text}\"",
        _ => $"'{Text}'",
    };
}
