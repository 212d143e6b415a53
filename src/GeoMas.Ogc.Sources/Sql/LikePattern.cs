using System.Text;
using GeoMas.Ogc.Core.Features.Filtering;

namespace GeoMas.Ogc.Sources.Sql;

/// <summary>
/// A FES/CQL LIKE pattern parsed once into literal runs and wildcards, then written in the syntax of the
/// engine: SQL LIKE with '\' as escape (PostgreSQL) or GLOB (SQLite, whose LIKE ignores ASCII case).
/// </summary>
internal sealed class LikePattern
{
    private enum Token { Literal, Any, One }

    private readonly List<(Token Kind, char Char)> _tokens = [];

    public LikePattern(Like like)
    {
        var pattern = like.Pattern;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == like.Escape && i + 1 < pattern.Length)
                _tokens.Add((Token.Literal, Fold(pattern[++i], like.MatchCase)));
            else if (c == like.WildCard)
                _tokens.Add((Token.Any, c));
            else if (c == like.SingleChar)
                _tokens.Add((Token.One, c));
            else
                _tokens.Add((Token.Literal, Fold(c, like.MatchCase)));
        }
    }

    /// <summary>Pattern for <c>LIKE ... ESCAPE '\'</c>.</summary>
    public string ToSqlLike()
    {
        var sb = new StringBuilder();
        foreach (var (kind, c) in _tokens)
        {
            switch (kind)
            {
                case Token.Any: sb.Append('%'); break;
                case Token.One: sb.Append('_'); break;
                default:
                    if (c is '%' or '_' or '\\')
                        sb.Append('\\');
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Pattern for SQLite GLOB (case-sensitive; '*', '?' and '[' are escaped as one-char classes).</summary>
    public string ToGlob()
    {
        var sb = new StringBuilder();
        foreach (var (kind, c) in _tokens)
        {
            switch (kind)
            {
                case Token.Any: sb.Append('*'); break;
                case Token.One: sb.Append('?'); break;
                default:
                    if (c is '*' or '?' or '[')
                        sb.Append('[').Append(c).Append(']');
                    else
                        sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    // Case-insensitive matching lowers both sides; the column side is lowered in SQL.
    private static char Fold(char c, bool matchCase) => matchCase ? c : char.ToLowerInvariant(c);
}
