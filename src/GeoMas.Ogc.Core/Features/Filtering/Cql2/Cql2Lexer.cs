using System.Text;

namespace GeoMas.Ogc.Core.Features.Filtering.Cql2;

/// <summary>
/// Splits CQL2 text into tokens (OGC 21-065 BNF): identifiers may hold ':' and '.', strings escape a quote as
/// '' or \', double-quoted identifiers escape '"' as "". Signs are separate operator tokens: the parser decides
/// whether '-' is a sign or a subtraction.
/// </summary>
internal static class Cql2Lexer
{
    public static List<Cql2Token> Tokenize(string text)
    {
        var tokens = new List<Cql2Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
                i++;
            if (i >= text.Length)
            {
                tokens.Add(new Cql2Token(Cql2TokenKind.End, "", text.Length));
                return tokens;
            }

            var start = i;
            var c = text[i];
            if (c == '\'')
                tokens.Add(new Cql2Token(Cql2TokenKind.String, ReadQuoted(text, ref i, '\'', allowBackslash: true), start));
            else if (c == '"')
                tokens.Add(new Cql2Token(Cql2TokenKind.QuotedIdentifier, ReadQuoted(text, ref i, '"', allowBackslash: false), start));
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
                tokens.Add(new Cql2Token(Cql2TokenKind.Number, ReadNumber(text, ref i), start));
            else if (IsIdentifierStart(c))
            {
                while (i < text.Length && IsIdentifierPart(text[i]))
                    i++;
                tokens.Add(new Cql2Token(Cql2TokenKind.Identifier, text[start..i], start));
            }
            else
                tokens.Add(new Cql2Token(Cql2TokenKind.Operator, ReadOperator(text, ref i), start));
        }
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c is '_' or ':';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c is '_' or ':' or '.' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;

    private static string ReadQuoted(string text, ref int i, char quote, bool allowBackslash)
    {
        var start = i;
        var sb = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    sb.Append(quote);
                    i += 2;
                    continue;
                }
                i++;
                return sb.ToString();
            }
            // Only \' is an escape here: other backslashes are kept, they are LIKE escapes.
            if (allowBackslash && c == '\\' && i + 1 < text.Length && text[i + 1] == quote)
            {
                sb.Append(quote);
                i += 2;
                continue;
            }
            sb.Append(c);
            i++;
        }
        throw new FilterParseException(quote == '\'' ? "Unterminated string literal." : "Unterminated quoted property name.", position: start);
    }

    private static string ReadNumber(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
            i++;
        if (i < text.Length && text[i] == '.' && !(i + 1 < text.Length && text[i + 1] == '.'))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
                i++;
        }
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < text.Length && text[j] is '+' or '-')
                j++;
            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                    i++;
            }
        }
        if (i < text.Length && IsIdentifierStart(text[i]))
            throw new FilterParseException($"Malformed number '{text[start..(i + 1)]}'.", position: start);
        return text[start..i];
    }

    private static string ReadOperator(string text, ref int i)
    {
        var c = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        string op;
        if ((c == '<' && next is '>' or '=') || (c == '>' && next == '=') || (c == '!' && next == '='))
            op = text.Substring(i, 2);
        else if (c is '=' or '<' or '>' or '(' or ')' or ',' or '+' or '-' or '*' or '/' or '%' or '^' or '[' or ']')
            op = c.ToString();
        else
            throw new FilterParseException($"Unexpected character '{c}'.", position: i);
        i += op.Length;
        return op;
    }
}
