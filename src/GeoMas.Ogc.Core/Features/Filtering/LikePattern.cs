using System.Text;
using System.Text.RegularExpressions;

namespace GeoMas.Ogc.Core.Features.Filtering;

/// <summary>Translates a FES/SQL LIKE pattern with configurable wildcard characters into an anchored regex.</summary>
internal static class LikePattern
{
    public static Regex ToRegex(string pattern, char wildCard, char singleChar, char escape, bool matchCase)
    {
        var sb = new StringBuilder(@"\A");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == escape && i + 1 < pattern.Length)
            {
                sb.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else if (c == wildCard)
            {
                sb.Append(".*");
            }
            else if (c == singleChar)
            {
                sb.Append('.');
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }
        sb.Append(@"\z");
        var options = RegexOptions.Singleline | RegexOptions.CultureInvariant;
        if (!matchCase)
            options |= RegexOptions.IgnoreCase;
        return new Regex(sb.ToString(), options, TimeSpan.FromSeconds(1));
    }
}
